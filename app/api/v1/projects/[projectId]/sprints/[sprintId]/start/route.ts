import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { startSprintOp } from "@/lib/contract/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";
import { getSprint, startSprint } from "@/lib/data/sprints";

export const POST = route(startSprintOp, async ({ ctx, params, body }) => {
  const { warnings } = await startSprint(getDb(), ctx, { ...body, ...params });
  return { ...sprintDetailJson(await getSprint(getDb(), ctx.actor, params.projectId, params.sprintId)), warnings };
});
