import { getDb } from "@/db/client";
import { apiRoute, validate } from "@/lib/api";
import { removeProjectMember } from "@/lib/data/members";
import { uuid } from "@/lib/validation/common";
import { removeMemberQuery } from "@/lib/validation/projects";

/** Removes one role (`?role=`) or, without it, every role of the member. */
export const DELETE = apiRoute<{ projectId: string; userId: string }>(async (request, ctx, params) => {
  const { role } = validate(removeMemberQuery, { role: new URL(request.url).searchParams.get("role") ?? undefined });
  await removeProjectMember(getDb(), ctx, { projectId: params.projectId, userId: validate(uuid, params.userId), role });
  return new Response(null, { status: 204 });
});
