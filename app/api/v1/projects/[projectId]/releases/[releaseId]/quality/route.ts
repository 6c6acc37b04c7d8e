import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getReleaseQualityOp, selectReleaseQualityOp } from "@/lib/contract/release-quality";
import { releaseQuality } from "@/lib/data/quality-history";
import { selectReleaseQuality } from "@/lib/data/release-quality";

/**
 * The release's quality selection, its required activities with evidence, what is missing, and the
 * sprints inheriting it.
 */
export const GET = route(getReleaseQualityOp, async ({ ctx, params }) => {
  const { release, selection, missing, inheritingSprints, recentEscapedDefects } = await releaseQuality(
    getDb(),
    ctx.actor,
    params.projectId,
    params.releaseId,
  );
  return { release, selection, missing, inheritingSprints, recentEscapedDefects };
});

/** Choose (or change) the release's quality standard: the same body as a sprint's. */
export const POST = route(selectReleaseQualityOp, async ({ ctx, params, body }) => {
  await selectReleaseQuality(getDb(), ctx, { ...params, ...body });
  const { selection, missing, inheritingSprints } = await releaseQuality(
    getDb(),
    ctx.actor,
    params.projectId,
    params.releaseId,
  );
  return { selection, missing, inheritingSprints };
});
