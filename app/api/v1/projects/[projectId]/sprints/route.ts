import { getDb } from "@/db/client";
import { Answer, route } from "@/lib/api";
import { listSprintsOp, planSprintOp } from "@/lib/contract/sprints";
import { pageOf } from "@/lib/data/cursor";
import { sprintJson } from "@/lib/data/delivery-views";
import { listSprints, planSprint } from "@/lib/data/sprints";

export const GET = route(listSprintsOp, async ({ ctx, params, query }) => {
  const { sprints } = await listSprints(getDb(), ctx.actor, params.projectId, query);
  return pageOf(sprints, query.limit, (sprint) => [sprint.number], sprintJson);
});

export const POST = route(planSprintOp, async ({ ctx, params, body }) => {
  const { sprint, warnings } = await planSprint(getDb(), ctx, { ...body, ...params });
  const { sprints } = await listSprints(getDb(), ctx.actor, params.projectId);
  const created = sprints.find((s) => s.id === sprint.id)!;
  return new Answer(
    { ...sprintJson(created), warnings },
    { location: `/api/v1/projects/${params.projectId}/sprints/${sprint.id}` },
  );
});
