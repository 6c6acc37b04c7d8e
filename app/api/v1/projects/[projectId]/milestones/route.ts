import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { projectBilling } from "@/lib/data/billing";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const billing = await projectBilling(getDb(), ctx.actor, projectId);
  return { terms: billing.terms, totals: billing.totals, items: billing.milestones };
});
