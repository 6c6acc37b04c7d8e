import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { changeSprintPlanOp, getSprintOp } from "@/lib/contract/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";
import { getSprint, updateSprintPlan } from "@/lib/data/sprints";

export const GET = route(getSprintOp, async ({ ctx, params }) =>
  sprintDetailJson(await getSprint(getDb(), ctx.actor, params.projectId, params.sprintId)),
);

/** Changes the plan of a planned or active sprint (goal, dates, capacity, committed items). */
export const PATCH = route(changeSprintPlanOp, async ({ ctx, params, body }) => {
  const { warnings } = await updateSprintPlan(getDb(), ctx, { ...body, ...params });
  return { ...sprintDetailJson(await getSprint(getDb(), ctx.actor, params.projectId, params.sprintId)), warnings };
});
