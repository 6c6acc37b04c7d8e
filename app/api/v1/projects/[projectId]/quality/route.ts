import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { projectQualityHistory } from "@/lib/data/quality-history";

/** The project's quality history: per sprint the level recommended and chosen, evidence, escaped defects. */
export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { sprints } = await projectQualityHistory(getDb(), ctx.actor, projectId);
  return { items: sprints };
});
