import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, pageParams, readJson, validate } from "@/lib/api";
import { getValidationRun, listValidationRuns, openValidationRun } from "@/lib/data/validation-runs";
import { AppError } from "@/lib/errors";
import { openRunSchema } from "@/lib/validation/validation-runs";

/** Runs newest first; the cursor is the offset of the next page. */
export const GET = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const { limit, cursor } = pageParams(request, 20);
  const offset = cursor === null ? 0 : Number(cursor);
  if (!Number.isInteger(offset) || offset < 0) {
    throw new AppError("invalid_input", "The cursor is not valid.", "invalid_cursor", {
      fieldErrors: { cursor: ["Invalid cursor."] },
    });
  }
  const { runs } = await listValidationRuns(getDb(), ctx.actor, projectId);
  return {
    items: runs.slice(offset, offset + limit),
    nextCursor: runs.length > offset + limit ? String(offset + limit) : null,
  };
});

/** Opens a run (`{"environment": "homologation"|"production"}`) with the generated checklist. */
export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const body = await readJson(request, z.record(z.string(), z.unknown()));
  const run = await openValidationRun(getDb(), ctx, validate(openRunSchema, { ...body, projectId }));
  return Response.json(await getValidationRun(getDb(), ctx.actor, projectId, run.id), {
    status: 201,
    headers: { location: `/api/v1/projects/${projectId}/validation-runs/${run.id}` },
  });
});
