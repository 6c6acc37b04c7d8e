import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { projectBillingCsvOp } from "@/lib/contract/billing";
import { projectBillingCsv } from "@/lib/data/billing";
import { csvResponse } from "@/lib/csv-response";

export const GET = route(projectBillingCsvOp, async ({ ctx, params }) => {
  const { name, csv } = await projectBillingCsv(getDb(), ctx.actor, params.projectId);
  return csvResponse(csv, `billing-${name}`);
});
