import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { selectQuality } from "@/lib/data/quality";
import { sprintQuality } from "@/lib/data/quality-history";
import { selectQualityJsonSchema } from "@/lib/validation/quality";

type Params = { projectId: string; sprintId: string };

/** The sprint's quality selection (its own, or its release's it inherits), required activities with their evidence, and what is missing. */
export const GET = apiRoute<Params>(async (_request, ctx, { projectId, sprintId }) => {
  const { selection, inheritedFrom, missing, sprint, recentEscapedDefects } = await sprintQuality(
    getDb(),
    ctx.actor,
    projectId,
    sprintId,
  );
  return { sprint, selection, inheritedFrom, missing, recentEscapedDefects };
});

/** Choose (or change) the sprint's quality standard. */
export const POST = apiRoute<Params>(async (request, ctx, { projectId, sprintId }) => {
  const input = await readJson(request, selectQualityJsonSchema);
  await selectQuality(getDb(), ctx, { projectId, sprintId, ...input });
  const { selection, inheritedFrom, missing } = await sprintQuality(getDb(), ctx.actor, projectId, sprintId);
  return Response.json(
    { selection, inheritedFrom, missing },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
