import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { listSprints, planSprint } from "@/lib/data/sprints";
import { sprintJson } from "@/lib/data/delivery-views";
import { planSprintBody } from "@/lib/validation/sprints";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { sprints } = await listSprints(getDb(), ctx.actor, projectId);
  return { items: sprints.map(sprintJson) };
});

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, planSprintBody);
  const { sprint, warnings } = await planSprint(getDb(), ctx, { ...input, projectId });
  const { sprints } = await listSprints(getDb(), ctx.actor, projectId);
  const created = sprints.find((s) => s.id === sprint.id)!;
  return Response.json(
    { ...sprintJson(created), warnings },
    {
      status: 201,
      headers: { location: `/api/v1/projects/${projectId}/sprints/${sprint.id}`, "cache-control": "no-store" },
    },
  );
});
