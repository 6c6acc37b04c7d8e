import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listMilestonesOp } from "@/lib/contract/billing";
import { pageOf } from "@/lib/data/cursor";
import { projectBilling } from "@/lib/data/billing";

export const GET = route(listMilestonesOp, async ({ ctx, params, query }) => {
  const billing = await projectBilling(getDb(), ctx.actor, params.projectId, query);
  return {
    terms: billing.terms,
    totals: billing.totals,
    ...pageOf(billing.milestones, query.limit, (m) => [m.sprintNumber]),
  };
});
