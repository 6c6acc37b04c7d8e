import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getStatusReportMarkdownOp } from "@/lib/contract/status-reports";
import { statusReportDownload } from "@/lib/data/status-reports";
import { localeOfRequest } from "@/lib/i18n/locale-of-request";
import { reportFileName } from "@/lib/validation/status-reports";

// The report as a markdown download (never rendered inline by the browser), framed in the reader's
// language; its sentences stay in the language the report was frozen in.
export const GET = route(getStatusReportMarkdownOp, async ({ request, ctx, params }) => {
  const report = await statusReportDownload(
    getDb(),
    ctx.actor,
    params.projectId,
    params.reportId,
    localeOfRequest(request),
  );
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
