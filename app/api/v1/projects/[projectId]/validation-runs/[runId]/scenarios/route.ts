import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { addValidationScenarioOp } from "@/lib/contract/validation-runs";
import { addValidationScenario, getValidationRun } from "@/lib/data/validation-runs";

/** Adds a scenario at the end of an open run's checklist. */
export const POST = route(addValidationScenarioOp, async ({ ctx, params, body }) => {
  await addValidationScenario(getDb(), ctx, { ...body, ...params });
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
