import { getDb } from "@/db/client";
import { apiRoute, pageParams, readJson } from "@/lib/api";
import { generateStatusReport, getStatusReport, listStatusReports } from "@/lib/data/status-reports";
import { generateStatusReportBody } from "@/lib/validation/status-reports";

export const GET = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const { limit, cursor } = pageParams(request, 25);
  return await listStatusReports(getDb(), ctx.actor, projectId, { limit, cursor });
});

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  await readJson(request, generateStatusReportBody);
  const made = await generateStatusReport(getDb(), ctx, { projectId });
  const report = await getStatusReport(getDb(), ctx.actor, projectId, made.id);
  return Response.json(report, {
    status: 201,
    headers: { location: `/api/v1/projects/${projectId}/status-reports/${made.id}`, "cache-control": "no-store" },
  });
});
