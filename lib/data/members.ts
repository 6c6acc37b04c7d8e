import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { projectMembers, users, type ProjectRole } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { requireProjectPermission } from "@/lib/data/access";
import { seatOnDefaultBoards } from "@/lib/data/gate-setup";
import { projectPolicyGates } from "@/lib/data/projects";
import { canHoldProjectRole } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";

type MemberInput = { projectId: string; userId: string; role: ProjectRole };

export function addProjectMember(db: Db, ctx: RequestContext, input: MemberInput): void {
  db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "project.manageMembers");
      const user = tx.select().from(users).where(eq(users.id, input.userId)).get();
      if (!user || user.disabledAt) {
        throw new AppError("invalid_input", "Choose an active account.", "invalid_input", { fieldErrors: { userId: ["Unknown or disabled account."] } });
      }
      if (!canHoldProjectRole(user.role, input.role)) {
        throw new AppError(
          "invalid_input",
          user.role === "client" ? "Client accounts can only hold client roles." : "Vendor accounts can only hold vendor roles.",
          "invalid_input",
          { fieldErrors: { role: ["This role does not fit this account."] } },
        );
      }
      if (user.role === "client" && user.organizationId !== project.organizationId) {
        throw new AppError("invalid_input", "This client account belongs to another organisation.", "invalid_input", {
          fieldErrors: { userId: ["Belongs to another client organisation."] },
        });
      }
      const inserted = tx.insert(projectMembers).values(input).onConflictDoNothing().returning().get();
      if (!inserted) return;
      seatOnDefaultBoards(tx, project.id, user.id, input.role, projectPolicyGates(tx, project));
      recordAudit(tx, ctx, {
        action: "project.member.add",
        objectType: "project",
        objectId: project.id,
        projectId: project.id,
        after: { userId: user.id, email: user.email, role: input.role },
      });
    },
    { behavior: "immediate" },
  );
}

export function removeProjectMember(db: Db, ctx: RequestContext, input: MemberInput): void {
  db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "project.manageMembers");
      const where = and(
        eq(projectMembers.projectId, project.id),
        eq(projectMembers.userId, input.userId),
        eq(projectMembers.role, input.role),
      );
      if (!tx.select().from(projectMembers).where(where).get()) return;
      if (input.role === "project_manager") {
        const pms = tx
          .select()
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.role, "project_manager")))
          .all();
        if (pms.length <= 1) throw new AppError("rule_refused", "A project keeps at least one project manager.", "last_project_manager");
      }
      tx.delete(projectMembers).where(where).run();
      recordAudit(tx, ctx, {
        action: "project.member.remove",
        objectType: "project",
        objectId: project.id,
        projectId: project.id,
        before: { userId: input.userId, role: input.role },
      });
    },
    { behavior: "immediate" },
  );
}
