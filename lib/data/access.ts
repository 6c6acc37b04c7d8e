// The one per-object check: every data function that touches a project goes through here.
import { and, eq, sql, type SQLWrapper } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { type Placeholders, reusedQuery } from "@/db/reused";
import { gateBoardMembers, gates, projectMembers, projects, type Project, type ProjectRole } from "@/db/schema";
import { AppError, forbidden, notFound, staleVersion } from "@/lib/errors";
import type { ProblemKey } from "@/lib/refusal-words";
import { can, canAdminister, canView, effectiveRoles, type Actor, type Permission } from "@/lib/domain/permissions";

export type ProjectAccess = {
  project: Project;
  roles: ProjectRole[];
  /** Seated on at least one of the project's gate review boards. */
  boardMember: boolean;
  can: (permission: Permission) => boolean;
};

export async function memberRoles(db: DbOrTx, projectId: string, userId: string): Promise<ProjectRole[]> {
  return (
    await db
      .select({ role: projectMembers.role })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
  ).map((m) => m.role);
}

/** Whether a user sits on one of a project's gate review boards, as a condition of a statement. */
const boardSeatExists = (projectId: SQLWrapper | string, userId: SQLWrapper | string) =>
  sql<unknown>`exists (select 1 from ${gateBoardMembers} inner join ${gates} on ${gates.id} = ${
    gateBoardMembers.gateId
  } where ${gates.projectId} = ${projectId} and ${gateBoardMembers.userId} = ${userId})`;
// SQLite answers exists() with 1 or 0, PostgreSQL with true or false.
const isTrue = (value: unknown) => Boolean(Number(value));

export async function hasBoardSeat(db: DbOrTx, projectId: string, userId: string): Promise<boolean> {
  const row = await first(
    db
      .select({ seat: boardSeatExists(projectId, userId) })
      .from(projects)
      .where(eq(projects.id, projectId)),
  );
  return isTrue(row?.seat);
}

/** A project with a row per role the user holds in it, and whether they sit on one of its boards: built once. */
const projectWithRoles = reusedQuery((db, p: Placeholders<"projectId" | "userId">) =>
  db
    .select({
      project: projects,
      role: projectMembers.role,
      boardSeat: boardSeatExists(projects.id, p.userId),
    })
    .from(projects)
    .leftJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, p.userId)))
    .where(eq(projects.id, p.projectId)),
);

/** Loads a project the actor can see; anything else is "not found" (never "forbidden"). */
export async function loadProjectAccess(db: DbOrTx, actor: Actor, projectId: string): Promise<ProjectAccess> {
  // One statement, as every request on a project starts here: the project, a row per role the
  // actor holds in it (none: one row without a role), and whether they sit on one of its boards.
  const rows = await projectWithRoles(db, { projectId, userId: actor.id });
  if (rows.length === 0) throw notFound("This project");
  const project = rows[0].project;
  const held = rows.flatMap((row) => (row.role ? [row.role] : []));
  const roles = effectiveRoles(actor, project, held);
  const boardMember = isTrue(rows[0].boardSeat);
  if (!canView(actor, project, roles, boardMember)) throw notFound("This project");
  return { project, roles, boardMember, can: (permission) => can(actor, project, roles, permission) };
}

/** Loads the project and requires a permission on it: 404 when invisible, 403 when not allowed. */
export async function requireProjectPermission(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  permission: Permission,
): Promise<ProjectAccess> {
  const access = await loadProjectAccess(db, actor, projectId);
  if (!access.can(permission)) {
    if (access.project.status !== "active" && access.project.status !== "on_hold") {
      throw new AppError(
        "rule_refused",
        `This project is ${access.project.status.replace("_", " ")}; it can no longer be changed.`,
        "project_read_only",
        undefined,
        { problem: "projectNoLongerChanges", params: { status: access.project.status } },
      );
    }
    throw forbidden();
  }
  return access;
}

/** Refuses with 409 stale_version when the row is no longer at the version the caller saw. */
export function assertVersion(current: number, expected: number | undefined): void {
  if (expected !== undefined && expected !== current) throw staleVersion();
}

/**
 * The one installation-wide check (accounts, organisations, policies, the quality scale, the whole
 * audit chain): reads call it, and adminCommand calls it before any transaction opens.
 */
/** Each administrators-only refusal and the catalogue key that says it: callers pick one of these sentences. */
export const ADMIN_REFUSALS = {
  "Only administrators can do this.": "adminsOnly",
  "Only administrators set up the installation.": "adminsSetUpInstallation",
  "Only administrators can invite people or reset passwords.": "adminsInviteOrReset",
  "Only administrators edit the quality scale.": "adminsEditQualityScale",
  "Only administrators see the whole audit trail.": "adminsSeeAuditTrail",
  "Only administrators see the audit chain.": "adminsSeeAuditChain",
  "Only administrators verify the audit chain.": "adminsVerifyAuditChain",
  "Only administrators manage gate policies.": "adminsManagePolicies",
} as const satisfies Record<string, ProblemKey>;
export type AdminRefusal = keyof typeof ADMIN_REFUSALS;

export function requireAdministrator(actor: Actor, refusal: AdminRefusal = "Only administrators can do this."): void {
  if (!canAdminister(actor)) throw forbidden(refusal, { problem: ADMIN_REFUSALS[refusal] });
}
