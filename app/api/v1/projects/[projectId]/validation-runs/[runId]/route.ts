import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getValidationRunOp } from "@/lib/contract/validation-runs";
import { getValidationRun } from "@/lib/data/validation-runs";

export const GET = route(
  getValidationRunOp,
  async ({ ctx, params }) => await getValidationRun(getDb(), ctx.actor, params.projectId, params.runId),
);
