// The project operations over HTTP: the portfolio, creating and reading a project, and its audit trail.
import { beforeEach, describe, expect, it } from "vitest";
import * as auditRoute from "@/app/api/v1/projects/[projectId]/audit/route";
import * as projectRoute from "@/app/api/v1/projects/[projectId]/route";
import * as projectsRoute from "@/app/api/v1/projects/route";
import { createProjectOp, getProjectOp, listProjectAuditOp, listProjectsOp } from "@/lib/contract/projects";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { addScopeItem } from "@/lib/data/roadmap";
import { ctxFor, makeProject } from "@/lib/testing/fixtures";

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => ({ db, world, api } = await apiWorld()));

type Page<T> = { items: T[]; nextCursor: string | null };

describe("projects over HTTP", () => {
  it("creates a project, lists the portfolio page by page and reads one", async () => {
    const created = await api.call(projectsRoute.POST, createProjectOp, {
      as: world.pm,
      body: {
        organizationId: world.org.id,
        name: "Alpha rollout",
        modules: ["Invoicing", "Rating"],
        startDate: "2026-02-01",
        targetGoLiveDate: "2026-11-30",
        sizeClass: "small",
        clientOwnerId: world.owner.id,
      },
    });
    expect(created.status).toBe(201);
    const project = created.body as { id: string; name: string; internalNotes?: string };
    expect(created.response.headers.get("location")).toBe(`/api/v1/projects/${project.id}`);
    // No language given: English, the schema's default.
    expect(project).toMatchObject({ name: "Alpha rollout", currentGate: 7, internalNotes: "", language: "en" });
    const spanish = await api.call(projectsRoute.POST, createProjectOp, {
      as: world.pm,
      body: {
        organizationId: world.org.id,
        name: "Gamma rollout",
        modules: ["Invoicing"],
        startDate: "2026-02-01",
        targetGoLiveDate: "2026-11-30",
        sizeClass: "standard",
        language: "es",
      },
    });
    expect(spanish.body).toMatchObject({ name: "Gamma rollout", language: "es" });
    const gamma = (spanish.body as { id: string }).id;
    const audited = await api.call(auditRoute.GET, listProjectAuditOp, {
      as: world.pm,
      params: { projectId: gamma },
      query: { action: "project.create" },
    });
    expect((audited.body as Page<{ after: { language: string } }>).items[0].after.language).toBe("es");
    await makeProject(db, world.pm, world.org.id, { name: "Beta rollout" });

    const first = await api.call(projectsRoute.GET, listProjectsOp, { as: world.pm, query: { limit: 2 } });
    const page1 = first.body as Page<{ name: string }>;
    expect(page1.items).toHaveLength(2);
    expect(page1.nextCursor).not.toBeNull();
    const second = await api.call(projectsRoute.GET, listProjectsOp, {
      as: world.pm,
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    const page2 = second.body as Page<{ name: string }>;
    expect(page2.nextCursor).toBeNull();
    const names = [...page1.items, ...page2.items].map((p) => p.name);
    expect(names).toHaveLength(4);
    expect(names).toEqual([...names].sort());
    const found = await api.call(projectsRoute.GET, listProjectsOp, { as: world.pm, query: { q: "alpha" } });
    expect((found.body as Page<{ name: string }>).items.map((p) => p.name)).toEqual(["Alpha rollout"]);

    const read = await api.call(projectRoute.GET, getProjectOp, {
      as: world.owner,
      params: { projectId: project.id },
    });
    expect(read.body).toMatchObject({
      id: project.id,
      language: "en",
      yourRoles: ["client_owner"],
      boardMember: true,
    });
    expect(read.body).not.toHaveProperty("internalNotes");
  });

  it("reads the audit trail page by page, filtered", async () => {
    const projectId = world.project.id;
    for (const title of ["Tariffs", "Meters", "Invoices"]) {
      await addScopeItem(db, ctxFor(world.pm), {
        projectId,
        title,
        category: "configuration",
        priority: "must",
        estimateDays: 2,
        releaseId: null,
        reason: "",
      });
    }
    const all = await api.call(auditRoute.GET, listProjectAuditOp, { as: world.pm, params: { projectId } });
    const events = (all.body as Page<{ seq: number; action: string }>).items;
    expect(events.length).toBeGreaterThanOrEqual(3);
    const first = await api.call(auditRoute.GET, listProjectAuditOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as Page<{ seq: number; ip: string | null }>;
    expect(page1.items.map((e) => e.seq)).toEqual(events.slice(0, 2).map((e) => e.seq));
    expect(page1.items.every((e) => e.ip === null)).toBe(true);
    const second = await api.call(auditRoute.GET, listProjectAuditOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    expect((second.body as Page<{ seq: number }>).items[0].seq).toBe(events[2].seq);
    const filtered = await api.call(auditRoute.GET, listProjectAuditOp, {
      as: world.pm,
      params: { projectId },
      query: { action: "scope", from: "2000-01-01" },
    });
    const actions = (filtered.body as Page<{ action: string }>).items.map((e) => e.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.every((a) => a.startsWith("scope."))).toBe(true);
  });

  it("names each invalid field and refuses a bad page", async () => {
    const refused = await api.call(projectsRoute.POST, createProjectOp, {
      as: world.pm,
      body: {
        organizationId: world.org.id,
        name: "",
        startDate: "2026-05-01",
        targetGoLiveDate: "2026-04-01",
        language: "de",
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "invalid_input",
      errors: { name: expect.any(Array), sizeClass: expect.any(Array), language: expect.any(Array) },
    });
    const badCursor = await api.call(projectsRoute.GET, listProjectsOp, { as: world.pm, query: { cursor: "x" } });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
    const badLimit = await api.call(projectsRoute.GET, listProjectsOp, { as: world.pm, query: { limit: 0 } });
    expect(badLimit.body).toMatchObject({ errors: { limit: expect.any(Array) } });
    const badAudit = await api.call(auditRoute.GET, listProjectAuditOp, {
      as: world.pm,
      params: { projectId: world.project.id },
      query: { from: "2026-02-01", to: "2026-01-01" },
    });
    expect(badAudit.status).toBe(422);
    expect(badAudit.body).toMatchObject({ errors: { to: expect.any(Array) } });
    const badAuditCursor = await api.call(auditRoute.GET, listProjectAuditOp, {
      as: world.pm,
      params: { projectId: world.project.id },
      query: { cursor: "abc" },
    });
    expect(badAuditCursor.status).toBe(422);
    expect(badAuditCursor.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
  });

  it("another account cannot see or create the project", async () => {
    const projectId = world.project.id;
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      expect((await api.call(projectRoute.GET, getProjectOp, { as: stranger, params: { projectId } })).status).toBe(
        404,
      );
      expect((await api.call(auditRoute.GET, listProjectAuditOp, { as: stranger, params: { projectId } })).status).toBe(
        404,
      );
      const list = await api.call(projectsRoute.GET, listProjectsOp, { as: stranger });
      expect((list.body as Page<{ id: string }>).items.map((p) => p.id)).not.toContain(projectId);
    }
    const byClient = await api.call(projectsRoute.POST, createProjectOp, {
      as: world.owner,
      body: {
        organizationId: world.org.id,
        name: "Client's own",
        modules: [],
        startDate: "2026-02-01",
        targetGoLiveDate: "2026-11-30",
        sizeClass: "small",
      },
    });
    expect(byClient.status).toBe(403);
  });
});
