import { getDb } from "@/db/client";
import { Answer, route } from "@/lib/api";
import { generateStatusReportOp, listStatusReportsOp } from "@/lib/contract/status-reports";
import { generateStatusReport, getStatusReport, listStatusReports } from "@/lib/data/status-reports";

export const GET = route(
  listStatusReportsOp,
  async ({ ctx, params, query }) => await listStatusReports(getDb(), ctx.actor, params.projectId, query),
);

export const POST = route(generateStatusReportOp, async ({ ctx, params }) => {
  const made = await generateStatusReport(getDb(), ctx, params);
  const report = await getStatusReport(getDb(), ctx.actor, params.projectId, made.id);
  return new Answer(report, { location: `/api/v1/projects/${params.projectId}/status-reports/${made.id}` });
});
