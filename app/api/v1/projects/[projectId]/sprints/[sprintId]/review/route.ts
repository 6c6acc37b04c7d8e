import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { submitSprintForReviewOp } from "@/lib/contract/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";
import { getSprint, submitSprintForReview } from "@/lib/data/sprints";

export const POST = route(submitSprintForReviewOp, async ({ ctx, params, body }) => {
  const { warnings } = await submitSprintForReview(getDb(), ctx, { ...body, ...params });
  return { ...sprintDetailJson(await getSprint(getDb(), ctx.actor, params.projectId, params.sprintId)), warnings };
});
