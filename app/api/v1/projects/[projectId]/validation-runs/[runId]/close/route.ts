import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { closeValidationRun, getValidationRun } from "@/lib/data/validation-runs";
import { closeRunSchema } from "@/lib/validation/validation-runs";

/** The client owner's "OK": closes the run, passed when every scenario passed, else failed with `note`. */
export const POST = apiRoute<{ projectId: string; runId: string }>(async (request, ctx, params) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  await closeValidationRun(getDb(), ctx, validate(closeRunSchema, { ...body, ...params }));
  return await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId);
});
