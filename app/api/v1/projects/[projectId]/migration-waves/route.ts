import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { createWaveOp, listWavesOp } from "@/lib/contract/migration";
import { pageOf } from "@/lib/data/cursor";
import { createWave, listMigrationWaves, waveCursorKey } from "@/lib/data/migration";
import { waveView } from "@/lib/data/migration-views";

export const GET = route(listWavesOp, async ({ ctx, params, query }) =>
  pageOf(await listMigrationWaves(getDb(), ctx.actor, params.projectId, query), query.limit, waveCursorKey),
);

export const POST = route(createWaveOp, async ({ ctx, params, body }) =>
  waveView(await createWave(getDb(), ctx, params.projectId, body)),
);
