import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { removeValidationScenarioOp } from "@/lib/contract/validation-runs";
import { getValidationRun, removeValidationScenario } from "@/lib/data/validation-runs";

/** Removes a scenario that has no result yet from an open run. */
export const DELETE = route(removeValidationScenarioOp, async ({ ctx, params, query }) => {
  await removeValidationScenario(getDb(), ctx, { ...query, ...params });
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
