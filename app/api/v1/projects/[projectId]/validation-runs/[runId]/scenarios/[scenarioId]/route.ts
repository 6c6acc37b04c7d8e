import { getDb } from "@/db/client";
import { apiRoute, validate } from "@/lib/api";
import { getValidationRun, removeValidationScenario } from "@/lib/data/validation-runs";
import { removeScenarioSchema } from "@/lib/validation/validation-runs";

/** Removes a scenario that has no result yet from an open run. */
export const DELETE = apiRoute<{ projectId: string; runId: string; scenarioId: string }>(
  async (request, ctx, params) => {
    const expected = new URL(request.url).searchParams.get("expectedVersion") ?? undefined;
    await removeValidationScenario(
      getDb(),
      ctx,
      validate(removeScenarioSchema, { ...params, expectedVersion: expected }),
    );
    return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
  },
);
