import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { getEscalation, triageEscalation } from "@/lib/data/escalations";
import { triageEscalationSchema } from "@/lib/validation/readiness";

export const GET = apiRoute<{ projectId: string; escalationId: string }>(
  async (_request, ctx, { projectId, escalationId }) =>
    await getEscalation(getDb(), ctx.actor, projectId, escalationId),
);

/** Triage: any of status, severity, blocking, assigneeId (null to unassign), resolution, expectedVersion. */
export const PATCH = apiRoute<{ projectId: string; escalationId: string }>(
  async (request, ctx, { projectId, escalationId }) => {
    const input = await readJson(request, triageEscalationSchema.omit({ projectId: true, escalationId: true }));
    await triageEscalation(getDb(), ctx, { ...input, projectId, escalationId });
    return await getEscalation(getDb(), ctx.actor, projectId, escalationId);
  },
);
