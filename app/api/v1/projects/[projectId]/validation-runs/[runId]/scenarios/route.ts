import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { addValidationScenario, getValidationRun } from "@/lib/data/validation-runs";
import { addScenarioSchema } from "@/lib/validation/validation-runs";

/** Adds a scenario at the end of an open run's checklist: `{"title"}`. */
export const POST = apiRoute<{ projectId: string; runId: string }>(async (request, ctx, { projectId, runId }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  await addValidationScenario(getDb(), ctx, validate(addScenarioSchema, { ...body, projectId, runId }));
  return Response.json(await getValidationRun(getDb(), ctx.actor, projectId, runId), { status: 201 });
});
