import { and, eq } from "drizzle-orm";
import { type Db, first } from "@/db/client";
import { projectMembers, users, type ProjectRole } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { projectCommand } from "@/lib/data/command";
import { seatOnDefaultBoards } from "@/lib/data/gate-setup";
import { membershipProblem } from "@/lib/data/project-setup";
import { projectPolicyGates } from "@/lib/data/projects";
import { AppError, notFound } from "@/lib/errors";

/** A new member: an existing account named by id or, from the API, by email. */
type NewMember = { projectId: string; role: ProjectRole } & (
  { userId: string; email?: undefined } | { userId?: undefined; email: string }
);

export async function addProjectMember(db: Db, ctx: RequestContext, input: NewMember): Promise<void> {
  await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "project.manageMembers",
    run: async ({ tx, project, audit }) => {
      const user = input.email
        ? await first(tx.select().from(users).where(eq(users.email, input.email.toLowerCase())))
        : await first(tx.select().from(users).where(eq(users.id, input.userId!)));
      if (!user && input.email) {
        throw new AppError(
          "invalid_input",
          "No account has this email address.",
          "invalid_input",
          {
            fieldErrors: { email: ["No account has this email address. Ask an administrator to create it first."] },
          },
          { problem: "noAccountWithEmail", fields: { email: "noAccountAskAdministrator" } },
        );
      }
      const problem = membershipProblem(user, input.role, project.organizationId);
      if (problem) {
        // Answer on the field the caller used to name the person.
        const field = problem.field === "userId" && input.email ? "email" : problem.field;
        throw new AppError(
          "invalid_input",
          problem.message,
          "invalid_input",
          {
            fieldErrors: { [field]: [problem.message] },
          },
          { problem: problem.problem },
        );
      }
      const inserted = await first(
        tx
          .insert(projectMembers)
          .values({ projectId: project.id, userId: user!.id, role: input.role })
          .onConflictDoNothing()
          .returning(),
      );
      if (!inserted) return;
      await seatOnDefaultBoards(tx, project.id, user!.id, input.role, await projectPolicyGates(tx, project));
      audit({
        action: "project.member.add",
        objectType: "project",
        objectId: project.id,
        after: { userId: user!.id, email: user!.email, role: input.role },
      });
    },
  });
}

/** Removes one role of a member, or (without a role) all of their roles. */
export async function removeProjectMember(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; userId: string; role?: ProjectRole },
): Promise<void> {
  await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "project.manageMembers",
    run: async ({ tx, project, audit }) => {
      const where = and(
        eq(projectMembers.projectId, project.id),
        eq(projectMembers.userId, input.userId),
        input.role ? eq(projectMembers.role, input.role) : undefined,
      );
      const removing = await tx.select().from(projectMembers).where(where);
      if (!removing.length) throw notFound("This member");
      if (removing.some((m) => m.role === "project_manager")) {
        const pms = await tx
          .select()
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.role, "project_manager")));
        if (pms.length <= 1)
          throw new AppError(
            "rule_refused",
            "A project keeps at least one project manager.",
            "last_project_manager",
            undefined,
            {
              problem: "lastProjectManager",
            },
          );
      }
      await tx.delete(projectMembers).where(where);
      audit(
        ...removing.map((member) => ({
          action: "project.member.remove",
          objectType: "project",
          objectId: project.id,
          before: { userId: input.userId, role: member.role },
        })),
      );
    },
  });
}
