import { getDb } from "@/db/client";
import { apiRoute, readJson } from "@/lib/api";
import { addProjectMember } from "@/lib/data/members";
import { listProjectMembers } from "@/lib/data/projects";
import { newMemberSchema } from "@/lib/validation/projects";

const memberView = (m: Awaited<ReturnType<typeof listProjectMembers>>[number]) => ({
  userId: m.userId,
  email: m.email,
  name: m.name,
  roles: m.roles,
});

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => ({
  items: (await listProjectMembers(getDb(), ctx.actor, projectId)).map(memberView),
}));

export const POST = apiRoute<{ projectId: string }>(async (request, ctx, { projectId }) => {
  const input = await readJson(request, newMemberSchema);
  await addProjectMember(
    getDb(),
    ctx,
    input.email
      ? { projectId, email: input.email, role: input.role }
      : { projectId, userId: input.userId!, role: input.role },
  );
  const members = await listProjectMembers(getDb(), ctx.actor, projectId);
  const member = members.find((m) =>
    input.email ? m.email.toLowerCase() === input.email : m.userId === input.userId,
  )!;
  return Response.json(memberView(member), { status: 201 });
});
