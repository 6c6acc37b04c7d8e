import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { portfolioBillingCsv } from "@/lib/data/billing";
import { csvResponse } from "@/lib/csv-response";

/** Every payment milestone the vendor account may see, as CSV. */
export const GET = apiRoute(async (_request, ctx) =>
  csvResponse(await portfolioBillingCsv(getDb(), ctx.actor), "billing-portfolio"),
);
