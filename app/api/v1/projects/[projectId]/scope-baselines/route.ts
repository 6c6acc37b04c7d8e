import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { approveScopeBaselineOp, listScopeBaselinesOp } from "@/lib/contract/roadmap";
import { pageOf } from "@/lib/data/cursor";
import { approveBaseline, listBaselines } from "@/lib/data/scope-baselines";

export const GET = route(listScopeBaselinesOp, async ({ ctx, params, query }) =>
  pageOf(await listBaselines(getDb(), ctx.actor, params.projectId, query), query.limit, (b) => [b.version]),
);

/** The client owner approves the current MVP scope as the next baseline version. */
export const POST = route(approveScopeBaselineOp, async ({ ctx, params }) => {
  const b = await approveBaseline(getDb(), ctx, params);
  return { id: b.id, version: b.version, totalDays: b.totalDays, approvedAt: b.approvedAt, items: b.items };
});
