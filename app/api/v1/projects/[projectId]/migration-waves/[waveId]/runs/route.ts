import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listWaveRunsOp, recordMigrationRunOp } from "@/lib/contract/migration";
import { pageOf } from "@/lib/data/cursor";
import { listWaveRuns, recordMigrationRun, runCursorKey } from "@/lib/data/migration";
import { runView } from "@/lib/data/migration-views";

export const GET = route(listWaveRunsOp, async ({ ctx, params, query }) => {
  const runs = await listWaveRuns(getDb(), ctx.actor, params.projectId, params.waveId, query);
  return pageOf(runs, query.limit, runCursorKey, runView);
});

export const POST = route(recordMigrationRunOp, async ({ ctx, params, body }) => {
  const { run, waveStatus, reconciliation } = await recordMigrationRun(getDb(), ctx, params.projectId, {
    ...body,
    waveId: params.waveId,
  });
  return {
    id: run.id,
    kind: run.kind,
    ranOn: run.ranOn,
    extracted: run.extracted,
    loaded: run.loaded,
    rejected: run.rejected,
    reconciliation: run.reconciliation,
    reconciliationReasons: reconciliation.reasons,
    waveStatus,
  };
});
