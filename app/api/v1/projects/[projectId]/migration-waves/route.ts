import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { createWave, listMigrationWaves, waveView } from "@/lib/data/migration";
import { createWaveSchema } from "@/lib/validation/migration";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  return { items: await listMigrationWaves(getDb(), ctx.actor, projectId) };
});

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, createWaveSchema);
  return Response.json(waveView(await createWave(getDb(), ctx, projectId, input)), { status: 201 });
});
