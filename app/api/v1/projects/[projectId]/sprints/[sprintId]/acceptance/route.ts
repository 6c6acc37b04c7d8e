import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { decideSprintAcceptance, getSprint } from "@/lib/data/sprints";
import { sprintDetailJson } from "@/lib/data/delivery-views";
import { acceptanceBody } from "@/lib/validation/sprints";

/** The client owner's decision; 409 with `missing` when evidence or the production deployment is missing. */
export const POST = apiRoute<{ projectId: string; sprintId: string }>(async (request, ctx, { projectId, sprintId }) => {
  const input = await readJson(request, acceptanceBody);
  await decideSprintAcceptance(getDb(), ctx, { ...input, projectId, sprintId });
  return sprintDetailJson(await getSprint(getDb(), ctx.actor, projectId, sprintId));
});
