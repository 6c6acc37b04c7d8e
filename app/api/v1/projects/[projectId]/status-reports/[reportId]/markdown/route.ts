import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getStatusReport } from "@/lib/data/status-reports";
import { reportFileName } from "@/lib/validation/status-reports";

// The report as a markdown download (never rendered inline by the browser).
export const GET = apiRoute<{ projectId: string; reportId: string }>(async (_request, ctx, { projectId, reportId }) => {
  const report = await getStatusReport(getDb(), ctx.actor, projectId, reportId);
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
