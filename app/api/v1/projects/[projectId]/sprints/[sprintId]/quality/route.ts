import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getSprintQualityOp, selectSprintQualityOp } from "@/lib/contract/quality";
import { selectQuality } from "@/lib/data/quality";
import { sprintQuality } from "@/lib/data/quality-history";

/**
 * The sprint's quality selection (its own, or its release's it inherits), required activities with
 * their evidence, and what is missing.
 */
export const GET = route(getSprintQualityOp, async ({ ctx, params }) => {
  const { selection, inheritedFrom, missing, sprint, recentEscapedDefects } = await sprintQuality(
    getDb(),
    ctx.actor,
    params.projectId,
    params.sprintId,
  );
  return { sprint, selection, inheritedFrom, missing, recentEscapedDefects };
});

/** Choose (or change) the sprint's quality standard. */
export const POST = route(selectSprintQualityOp, async ({ ctx, params, body }) => {
  await selectQuality(getDb(), ctx, { ...params, ...body });
  const { selection, inheritedFrom, missing } = await sprintQuality(
    getDb(),
    ctx.actor,
    params.projectId,
    params.sprintId,
  );
  return { selection, inheritedFrom, missing };
});
