import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { listGates } from "@/lib/data/gate-views";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { access, gates } = await listGates(getDb(), ctx.actor, projectId);
  return { projectId, currentGate: access.project.currentGate, projectStatus: access.project.status, items: gates };
});
