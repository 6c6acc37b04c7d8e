import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { closeValidationRunOp } from "@/lib/contract/validation-runs";
import { closeValidationRun, getValidationRun } from "@/lib/data/validation-runs";

/** The client owner's "OK": closes the run, passed when every scenario passed, else failed with `note`. */
export const POST = route(closeValidationRunOp, async ({ ctx, params, body }) => {
  await closeValidationRun(getDb(), ctx, { ...body, ...params });
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
