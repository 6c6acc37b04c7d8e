import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listQualityHistoryOp } from "@/lib/contract/quality";
import { pageOf } from "@/lib/data/cursor";
import { projectQualityHistory } from "@/lib/data/quality-history";

/** The project's quality history: per sprint the level recommended and chosen, evidence, escaped defects. */
export const GET = route(listQualityHistoryOp, async ({ ctx, params, query }) => {
  const { sprints } = await projectQualityHistory(getDb(), ctx.actor, params.projectId, query);
  return pageOf(sprints, query.limit, (sprint) => [sprint.number]);
});
