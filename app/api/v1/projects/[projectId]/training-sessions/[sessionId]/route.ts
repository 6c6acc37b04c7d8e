import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { cancelTrainingSessionOp, getTrainingSessionOp } from "@/lib/contract/training";
import { cancelSession, getSession } from "@/lib/data/training-sessions";

export const GET = route(
  getTrainingSessionOp,
  async ({ ctx, params }) => await getSession(getDb(), ctx.actor, params.projectId, params.sessionId),
);

/** Cancels the session (409 `session_has_attendance` once attendance was recorded). */
export const DELETE = route(cancelTrainingSessionOp, async ({ ctx, params }) => {
  await cancelSession(getDb(), ctx, params);
  return new Response(null, { status: 204 });
});
