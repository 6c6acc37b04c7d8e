import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getProjectOp } from "@/lib/contract/projects";
import { getProject } from "@/lib/data/projects";

export const GET = route(getProjectOp, async ({ ctx, params }) => {
  const { project, access } = await getProject(getDb(), ctx.actor, params.projectId);
  return { ...project, yourRoles: access.roles, boardMember: access.boardMember };
});
