import { describe, expect, it } from "vitest";
import type { ProjectRole } from "@/db/enums";
import {
  can,
  canCreateProject,
  canHoldProjectRole,
  canView,
  effectiveRoles,
  type Actor,
  type Permission,
  type ProjectScope,
} from "./permissions";

const org = "org-a";
const actor = (role: Actor["role"], organizationId: string | null = role === "client" ? org : null): Actor => ({
  id: "u",
  email: "u@x",
  name: "U",
  role,
  organizationId,
});
const active: ProjectScope = { organizationId: org, status: "active" };
const live: ProjectScope = { organizationId: org, status: "live" };

describe("who may do what on a project", () => {
  it.each<[string, Actor, ProjectRole[], Permission, boolean]>([
    ["PM edits the project", actor("staff"), ["project_manager"], "project.edit", true],
    ["team member cannot edit the project", actor("staff"), ["team_member"], "project.edit", false],
    ["team member submits artifacts", actor("staff"), ["team_member"], "artifact.submit", true],
    ["integrator edits interfaces", actor("staff"), ["integrator"], "integration.edit", true],
    ["integrator cannot submit artifacts", actor("staff"), ["integrator"], "artifact.submit", false],
    ["client owner accepts sprints", actor("client"), ["client_owner"], "sprint.accept", true],
    ["PM cannot accept sprints for the client", actor("staff"), ["project_manager"], "sprint.accept", false],
    ["guardian raises escalations", actor("client"), ["guardian"], "escalation.raise", true],
    ["client viewer only reads", actor("client"), ["client_viewer"], "project.view", true],
    ["client viewer cannot plan sprints", actor("client"), ["client_viewer"], "sprint.plan", false],
    ["client never sees internal notes", actor("client"), ["client_owner"], "project.viewInternal", false],
    ["client owner sees billing", actor("client"), ["client_owner"], "billing.view", true],
    ["guardian does not see billing", actor("client"), ["guardian"], "billing.view", false],
    ["admin acts as PM", actor("admin"), [], "gate.manage", true],
    ["admin cannot accept sprints", actor("admin"), [], "sprint.accept", false],
    ["non-member has nothing", actor("staff"), [], "project.view", false],
  ])("%s", (_name, who, roles, permission, expected) => {
    expect(can(who, active, roles, permission)).toBe(expected);
  });

  it("a client account's roles do not count on another organisation's project", () => {
    const outsider = actor("client", "org-b");
    expect(effectiveRoles(outsider, active, ["client_owner"])).toEqual([]);
    expect(canView(outsider, active, ["client_viewer"], true)).toBe(false);
  });

  it("vendor roles held by a client account (or the reverse) are ignored", () => {
    expect(effectiveRoles(actor("client"), active, ["project_manager"])).toEqual([]);
    expect(effectiveRoles(actor("staff"), active, ["client_owner"])).toEqual([]);
  });

  it("a board seat grants reading without a project role", () => {
    expect(canView(actor("staff"), active, [], true)).toBe(true);
    expect(canView(actor("staff"), active, [], false)).toBe(false);
  });

  it.each<[Permission, boolean]>([
    ["project.edit", false],
    ["sprint.plan", false],
    ["artifact.submit", false],
    ["escalation.triage", true],
    ["project.view", true],
  ])("once live, %s is %s for the PM (read-only except support)", (permission, expected) => {
    expect(can(actor("staff"), live, ["project_manager"], permission)).toBe(expected);
  });

  it.each<[Actor["role"], ProjectRole, boolean]>([
    ["client", "guardian", true],
    ["client", "team_member", false],
    ["staff", "integrator", true],
    ["staff", "client_viewer", false],
    ["admin", "project_manager", true],
  ])("a %s account may hold %s: %s", (role, projectRole, expected) => {
    expect(canHoldProjectRole(role, projectRole)).toBe(expected);
  });

  it("only vendor accounts create projects", () => {
    expect(canCreateProject(actor("staff"))).toBe(true);
    expect(canCreateProject(actor("admin"))).toBe(true);
    expect(canCreateProject(actor("client"))).toBe(false);
  });
});
