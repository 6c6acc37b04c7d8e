import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getValidationRun } from "@/lib/data/validation-runs";

export const GET = apiRoute<{ projectId: string; runId: string }>(
  async (_request, ctx, { projectId, runId }) => await getValidationRun(getDb(), ctx.actor, projectId, runId),
);
