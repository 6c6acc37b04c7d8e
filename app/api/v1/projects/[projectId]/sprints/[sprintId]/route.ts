import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { getSprint, updateSprintPlan } from "@/lib/data/sprints";
import { updateSprintPlanBody } from "@/lib/validation/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";

export const GET = apiRoute<{ projectId: string; sprintId: string }>(async (_request, ctx, { projectId, sprintId }) =>
  sprintDetailJson(await getSprint(getDb(), ctx.actor, projectId, sprintId)),
);

/** Changes the plan of a planned or active sprint (goal, dates, capacity, committed items). */
export const PATCH = apiRoute<{ projectId: string; sprintId: string }>(
  async (request, ctx, { projectId, sprintId }) => {
    const body = await readJson(request, updateSprintPlanBody);
    const { warnings } = await updateSprintPlan(getDb(), ctx, { ...body, projectId, sprintId });
    return { ...sprintDetailJson(await getSprint(getDb(), ctx.actor, projectId, sprintId)), warnings };
  },
);
