import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { recordScenarioResultOp } from "@/lib/contract/validation-runs";
import { getValidationRun, recordScenarioResult } from "@/lib/data/validation-runs";

/** A guardian records a scenario's result (notes required on fail). */
export const POST = route(recordScenarioResultOp, async ({ ctx, params, body }) => {
  await recordScenarioResult(getDb(), ctx, { ...body, ...params });
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
