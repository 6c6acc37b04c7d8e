import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { portfolioBillingCsvOp } from "@/lib/contract/billing";
import { portfolioBillingCsv } from "@/lib/data/billing";
import { csvResponse } from "@/lib/csv-response";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";

/** Every payment milestone the vendor account may see, as CSV; the header row in the reader's language. */
export const GET = route(portfolioBillingCsvOp, async ({ request, ctx }) =>
  csvResponse(await portfolioBillingCsv(getDb(), ctx.actor, localeOfRequest(request)), "billing-portfolio"),
);
