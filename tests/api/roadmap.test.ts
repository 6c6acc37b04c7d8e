// The roadmap operations over HTTP: releases, scope items, baselines and the estimate trail.
import { beforeEach, describe, expect, it } from "vitest";
import * as estimatesRoute from "@/app/api/v1/projects/[projectId]/estimates/route";
import * as releasesRoute from "@/app/api/v1/projects/[projectId]/releases/route";
import * as baselinesRoute from "@/app/api/v1/projects/[projectId]/scope-baselines/route";
import * as scopeItemRoute from "@/app/api/v1/projects/[projectId]/scope-items/[scopeItemId]/route";
import * as scopeItemsRoute from "@/app/api/v1/projects/[projectId]/scope-items/route";
import {
  addScopeItemOp,
  approveScopeBaselineOp,
  changeScopeItemOp,
  createReleaseOp,
  getEstimateTrailOp,
  getScopeItemOp,
  listReleasesOp,
  listScopeBaselinesOp,
  listScopeItemsOp,
  removeScopeItemOp,
} from "@/lib/contract/roadmap";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";

let { world, api } = {} as ApiWorld;

beforeEach(async () => ({ world, api } = await apiWorld()));

type Page<T> = { items: T[]; nextCursor: string | null };

const item = (title: string, releaseId?: string) => ({
  title,
  category: "configuration",
  priority: "must",
  estimateDays: 4.5,
  ...(releaseId ? { releaseId } : {}),
});

describe("the roadmap over HTTP", () => {
  it("adds releases and lists them page by page", async () => {
    const projectId = world.project.id;
    for (const name of ["MVP", "Release 2", "Release 3"]) {
      const created = await api.call(releasesRoute.POST, createReleaseOp, {
        as: world.pm,
        params: { projectId },
        body: { name, scope: `${name} scope`, targetDate: name === "MVP" ? "2026-09-30" : "" },
      });
      expect(created.status).toBe(201);
    }
    const first = await api.call(releasesRoute.GET, listReleasesOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as Page<{ number: number; targetDate: string | null }>;
    expect(page1.items).toMatchObject([
      { number: 1, targetDate: "2026-09-30" },
      { number: 2, targetDate: null },
    ]);
    const second = await api.call(releasesRoute.GET, listReleasesOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    expect(second.body).toMatchObject({ items: [{ number: 3 }], nextCursor: null });
  });

  it("adds, lists, reads, changes and removes scope items; baselines the MVP; reads the trail", async () => {
    const projectId = world.project.id;
    const mvp = await api.call(releasesRoute.POST, createReleaseOp, {
      as: world.pm,
      params: { projectId },
      body: { name: "MVP" },
    });
    const releaseId = (mvp.body as { id: string }).id;
    const ids: string[] = [];
    for (const title of ["Tariffs", "Meters", "Invoices"]) {
      const added = await api.call(scopeItemsRoute.POST, addScopeItemOp, {
        as: world.pm,
        params: { projectId },
        body: item(title, releaseId),
      });
      expect(added.status).toBe(201);
      const id = (added.body as { id: string }).id;
      expect(added.response.headers.get("location")).toBe(`/api/v1/projects/${projectId}/scope-items/${id}`);
      ids.push(id);
    }
    const first = await api.call(scopeItemsRoute.GET, listScopeItemsOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, releaseId },
    });
    const page1 = first.body as Page<{ id: string }>;
    expect(page1.items.map((i) => i.id)).toEqual(ids.slice(0, 2));
    const second = await api.call(scopeItemsRoute.GET, listScopeItemsOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, releaseId, cursor: page1.nextCursor! },
    });
    expect(second.body).toEqual({ items: [expect.objectContaining({ id: ids[2] })], nextCursor: null });
    const unassigned = await api.call(scopeItemsRoute.GET, listScopeItemsOp, {
      as: world.viewer,
      params: { projectId },
      query: { releaseId: "none" },
    });
    expect(unassigned.body).toEqual({ items: [], nextCursor: null });

    const read = await api.call(scopeItemRoute.GET, getScopeItemOp, {
      as: world.owner,
      params: { projectId, scopeItemId: ids[0] },
    });
    expect(read.body).toMatchObject({ title: "Tariffs", status: "proposed", releaseId, sprintId: null, version: 1 });
    const changed = await api.call(scopeItemRoute.PATCH, changeScopeItemOp, {
      as: world.pm,
      params: { projectId, scopeItemId: ids[0] },
      body: { ...item("Tariffs and discounts", releaseId), status: "planned", expectedVersion: 1 },
    });
    expect(changed.body).toMatchObject({ title: "Tariffs and discounts", status: "planned", version: 2 });
    const removed = await api.call(scopeItemRoute.DELETE, removeScopeItemOp, {
      as: world.pm,
      params: { projectId, scopeItemId: ids[2] },
      body: { expectedVersion: 1 },
    });
    expect(removed.status).toBe(204);

    const approved = await api.call(baselinesRoute.POST, approveScopeBaselineOp, {
      as: world.owner,
      params: { projectId },
    });
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ version: 1, totalDays: 9, items: [{ id: ids[0] }, { id: ids[1] }] });
    const afterBaseline = await api.call(scopeItemsRoute.POST, addScopeItemOp, {
      as: world.pm,
      params: { projectId },
      body: item("Late item", releaseId),
    });
    expect(afterBaseline.status).toBe(422);
    expect(afterBaseline.body).toMatchObject({ errors: { reason: expect.any(Array) } });
    await api.call(scopeItemsRoute.POST, addScopeItemOp, {
      as: world.pm,
      params: { projectId },
      body: { ...item("Late item", releaseId), reason: "The regulator asked for it." },
    });
    await api.call(baselinesRoute.POST, approveScopeBaselineOp, { as: world.owner, params: { projectId } });
    const baselines = await api.call(baselinesRoute.GET, listScopeBaselinesOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 1 },
    });
    const newest = baselines.body as Page<{ version: number; itemCount: number }>;
    expect(newest.items).toMatchObject([{ version: 2, itemCount: 3 }]);
    const older = await api.call(baselinesRoute.GET, listScopeBaselinesOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 1, cursor: newest.nextCursor! },
    });
    expect(older.body).toMatchObject({ items: [{ version: 1, itemCount: 2 }], nextCursor: null });

    const trail = await api.call(estimatesRoute.GET, getEstimateTrailOp, { as: world.pm, params: { projectId } });
    expect(trail.body).toMatchObject({
      targetGoLive: "2026-12-31",
      points: [
        { kind: "baseline", label: "Baseline v1" },
        { kind: "baseline", label: "Baseline v2" },
      ],
    });
    const clientTrail = await api.call(estimatesRoute.GET, getEstimateTrailOp, {
      as: world.viewer,
      params: { projectId },
    });
    expect((clientTrail.body as { points: { forecastCost: number | null }[] }).points[0].forecastCost).toBeNull();
  });

  it("names each invalid field and refuses a bad cursor", async () => {
    const projectId = world.project.id;
    const refused = await api.call(scopeItemsRoute.POST, addScopeItemOp, {
      as: world.pm,
      params: { projectId },
      body: { title: "", category: "nonsense", priority: "must", estimateDays: 2000 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "invalid_input",
      errors: { title: expect.any(Array), category: expect.any(Array), estimateDays: expect.any(Array) },
    });
    const release = await api.call(releasesRoute.POST, createReleaseOp, {
      as: world.pm,
      params: { projectId },
      body: { name: "x".repeat(121), targetDate: "2026-02-30" },
    });
    expect(release.body).toMatchObject({ errors: { name: expect.any(Array), targetDate: expect.any(Array) } });
    for (const [handler, op] of [
      [releasesRoute.GET, listReleasesOp],
      [scopeItemsRoute.GET, listScopeItemsOp],
      [baselinesRoute.GET, listScopeBaselinesOp],
    ] as const) {
      const bad = await api.call(handler, op, { as: world.pm, params: { projectId }, query: { cursor: "x" } });
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
    }
    const wrongId = await api.call(scopeItemRoute.GET, getScopeItemOp, {
      as: world.pm,
      params: { projectId, scopeItemId: "not-an-id" },
    });
    expect(wrongId.status).toBe(422);
  });

  it("another account cannot see or change the roadmap", async () => {
    const projectId = world.project.id;
    const added = await api.call(scopeItemsRoute.POST, addScopeItemOp, {
      as: world.pm,
      params: { projectId },
      body: item("Tariffs"),
    });
    expect(added.status).toBe(201);
    const scopeItemId = (added.body as { id: string }).id;
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      for (const [handler, op] of [
        [releasesRoute.GET, listReleasesOp],
        [scopeItemsRoute.GET, listScopeItemsOp],
        [baselinesRoute.GET, listScopeBaselinesOp],
        [estimatesRoute.GET, getEstimateTrailOp],
      ] as const) {
        expect((await api.call(handler, op, { as: stranger, params: { projectId } })).status).toBe(404);
      }
      const read = await api.call(scopeItemRoute.GET, getScopeItemOp, {
        as: stranger,
        params: { projectId, scopeItemId },
      });
      expect(read.status).toBe(404);
    }
    const byViewer = await api.call(scopeItemRoute.PATCH, changeScopeItemOp, {
      as: world.viewer,
      params: { projectId, scopeItemId },
      body: { ...item("Renamed"), status: "planned" },
    });
    expect(byViewer.status).toBe(403);
    const releaseByOwner = await api.call(releasesRoute.POST, createReleaseOp, {
      as: world.owner,
      params: { projectId },
      body: { name: "Owner's release" },
    });
    expect(releaseByOwner.status).toBe(403);
    const baselineByPm = await api.call(baselinesRoute.POST, approveScopeBaselineOp, {
      as: world.pm,
      params: { projectId },
    });
    expect(baselineByPm.status).toBe(403);
    const unchanged = await api.call(scopeItemRoute.GET, getScopeItemOp, {
      as: world.pm,
      params: { projectId, scopeItemId },
    });
    expect(unchanged.body).toMatchObject({ title: "Tariffs", version: 1 });
  });
});
