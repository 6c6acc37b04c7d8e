import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { getValidationRun, recordScenarioResult } from "@/lib/data/validation-runs";
import { recordResultSchema } from "@/lib/validation/validation-runs";

/** A guardian records a scenario's result: `{"result": "pass"|"fail", "notes"}` (notes required on fail). */
export const POST = apiRoute<{ projectId: string; runId: string; scenarioId: string }>(async (request, ctx, params) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  await recordScenarioResult(getDb(), ctx, validate(recordResultSchema, { ...body, ...params }));
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
