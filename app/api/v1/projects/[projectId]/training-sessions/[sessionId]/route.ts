import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { cancelSession, getSession } from "@/lib/data/training-sessions";

export const GET = apiRoute<{ projectId: string; sessionId: string }>(
  async (_request, ctx, { projectId, sessionId }) => await getSession(getDb(), ctx.actor, projectId, sessionId),
);

/** Cancels the session (409 `session_has_attendance` once attendance was recorded). */
export const DELETE = apiRoute<{ projectId: string; sessionId: string }>(
  async (_request, ctx, { projectId, sessionId }) => {
    await cancelSession(getDb(), ctx, { projectId, sessionId });
    return new Response(null, { status: 204 });
  },
);
