import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { moveValidationScenarioOp } from "@/lib/contract/validation-runs";
import { getValidationRun, moveValidationScenario } from "@/lib/data/validation-runs";

/** Moves a scenario one place up or down. */
export const POST = route(moveValidationScenarioOp, async ({ ctx, params, body }) => {
  await moveValidationScenario(getDb(), ctx, { ...body, ...params });
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
