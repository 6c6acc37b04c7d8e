import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getSession } from "@/lib/data/training";

export const GET = apiRoute<{ projectId: string; sessionId: string }>((_request, ctx, { projectId, sessionId }) =>
  getSession(getDb(), ctx.actor, projectId, sessionId),
);
