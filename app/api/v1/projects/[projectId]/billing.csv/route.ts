import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { projectBillingCsvOp } from "@/lib/contract/billing";
import { projectBillingCsv } from "@/lib/data/billing";
import { csvResponse } from "@/lib/csv-response";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";

/** The project's payment milestones as CSV; the header row in the reader's language. */
export const GET = route(projectBillingCsvOp, async ({ request, ctx, params }) => {
  const { name, csv } = await projectBillingCsv(getDb(), ctx.actor, params.projectId, localeOfRequest(request));
  return csvResponse(csv, `billing-${name}`);
});
