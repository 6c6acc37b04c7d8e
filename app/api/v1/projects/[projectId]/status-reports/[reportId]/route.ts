import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getStatusReportOp } from "@/lib/contract/status-reports";
import { getStatusReport } from "@/lib/data/status-reports";

export const GET = route(
  getStatusReportOp,
  async ({ ctx, params }) => await getStatusReport(getDb(), ctx.actor, params.projectId, params.reportId),
);
