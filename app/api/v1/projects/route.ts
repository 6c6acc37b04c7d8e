import { getDb } from "@/db/client";
import { apiRoute, pageParams, readJson, validate } from "@/lib/api";
import { createProject, getProject, listProjects } from "@/lib/data/projects";
import { createProjectSchema, listProjectsQuery } from "@/lib/validation/projects";

export const GET = apiRoute(async (request, ctx) => {
  const { limit, cursor } = pageParams(request, 25);
  const url = new URL(request.url);
  const query = validate(listProjectsQuery, {
    q: url.searchParams.get("q") ?? undefined,
    status: url.searchParams.get("status") ?? undefined,
    limit,
  });
  const page = await listProjects(getDb(), ctx.actor, { ...query, cursor });
  return { items: page.items, nextCursor: page.nextCursor };
});

export const POST = apiRoute(async (request, ctx) => {
  const input = await readJson(request, createProjectSchema);
  const project = await createProject(getDb(), ctx, input);
  const view = (await getProject(getDb(), ctx.actor, project.id)).project;
  return Response.json(view, { status: 201, headers: { location: `/api/v1/projects/${project.id}` } });
});
