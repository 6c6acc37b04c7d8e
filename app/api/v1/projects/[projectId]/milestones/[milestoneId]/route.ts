import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { moveMilestoneOp } from "@/lib/contract/billing";
import { invoiceMilestone, markMilestonePaid } from "@/lib/data/billing";

/** Moves a milestone on: `{"action":"invoice","invoiceReference":"…"}` or `{"action":"mark_paid"}`. */
export const POST = route(moveMilestoneOp, async ({ ctx, params, body }) => {
  const m =
    body.action === "invoice"
      ? await invoiceMilestone(getDb(), ctx, { ...params, ...body })
      : await markMilestonePaid(getDb(), ctx, { ...params, expectedVersion: body.expectedVersion });
  return {
    id: m.id,
    status: m.status,
    amount: m.amount,
    currency: m.currency,
    invoiceReference: m.invoiceReference,
    version: m.version,
  };
});
