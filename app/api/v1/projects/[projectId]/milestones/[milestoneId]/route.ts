import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { invoiceMilestone, markMilestonePaid } from "@/lib/data/billing";
import { milestoneTransitionBody } from "@/lib/validation/billing";

/** Moves a milestone on: `{"action":"invoice","invoiceReference":"…"}` or `{"action":"mark_paid"}`. */
export const POST = apiRoute<{ projectId: string; milestoneId: string }>(
  async (request, ctx, { projectId, milestoneId }) => {
    const input = await readJson(request, milestoneTransitionBody);
    const m =
      input.action === "invoice"
        ? await invoiceMilestone(getDb(), ctx, {
            projectId,
            milestoneId,
            invoiceReference: input.invoiceReference,
            expectedVersion: input.expectedVersion,
          })
        : await markMilestonePaid(getDb(), ctx, { projectId, milestoneId, expectedVersion: input.expectedVersion });
    return {
      id: m.id,
      status: m.status,
      amount: m.amount,
      currency: m.currency,
      invoiceReference: m.invoiceReference,
      version: m.version,
    };
  },
);
