import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { approveBaseline, listBaselines } from "@/lib/data/scope-baselines";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => ({
  items: await listBaselines(getDb(), ctx.actor, projectId),
}));

/** The client owner approves the current MVP scope as the next baseline version. */
export const POST = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const b = await approveBaseline(getDb(), ctx, { projectId });
  return Response.json(
    { id: b.id, version: b.version, totalDays: b.totalDays, approvedAt: b.approvedAt, items: b.items },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
