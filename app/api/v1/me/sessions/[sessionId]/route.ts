import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { revokeOwnSessionOp } from "@/lib/contract/me";
import { revokeOwnSession } from "@/lib/data/sessions";

export const DELETE = route(revokeOwnSessionOp, async ({ ctx, params }) => {
  await revokeOwnSession(getDb(), ctx, params.sessionId);
  return new Response(null, { status: 204 });
});
