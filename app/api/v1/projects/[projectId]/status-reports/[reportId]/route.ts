import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getStatusReport } from "@/lib/data/status-reports";

export const GET = apiRoute<{ projectId: string; reportId: string }>(
  async (_request, ctx, { projectId, reportId }) => await getStatusReport(getDb(), ctx.actor, projectId, reportId),
);
