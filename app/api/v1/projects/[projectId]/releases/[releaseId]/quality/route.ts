import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { releaseQuality } from "@/lib/data/quality-history";
import { selectReleaseQuality } from "@/lib/data/release-quality";
import { selectQualityJsonSchema } from "@/lib/validation/quality";

type Params = { projectId: string; releaseId: string };

/** The release's quality selection, its required activities with evidence, what is missing, and the sprints inheriting it. */
export const GET = apiRoute<Params>(async (_request, ctx, { projectId, releaseId }) => {
  const { release, selection, missing, inheritingSprints, recentEscapedDefects } = await releaseQuality(
    getDb(),
    ctx.actor,
    projectId,
    releaseId,
  );
  return { release, selection, missing, inheritingSprints, recentEscapedDefects };
});

/** Choose (or change) the release's quality standard: the same body as a sprint's. */
export const POST = apiRoute<Params>(async (request, ctx, { projectId, releaseId }) => {
  const input = await readJson(request, selectQualityJsonSchema);
  await selectReleaseQuality(getDb(), ctx, { projectId, releaseId, ...input });
  const { selection, missing, inheritingSprints } = await releaseQuality(getDb(), ctx.actor, projectId, releaseId);
  return Response.json(
    { selection, missing, inheritingSprints },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
