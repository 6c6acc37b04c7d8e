import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { getProject } from "@/lib/data/projects";

export const GET = apiRoute<{ projectId: string }>(async (_request, ctx, { projectId }) => {
  const { project, access } = await getProject(getDb(), ctx.actor, projectId);
  return { ...project, yourRoles: access.roles, boardMember: access.boardMember };
});
