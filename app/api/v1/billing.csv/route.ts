import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { portfolioBillingCsvOp } from "@/lib/contract/billing";
import { portfolioBillingCsv } from "@/lib/data/billing";
import { csvResponse } from "@/lib/csv-response";

/** Every payment milestone the vendor account may see, as CSV. */
export const GET = route(portfolioBillingCsvOp, async ({ ctx }) =>
  csvResponse(await portfolioBillingCsv(getDb(), ctx.actor), "billing-portfolio"),
);
