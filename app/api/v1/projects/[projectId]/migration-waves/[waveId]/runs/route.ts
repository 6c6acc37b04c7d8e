import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { listMigrationWaves, recordMigrationRun } from "@/lib/data/migration";
import { notFound } from "@/lib/errors";
import { recordRunBody } from "@/lib/validation/migration";

export const GET = apiRoute<{ projectId: string; waveId: string }>(async (_request, ctx, { projectId, waveId }) => {
  const wave = (await listMigrationWaves(getDb(), ctx.actor, projectId)).find((w) => w.id === waveId);
  if (!wave) throw notFound("This migration wave");
  return { items: wave.runs };
});

export const POST = apiRoute<{ projectId: string; waveId: string }>(async (request, ctx, { projectId, waveId }) => {
  const input = await readJson(request, recordRunBody);
  const { run, waveStatus, reconciliation } = await recordMigrationRun(getDb(), ctx, projectId, { ...input, waveId });
  return Response.json(
    {
      id: run.id,
      kind: run.kind,
      ranOn: run.ranOn,
      extracted: run.extracted,
      loaded: run.loaded,
      rejected: run.rejected,
      reconciliation: run.reconciliation,
      reconciliationReasons: reconciliation.reasons,
      waveStatus,
    },
    { status: 201 },
  );
});
