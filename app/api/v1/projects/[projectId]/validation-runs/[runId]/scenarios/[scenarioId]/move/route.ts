import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { getValidationRun, moveValidationScenario } from "@/lib/data/validation-runs";
import { moveScenarioSchema } from "@/lib/validation/validation-runs";

/** Moves a scenario one place: `{"direction": "up"|"down"}`. */
export const POST = apiRoute<{ projectId: string; runId: string; scenarioId: string }>(async (request, ctx, params) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  await moveValidationScenario(getDb(), ctx, validate(moveScenarioSchema, { ...body, ...params }));
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
