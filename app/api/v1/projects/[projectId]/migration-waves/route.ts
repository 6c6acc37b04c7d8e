import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { createWave, listMigrationWaves, waveView } from "@/lib/data/migration";
import { createWaveSchema } from "@/lib/validation/migration";

export const GET = apiRoute<{ projectId: string }>((_request, ctx, { projectId }) => {
  return { items: listMigrationWaves(getDb(), ctx.actor, projectId) };
});

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, createWaveSchema);
  return Response.json(waveView(createWave(getDb(), ctx, projectId, input)), { status: 201 });
});
