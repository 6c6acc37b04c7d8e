import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { addMemberOp, listMembersOp } from "@/lib/contract/members";
import { pageOf } from "@/lib/data/cursor";
import { addProjectMember } from "@/lib/data/members";
import { listProjectMembers } from "@/lib/data/projects";

const memberView = (m: Awaited<ReturnType<typeof listProjectMembers>>[number]) => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  roles: m.roles,
});

export const GET = route(listMembersOp, async ({ ctx, params, query }) => {
  const members = await listProjectMembers(getDb(), ctx.actor, params.projectId, query);
  return pageOf(members, query.limit, (member) => [member.name, member.userId], memberView);
});

export const POST = route(addMemberOp, async ({ ctx, params, body }) => {
  const { projectId } = params;
  await addProjectMember(
    getDb(),
    ctx,
    body.email
      ? { projectId, email: body.email, role: body.role }
      : { projectId, userId: body.userId!, role: body.role },
  );
  const members = await listProjectMembers(getDb(), ctx.actor, projectId);
  const member = members.find((m) => (body.email ? m.email.toLowerCase() === body.email : m.userId === body.userId))!;
  return memberView(member);
});
