// Sites and guardians over HTTP: each answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as guardianRoute from "@/app/api/v1/projects/[projectId]/guardians/[guardianId]/route";
import * as guardiansRoute from "@/app/api/v1/projects/[projectId]/guardians/route";
import * as sitesRoute from "@/app/api/v1/projects/[projectId]/sites/route";
import type { Db } from "@/db/client";
import {
  changeGuardianOp,
  createSiteOp,
  listGuardiansOp,
  listSitesOp,
  nominateGuardianOp,
} from "@/lib/contract/guardians";
import { apiClient } from "@/lib/testing/api";
import { createTestDb, makeUser } from "@/lib/testing/fixtures";
import { certifiedGuardian, makeReadinessWorld } from "@/lib/testing/readiness-fixtures";

let db: Db;
let w: Awaited<ReturnType<typeof makeReadinessWorld>>;
let api: ReturnType<typeof apiClient>;
let projectId: string;

type Page<T> = { items: T[]; nextCursor: string | null };

beforeEach(async () => {
  db = await createTestDb();
  w = await makeReadinessWorld(db);
  api = apiClient(db);
  projectId = w.project.id;
});

describe("sites and guardians over HTTP", () => {
  it("adds sites and lists them page by page", async () => {
    const added = await api.call(sitesRoute.POST, createSiteOp, {
      as: w.pm,
      params: { projectId },
      body: { name: "Berlin depot", location: "Berlin" },
    });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: "Berlin depot", location: "Berlin", projectId });
    await api.call(sitesRoute.POST, createSiteOp, { as: w.pm, params: { projectId }, body: { name: "Cologne" } });
    const first = await api.call(sitesRoute.GET, listSitesOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as Page<{ name: string }>;
    expect(page1.items.map((s) => s.name)).toEqual(["Berlin depot", "Cologne"]);
    const second = await api.call(sitesRoute.GET, listSitesOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    expect(second.body).toMatchObject({ items: [{ name: "Hamburg HQ" }], nextCursor: null });
  });

  it("nominates, lists page by page, moves and withdraws guardians", async () => {
    const certified = await certifiedGuardian(db, w);
    const second = await makeUser(db, "client", w.org.id);
    const nominated = await api.call(guardiansRoute.POST, nominateGuardianOp, {
      as: w.pm,
      params: { projectId },
      body: { userId: second.id, siteId: w.site.id },
    });
    expect(nominated.status).toBe(201);
    const guardianId = (nominated.body as { id: string }).id;
    expect(nominated.body).toMatchObject({ userId: second.id, status: "nominated", version: 1 });

    const all = await api.call(guardiansRoute.GET, listGuardiansOp, { as: w.viewer, params: { projectId } });
    const everyone = all.body as Page<{ id: string; status: string }> & { modules: unknown[] };
    expect(everyone.modules).toHaveLength(2);
    expect(everyone.items.find((g) => g.id === certified.id)?.status).toBe("certified");
    const first = await api.call(guardiansRoute.GET, listGuardiansOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 1 },
    });
    const page1 = first.body as Page<{ id: string }>;
    const rest = await api.call(guardiansRoute.GET, listGuardiansOp, {
      as: w.viewer,
      params: { projectId },
      query: { limit: 1, cursor: page1.nextCursor! },
    });
    const page2 = rest.body as Page<{ id: string }>;
    expect([...page1.items, ...page2.items].map((g) => g.id)).toEqual(everyone.items.map((g) => g.id));
    expect(page2.nextCursor).toBeNull();

    const other = await api.call(sitesRoute.POST, createSiteOp, {
      as: w.pm,
      params: { projectId },
      body: { name: "Kiel" },
    });
    const moved = await api.call(guardianRoute.PATCH, changeGuardianOp, {
      as: w.pm,
      params: { projectId, guardianId },
      body: { action: "move", siteId: (other.body as { id: string }).id, expectedVersion: 1 },
    });
    expect(moved.body).toMatchObject({ siteId: (other.body as { id: string }).id, version: 2 });
    const withdrawn = await api.call(guardianRoute.PATCH, changeGuardianOp, {
      as: w.pm,
      params: { projectId, guardianId },
      body: { action: "withdraw" },
    });
    expect(withdrawn.body).toMatchObject({ status: "withdrawn" });
  });

  it("names each invalid field", async () => {
    const site = await api.call(sitesRoute.POST, createSiteOp, {
      as: w.pm,
      params: { projectId },
      body: { name: "", location: "x".repeat(201) },
    });
    expect(site.status).toBe(422);
    expect(site.body).toMatchObject({ errors: { name: expect.any(Array), location: expect.any(Array) } });
    const nomination = await api.call(guardiansRoute.POST, nominateGuardianOp, {
      as: w.pm,
      params: { projectId },
      body: { userId: "someone" },
    });
    expect(nomination.body).toMatchObject({ errors: { userId: ["Choose a person."], siteId: ["Choose a site."] } });
    for (const [handler, op] of [
      [sitesRoute.GET, listSitesOp],
      [guardiansRoute.GET, listGuardiansOp],
    ] as const) {
      const bad = await api.call(handler, op, { as: w.pm, params: { projectId }, query: { cursor: "x" } });
      expect(bad.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
    }
  });

  it("another account cannot see or change the sites and guardians", async () => {
    const guardian = await certifiedGuardian(db, w);
    for (const stranger of [w.otherViewer, w.outsiderStaff]) {
      expect((await api.call(sitesRoute.GET, listSitesOp, { as: stranger, params: { projectId } })).status).toBe(404);
      expect(
        (await api.call(guardiansRoute.GET, listGuardiansOp, { as: stranger, params: { projectId } })).status,
      ).toBe(404);
      const change = await api.call(guardianRoute.PATCH, changeGuardianOp, {
        as: stranger,
        params: { projectId, guardianId: guardian.id },
        body: { action: "withdraw" },
      });
      expect(change.status).toBe(404);
    }
    const byViewer = await api.call(sitesRoute.POST, createSiteOp, {
      as: w.viewer,
      params: { projectId },
      body: { name: "Mine" },
    });
    expect(byViewer.status).toBe(403);
    const withdrawByViewer = await api.call(guardianRoute.PATCH, changeGuardianOp, {
      as: w.viewer,
      params: { projectId, guardianId: guardian.id },
      body: { action: "withdraw" },
    });
    expect(withdrawByViewer.status).toBe(403);
  });
});
