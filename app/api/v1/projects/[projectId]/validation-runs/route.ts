import { getDb } from "@/db/client";
import { Answer, route } from "@/lib/api";
import { listValidationRunsOp, openValidationRunOp } from "@/lib/contract/validation-runs";
import { pageOf } from "@/lib/data/cursor";
import { getValidationRun, listValidationRuns, openValidationRun, runCursorKey } from "@/lib/data/validation-runs";

export const GET = route(listValidationRunsOp, async ({ ctx, params, query }) => {
  const { runs } = await listValidationRuns(getDb(), ctx.actor, params.projectId, query);
  return pageOf(runs, query.limit, runCursorKey);
});

/** Opens a run with the checklist generated from the project's modules and scope. */
export const POST = route(openValidationRunOp, async ({ ctx, params, body }) => {
  const run = await openValidationRun(getDb(), ctx, { ...body, ...params });
  return new Answer(await getValidationRun(getDb(), ctx.actor, params.projectId, run.id), {
    location: `/api/v1/projects/${params.projectId}/validation-runs/${run.id}`,
  });
});
