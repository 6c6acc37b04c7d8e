import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getStatusReport } from "@/lib/data/status-reports";

export const GET = apiRoute<{ projectId: string; reportId: string }>((_request, ctx, { projectId, reportId }) =>
  getStatusReport(getDb(), ctx.actor, projectId, reportId),
);
