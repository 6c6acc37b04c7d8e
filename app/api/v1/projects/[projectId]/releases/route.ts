import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { createRelease, listReleases } from "@/lib/data/roadmap";
import { releaseSchema } from "@/lib/validation/roadmap";

const json = (r: { id: string; number: number; name: string; scope: string; targetDate: string | null }) => ({
  id: r.id,
  number: r.number,
  name: r.name,
  scope: r.scope,
  targetDate: r.targetDate,
});

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => ({
  items: (await listReleases(getDb(), ctx.actor, projectId)).map(json),
}));

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, releaseSchema.omit({ projectId: true }));
  return Response.json(json(await createRelease(getDb(), ctx, { ...input, projectId })), {
    status: 201,
    headers: { "cache-control": "no-store" },
  });
});
