import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { listTrainingSessionsOp, scheduleTrainingSessionOp } from "@/lib/contract/training";
import { pageOf } from "@/lib/data/cursor";
import { listSessions, scheduleSession } from "@/lib/data/training-sessions";

export const GET = route(listTrainingSessionsOp, async ({ ctx, params, query }) => {
  const sessions = await listSessions(getDb(), ctx.actor, params.projectId, query);
  return pageOf(sessions, query.limit, (session) => [session.startsAt, session.id]);
});

export const POST = route(
  scheduleTrainingSessionOp,
  async ({ ctx, params, body }) => await scheduleSession(getDb(), ctx, { ...body, ...params }),
);
