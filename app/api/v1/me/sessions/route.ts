import { getDb } from "@/db/client";
import { requestSessionId, route } from "@/lib/api";
import { listOwnSessionsOp } from "@/lib/contract/me";
import { listOwnSessions } from "@/lib/data/sessions";

export const GET = route(listOwnSessionsOp, async ({ request, ctx }) => ({
  items: await listOwnSessions(getDb(), ctx.actor, await requestSessionId(request)),
}));
