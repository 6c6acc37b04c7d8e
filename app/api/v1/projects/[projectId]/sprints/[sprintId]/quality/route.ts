import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { selectQuality } from "@/lib/data/quality";
import { sprintQuality } from "@/lib/data/quality-history";
import { selectQualityJsonSchema } from "@/lib/validation/quality";

type Params = { projectId: string; sprintId: string };

/** The sprint's quality selection, required activities with their evidence, and what is missing. */
export const GET = apiRoute<Params>((_request, ctx, { projectId, sprintId }) => {
  const { selection, missing, sprint, recentEscapedDefects } = sprintQuality(getDb(), ctx.actor, projectId, sprintId);
  return { sprint, selection, missing, recentEscapedDefects };
});

/** Choose (or change) the sprint's quality standard. */
export const POST = apiRoute<Params>(async (request, ctx, { projectId, sprintId }) => {
  const input = await readJson(request, selectQualityJsonSchema);
  selectQuality(getDb(), ctx, { projectId, sprintId, ...input });
  const { selection, missing } = sprintQuality(getDb(), ctx.actor, projectId, sprintId);
  return Response.json({ selection, missing }, { status: 201, headers: { "cache-control": "no-store" } });
});
