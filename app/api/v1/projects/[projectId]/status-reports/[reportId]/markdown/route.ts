import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getStatusReportMarkdownOp } from "@/lib/contract/status-reports";
import { getStatusReport } from "@/lib/data/status-reports";
import { reportFileName } from "@/lib/validation/status-reports";

// The report as a markdown download (never rendered inline by the browser).
export const GET = route(getStatusReportMarkdownOp, async ({ ctx, params }) => {
  const report = await getStatusReport(getDb(), ctx.actor, params.projectId, params.reportId);
  const name = reportFileName(report.snapshot.project.name, report.snapshot.isoWeek);
  return new Response(report.markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "x-content-type-options": "nosniff",
      "cache-control": "no-store",
    },
  });
});
