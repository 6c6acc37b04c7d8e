import { getDb } from "@/db/client";
import { Answer, route } from "@/lib/api";
import { createProjectOp, listProjectsOp } from "@/lib/contract/projects";
import { createProject, getProject, listProjects } from "@/lib/data/projects";

export const GET = route(listProjectsOp, async ({ ctx, query }) => await listProjects(getDb(), ctx.actor, query));

export const POST = route(createProjectOp, async ({ ctx, body }) => {
  const project = await createProject(getDb(), ctx, body);
  const view = (await getProject(getDb(), ctx.actor, project.id)).project;
  return new Answer(view, { location: `/api/v1/projects/${project.id}` });
});
