import { describe, expect, it } from "vitest";
import { gates, artifacts, gateBoardMembers } from "@/db/schema";
import { eq } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";
import { loadProjectAccess, requireProjectPermission } from "./access";
import { addProjectMember, removeProjectMember } from "./members";
import { createProject, getProject, listProjects, updateProject } from "./projects";
import { first as firstRow } from "@/db/client";

const codeOf = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return "ok";
};

describe("project visibility", () => {
  it("shows each role exactly the projects it belongs to", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const other = await makeProject(db, w.outsiderStaff, w.otherOrg.id, {
      members: [[w.otherViewer, "client_viewer"]],
    });
    const names = async (actor: typeof w.pm) =>
      (await listProjects(db, actor, { limit: 50 })).items.map((p) => p.id).sort();
    expect(await names(w.admin)).toEqual([w.project.id, other.id].sort());
    for (const member of [w.pm, w.engineer, w.integrator, w.owner, w.guardian, w.viewer]) {
      expect(await names(member)).toEqual([w.project.id]);
    }
    expect(await names(w.otherViewer)).toEqual([other.id]);
    expect(await names(w.outsiderStaff)).toEqual([other.id]);
    expect(await names(w.boardMember)).toEqual([]);
  });

  it("answers not found (never forbidden) for a project the account cannot see", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    expect(await codeOf(async () => await getProject(db, w.otherViewer, w.project.id))).toBe("not_found");
    expect(await codeOf(async () => await getProject(db, w.outsiderStaff, w.project.id))).toBe("not_found");
    expect(await codeOf(async () => await getProject(db, w.viewer, "no-such-id"))).toBe("not_found");
    expect(await codeOf(async () => await getProject(db, w.viewer, w.project.id))).toBe("ok");
  });

  it("a client account added to another organisation's project still cannot see it", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const project = await makeProject(db, w.pm, w.otherOrg.id, { members: [[w.viewer, "client_viewer"]] });
    expect(await codeOf(async () => await loadProjectAccess(db, w.viewer, project.id))).toBe("not_found");
    expect((await listProjects(db, w.viewer, { limit: 50 })).items.map((p) => p.id)).toEqual([w.project.id]);
  });

  it("a board seat makes the project visible", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const gate = (await firstRow(db.select().from(gates).where(eq(gates.projectId, w.project.id))))!;
    await db.insert(gateBoardMembers).values({ gateId: gate.id, userId: w.boardMember.id, required: true });
    expect((await listProjects(db, w.boardMember, { limit: 50 })).items.map((p) => p.id)).toEqual([w.project.id]);
    expect((await loadProjectAccess(db, w.boardMember, w.project.id)).boardMember).toBe(true);
  });

  it("hides internal notes from client accounts", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    await updateProject(db, ctxFor(w.pm), { ...editable(w.project), internalNotes: "margin 22%" });
    expect((await getProject(db, w.pm, w.project.id)).project.internalNotes).toBe("margin 22%");
    expect("internalNotes" in (await getProject(db, w.owner, w.project.id)).project).toBe(false);
    expect(JSON.stringify(await listProjects(db, w.owner, { limit: 10 }))).not.toContain("margin");
  });

  it("paginates with a cursor and filters by name", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    for (const name of ["Alpha", "Bravo", "Charlie"]) await makeProject(db, w.pm, w.org.id, { name });
    const first = await listProjects(db, w.pm, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listProjects(db, w.pm, { limit: 2, cursor: first.nextCursor });
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((p) => p.id)).size).toBe(4);
    expect((await listProjects(db, w.pm, { limit: 10, q: "rav" })).items.map((p) => p.name)).toEqual(["Bravo"]);
  });
});

const editable = (p: {
  id: string;
  name: string;
  startDate: string;
  targetGoLiveDate: string;
  sizeClass: "small" | "standard" | "large";
}) => ({
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
  it("creates seven gates with the artifacts its size class needs", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const small = await makeProject(db, w.pm, w.org.id, { sizeClass: "small" });
    const large = await makeProject(db, w.pm, w.org.id, { sizeClass: "large" });
    const count = async (projectId: string) =>
      await db.select().from(artifacts).where(eq(artifacts.projectId, projectId));
    expect((await db.select().from(gates).where(eq(gates.projectId, small.id))).map((g) => g.number).sort()).toEqual([
      1, 2, 3, 4, 5, 6, 7,
    ]);
    const smallMust = (await count(small.id)).filter((a) => a.requirement === "must").length;
    const largeMust = (await count(large.id)).filter((a) => a.requirement === "must").length;
    expect(largeMust).toBeGreaterThan(smallMust);
  });

  it("refuses client accounts and validates the organisation", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const input = {
      organizationId: w.org.id,
      name: "X",
      description: "",
      modules: [],
      sowReference: "",
      startDate: "2026-01-01",
      targetGoLiveDate: "2026-06-01",
      sizeClass: "standard" as const,
    };
    expect(await codeOf(async () => await createProject(db, ctxFor(w.owner), input))).toBe("forbidden");
    expect(
      await codeOf(
        async () => await createProject(db, ctxFor(w.pm), { ...input, organizationId: crypto.randomUUID() }),
      ),
    ).toBe("invalid_input");
  });

  it("only the PM edits; a stale version is refused", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    expect(await codeOf(async () => await updateProject(db, ctxFor(w.engineer), editable(w.project)))).toBe(
      "forbidden",
    );
    expect(await codeOf(async () => await updateProject(db, ctxFor(w.otherViewer), editable(w.project)))).toBe(
      "not_found",
    );
    await updateProject(db, ctxFor(w.pm), { ...editable(w.project), expectedVersion: 1, name: "Renamed" });
    expect(
      await codeOf(async () => await updateProject(db, ctxFor(w.pm), { ...editable(w.project), expectedVersion: 1 })),
    ).toBe("stale_version");
  });
});

describe("project members", () => {
  it("lets the PM add fitting accounts only", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const newcomer = await makeUser(db, "staff");
    await addProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id, role: "team_member" });
    expect((await requireProjectPermission(db, newcomer, w.project.id, "artifact.submit")).roles).toEqual([
      "team_member",
    ]);
    expect(
      await codeOf(
        async () =>
          await addProjectMember(db, ctxFor(w.pm), {
            projectId: w.project.id,
            userId: w.otherViewer.id,
            role: "client_viewer",
          }),
      ),
    ).toBe("invalid_input");
    expect(
      await codeOf(
        async () =>
          await addProjectMember(db, ctxFor(w.pm), { projectId: w.project.id, userId: newcomer.id, role: "guardian" }),
      ),
    ).toBe("invalid_input");
    expect(
      await codeOf(
        async () =>
          await addProjectMember(db, ctxFor(w.engineer), {
            projectId: w.project.id,
            userId: newcomer.id,
            role: "integrator",
          }),
      ),
    ).toBe("forbidden");
  });

  it("keeps at least one project manager", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    expect(
      await codeOf(
        async () =>
          await removeProjectMember(db, ctxFor(w.pm), {
            projectId: w.project.id,
            userId: w.pm.id,
            role: "project_manager",
          }),
      ),
    ).toBe("rule_refused");
  });
});
