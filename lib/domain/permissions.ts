// Who may do what on a project: one table, read by every data function (DESIGN.md §1).
import type { GlobalRole, ProjectRole } from "@/db/enums";

export type Actor = {
  id: string;
  email: string;
  name: string;
  role: GlobalRole;
  organizationId: string | null;
};

/** The actor an account acts as (a sign-in, a link it followed, a command run for it). */
export const actorOf = (user: Actor): Actor => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  organizationId: user.organizationId,
});

export type ProjectScope = {
  organizationId: string;
  status: "active" | "on_hold" | "killed" | "live" | "closed";
};

export const PERMISSIONS = {
  // Reading
  "project.view": ["project_manager", "team_member", "integrator", "client_owner", "guardian", "client_viewer"],
  "project.viewInternal": ["project_manager", "team_member"],
  "billing.view": ["project_manager", "client_owner"],
  // Project and gates
  "project.edit": ["project_manager"],
  "project.manageMembers": ["project_manager"],
  "gate.manage": ["project_manager"],
  "artifact.submit": ["project_manager", "team_member"],
  // Delivery
  "scope.edit": ["project_manager"],
  "scope.approve": ["client_owner"],
  "sprint.plan": ["project_manager"],
  "sprint.deliver": ["project_manager", "team_member"],
  "sprint.accept": ["client_owner"],
  "quality.select": ["project_manager", "team_member"],
  "billing.manage": ["project_manager"],
  // Integration and migration
  "integration.edit": ["project_manager", "integrator"],
  "migration.edit": ["project_manager", "integrator"],
  // Client readiness
  "guardian.nominate": ["project_manager", "client_owner"],
  "training.manage": ["project_manager", "team_member"],
  "validation.manage": ["project_manager", "client_owner"],
  "validation.record": ["guardian"],
  "validation.approve": ["client_owner"],
  "golive.manage": ["project_manager"],
  "golive.sign": ["client_owner", "guardian"],
  "escalation.raise": ["guardian"],
  "escalation.triage": ["project_manager", "team_member"],
  "handover.record": ["project_manager"],
  "report.generate": ["project_manager"],
} as const satisfies Record<string, readonly ProjectRole[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Vendor administrators act with the project manager's rights on every project. */
const ADMIN_ROLES: readonly ProjectRole[] = ["project_manager"];

/** Permissions that stay open once a project is live, closed or killed (support work and reading). */
const AFTER_IMPLEMENTATION: ReadonlySet<Permission> = new Set<Permission>([
  "project.view",
  "project.viewInternal",
  "billing.view",
  "billing.manage",
  "escalation.raise",
  "escalation.triage",
  "report.generate",
  "golive.sign",
]);

const CLIENT_ROLES: ReadonlySet<ProjectRole> = new Set(["client_owner", "guardian", "client_viewer"]);
const VENDOR_ROLES: ReadonlySet<ProjectRole> = new Set(["project_manager", "team_member", "integrator"]);

/** Project roles a global role may hold: client accounts only client roles, vendor accounts only vendor roles. */
export function canHoldProjectRole(globalRole: GlobalRole, projectRole: ProjectRole): boolean {
  return globalRole === "client" ? CLIENT_ROLES.has(projectRole) : VENDOR_ROLES.has(projectRole);
}

/**
 * The project roles that count for this actor on this project. A client account's
 * memberships only count on projects of its own organisation; an admin counts as PM.
 */
export function effectiveRoles(actor: Actor, project: ProjectScope, memberRoles: ProjectRole[]): ProjectRole[] {
  if (actor.role === "client" && actor.organizationId !== project.organizationId) return [];
  const roles = memberRoles.filter((r) => canHoldProjectRole(actor.role, r));
  if (actor.role === "admin") return [...new Set([...roles, ...ADMIN_ROLES])];
  return roles;
}

/**
 * A seat on one of the project's gate review boards lets an account read the project (and
 * review, vote and decide on that gate) without holding a project role.
 */
export function canView(actor: Actor, project: ProjectScope, memberRoles: ProjectRole[], boardSeat = false): boolean {
  if (actor.role === "client" && actor.organizationId !== project.organizationId) return false;
  return boardSeat || effectiveRoles(actor, project, memberRoles).length > 0;
}

export function can(actor: Actor, project: ProjectScope, memberRoles: ProjectRole[], permission: Permission): boolean {
  const roles = effectiveRoles(actor, project, memberRoles);
  if (roles.length === 0) return false;
  if (project.status !== "active" && project.status !== "on_hold" && !AFTER_IMPLEMENTATION.has(permission)) {
    return false;
  }
  const allowed: readonly ProjectRole[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}

/** Global (not per-project) abilities. */
export const canAdminister = (actor: Actor) => actor.role === "admin";
export const canCreateProject = (actor: Actor) => actor.role === "admin" || actor.role === "staff";
export const isVendor = (actor: Actor) => actor.role !== "client";
