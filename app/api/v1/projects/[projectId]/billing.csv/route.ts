import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { projectBillingCsv } from "@/lib/data/billing";
import { csvResponse } from "@/lib/csv-response";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { name, csv } = await projectBillingCsv(getDb(), ctx.actor, projectId);
  return csvResponse(csv, `billing-${name}`);
});
