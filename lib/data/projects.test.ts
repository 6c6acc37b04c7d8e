import { describe, expect, it } from "vitest";
import { gates, artifacts, gateBoardMembers } from "@/db/schema";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";
import { loadProjectAccess, requireProjectPermission } from "./access";
import { addProjectMember, removeProjectMember } from "./members";
import { createProject, getProject, listProjects, updateProject } from "./projects";

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "ok";
};

describe("project visibility", () => {
  it("shows each role exactly the projects it belongs to", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    const other = makeProject(db, w.outsiderStaff, w.otherOrg.id, { members: [[w.otherViewer, "client_viewer"]] });
    const names = (actor: typeof w.pm) => listProjects(db, actor, { limit: 50 }).items.map((p) => p.id).sort();
    expect(names(w.admin)).toEqual([w.project.id, other.id].sort());
    for (const member of [w.pm, w.engineer, w.integrator, w.owner, w.guardian, w.viewer]) {
      expect(names(member)).toEqual([w.project.id]);
    }
    expect(names(w.otherViewer)).toEqual([other.id]);
    expect(names(w.outsiderStaff)).toEqual([other.id]);
    expect(names(w.boardMember)).toEqual([]);
  });

  it("answers not found (never forbidden) for a project the account cannot see", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    expect(codeOf(() => getProject(db, w.otherViewer, w.project.id))).toBe("not_found");
    expect(codeOf(() => getProject(db, w.outsiderStaff, w.project.id))).toBe("not_found");
    expect(codeOf(() => getProject(db, w.viewer, "no-such-id"))).toBe("not_found");
    expect(codeOf(() => getProject(db, w.viewer, w.project.id))).toBe("ok");
  });

  it("a client account added to another organisation's project still cannot see it", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    const project = makeProject(db, w.pm, w.otherOrg.id, { members: [[w.viewer, "client_viewer"]] });
    expect(codeOf(() => loadProjectAccess(db, w.viewer, project.id))).toBe("not_found");
    expect(listProjects(db, w.viewer, { limit: 50 }).items.map((p) => p.id)).toEqual([w.project.id]);
  });

  it("a board seat makes the project visible", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    const gate = db.select().from(gates).where(eq(gates.projectId, w.project.id)).get()!;
    db.insert(gateBoardMembers).values({ gateId: gate.id, userId: w.boardMember.id, required: true }).run();
    expect(listProjects(db, w.boardMember, { limit: 50 }).items.map((p) => p.id)).toEqual([w.project.id]);
    expect(loadProjectAccess(db, w.boardMember, w.project.id).boardMember).toBe(true);
  });

  it("hides internal notes from client accounts", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    updateProject(db, ctxFor(w.pm), { ...editable(w.project), internalNotes: "margin 22%" });
    expect(getProject(db, w.pm, w.project.id).project.internalNotes).toBe("margin 22%");
    expect("internalNotes" in getProject(db, w.owner, w.project.id).project).toBe(false);
    expect(JSON.stringify(listProjects(db, w.owner, { limit: 10 }))).not.toContain("margin");
  });

  it("paginates with a cursor and filters by name", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    for (const name of ["Alpha", "Bravo", "Charlie"]) makeProject(db, w.pm, w.org.id, { name });
    const first = listProjects(db, w.pm, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = listProjects(db, w.pm, { limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(4);
    expect(listProjects(db, w.pm, { limit: 10, q: "rav" }).items.map((p) => p.name)).toEqual(["Bravo"]);
  });
});

const editable = (p: { id: string; name: string; startDate: string; targetGoLiveDate: string; sizeClass: "small" | "standard" | "large" }) => ({
  projectId: p.id,
  name: p.name,
  description: "",
  modules: [],
  sowReference: "",
  startDate: p.startDate,
  targetGoLiveDate: p.targetGoLiveDate,
  sizeClass: p.sizeClass,
  internalNotes: "",
});

describe("creating and changing projects", () => {
  it("creates seven gates with the artifacts its size class needs", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    const small = makeProject(db, w.pm, w.org.id, { sizeClass: "small" });
    const large = makeProject(db, w.pm, w.org.id, { sizeClass: "large" });
    const count = (projectId: string) => db.select().from(artifacts).where(eq(artifacts.projectId, projectId)).all();
    expect(db.select().from(gates).where(eq(gates.projectId, small.id)).all().map((g) => g.number).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const smallMust = count(small.id).filter((a) => a.requirement === "must").length;
    const largeMust = count(large.id).filter((a) => a.requirement === "must").length;
    expect(largeMust).toBeGreaterThan(smallMust);
  });

  it("refuses client accounts and validates the organisation", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    const input = { organizationId: w.org.id, name: "X", description: "", modules: [], sowReference: "", startDate: "2026-01-01", targetGoLiveDate: "2026-06-01", sizeClass: "standard" as const };
    expect(codeOf(() => createProject(db, ctxFor(w.owner), input))).toBe("forbidden");
    expect(codeOf(() => createProject(db, ctxFor(w.pm), { ...input, organizationId: crypto.randomUUID() }))).toBe("invalid_input");
  });

  it("only the PM edits; a stale version is refused", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    expect(codeOf(() => updateProject(db, ctxFor(w.engineer), editable(w.project)))).toBe("forbidden");
    expect(codeOf(() => updateProject(db, ctxFor(w.otherViewer), editable(w.project)))).toBe("not_found");
    updateProject(db, ctxFor(w.pm), { ...editable(w.project), expectedVersion: 1, name: "Renamed" });
    expect(codeOf(() => updateProject(db, ctxFor(w.pm), { ...editable(w.project), expectedVersion: 1 }))).toBe("stale_version");
  });
});

describe("project members", () => {
  it("lets the PM add fitting accounts only", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    const newcomer = makeUser(db, "staff");
    addProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id, role: "team_member" });
    expect(requireProjectPermission(db, newcomer, w.project.id, "artifact.submit").roles).toEqual(["team_member"]);
    expect(codeOf(() => addProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: w.otherViewer.id, role: "client_viewer" }))).toBe("invalid_input");
    expect(codeOf(() => addProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id, role: "guardian" }))).toBe("invalid_input");
    expect(codeOf(() => addProjectMember(db, ctxFor(w.engineer), { projectId: w.project.id, userId: newcomer.id, role: "integrator" }))).toBe("forbidden");
  });

  it("keeps at least one project manager", () => {
    const db = createTestDb();
    const w = makeWorld(db);
    expect(codeOf(() => removeProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: w.pm.id, role: "project_manager" }))).toBe("rule_refused");
  });
});
