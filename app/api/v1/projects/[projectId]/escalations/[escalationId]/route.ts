import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getEscalationOp, triageEscalationOp } from "@/lib/contract/escalations";
import { getEscalation, triageEscalation } from "@/lib/data/escalations";

export const GET = route(
  getEscalationOp,
  async ({ ctx, params }) => await getEscalation(getDb(), ctx.actor, params.projectId, params.escalationId),
);

/** Triage: any of status, severity, blocking, assigneeId (null to unassign), resolution, expectedVersion. */
export const PATCH = route(triageEscalationOp, async ({ ctx, params, body }) => {
  await triageEscalation(getDb(), ctx, { ...body, ...params });
  return await getEscalation(getDb(), ctx.actor, params.projectId, params.escalationId);
});
