import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { removeMemberOp } from "@/lib/contract/members";
import { removeProjectMember } from "@/lib/data/members";

/** Removes one role (`?role=`) or, without it, every role of the member. */
export const DELETE = route(removeMemberOp, async ({ ctx, params, query }) => {
  await removeProjectMember(getDb(), ctx, { ...params, role: query.role });
  return new Response(null, { status: 204 });
});
