import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { decideSprintAcceptanceOp } from "@/lib/contract/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";
import { decideSprintAcceptance, getSprint } from "@/lib/data/sprints";

/** The client owner's decision; 409 with `missing` when evidence or the production deployment is missing. */
export const POST = route(decideSprintAcceptanceOp, async ({ ctx, params, body }) => {
  await decideSprintAcceptance(getDb(), ctx, { ...body, ...params });
  return sprintDetailJson(await getSprint(getDb(), ctx.actor, params.projectId, params.sprintId));
});
