// The sprint operations over HTTP: each answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as sprintRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/route";
import * as reviewRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/review/route";
import * as startRoute from "@/app/api/v1/projects/[projectId]/sprints/[sprintId]/start/route";
import * as sprintsRoute from "@/app/api/v1/projects/[projectId]/sprints/route";
import {
  changeSprintPlanOp,
  getSprintOp,
  listSprintsOp,
  planSprintOp,
  startSprintOp,
  submitSprintForReviewOp,
} from "@/lib/contract/sprints";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { addScopeItem } from "@/lib/data/roadmap";
import { ctxFor } from "@/lib/testing/fixtures";

let { db, world, api } = {} as ApiWorld;
let itemId: string;

const plan = (n: number) => ({
  goal: `Sprint goal ${n}`,
  startDate: `2026-0${n}-01`,
  endDate: `2026-0${n}-14`,
  capacityDays: 10,
});

beforeEach(async () => {
  ({ db, world, api } = await apiWorld());
  const item = await addScopeItem(db, ctxFor(world.pm), {
    projectId: world.project.id,
    title: "Tariff configuration",
    category: "configuration",
    priority: "must",
    estimateDays: 3,
    releaseId: null,
    reason: "",
  });
  itemId = item.id;
});

describe("sprints over HTTP", () => {
  it("plans, lists page by page, reads, changes, starts and submits a sprint", async () => {
    const projectId = world.project.id;
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const created = await api.call(sprintsRoute.POST, planSprintOp, {
        as: world.pm,
        params: { projectId },
        body: plan(n),
      });
      expect(created.status).toBe(201);
      const sprint = created.body as { id: string; number: number };
      expect(created.response.headers.get("location")).toBe(`/api/v1/projects/${projectId}/sprints/${sprint.id}`);
      ids.push(sprint.id);
    }

    const first = await api.call(sprintsRoute.GET, listSprintsOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as { items: { number: number }[]; nextCursor: string | null };
    expect(page1.items.map((s) => s.number)).toEqual([3, 2]);
    const second = await api.call(sprintsRoute.GET, listSprintsOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    expect(second.body).toMatchObject({ items: [{ number: 1 }], nextCursor: null });

    const sprintId = ids[0];
    const read = await api.call(sprintRoute.GET, getSprintOp, { as: world.owner, params: { projectId, sprintId } });
    expect(read.body).toMatchObject({ id: sprintId, status: "planned", scopeItems: [], deployments: [] });

    const changed = await api.call(sprintRoute.PATCH, changeSprintPlanOp, {
      as: world.pm,
      params: { projectId, sprintId },
      body: { ...plan(1), goal: "A sharper goal", scopeItemIds: [itemId], expectedVersion: 1 },
    });
    expect(changed.body).toMatchObject({ goal: "A sharper goal", version: 2, scopeItems: [{ id: itemId }] });

    const started = await api.call(startRoute.POST, startSprintOp, {
      as: world.pm,
      params: { projectId, sprintId },
      body: {},
    });
    expect(started.body).toMatchObject({ status: "active" });
    const inReview = await api.call(reviewRoute.POST, submitSprintForReviewOp, {
      as: world.pm,
      params: { projectId, sprintId },
      body: {},
    });
    expect(inReview.body).toMatchObject({ status: "in_review" });
  });

  it("names each invalid field and changes nothing", async () => {
    const projectId = world.project.id;
    const refused = await api.call(sprintsRoute.POST, planSprintOp, {
      as: world.pm,
      params: { projectId },
      body: { goal: "", startDate: "2026-03-14", endDate: "2026-03-01", capacityDays: -1 },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: "invalid_input",
      errors: { goal: expect.any(Array), endDate: expect.any(Array), capacityDays: expect.any(Array) },
    });
    const badPage = await api.call(sprintsRoute.GET, listSprintsOp, {
      as: world.pm,
      params: { projectId },
      query: { limit: 0, cursor: "x" },
    });
    expect(badPage.status).toBe(422);
    const list = await api.call(sprintsRoute.GET, listSprintsOp, { as: world.pm, params: { projectId } });
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });

  it("another account cannot see or change the project's sprints", async () => {
    const projectId = world.project.id;
    const created = await api.call(sprintsRoute.POST, planSprintOp, {
      as: world.pm,
      params: { projectId },
      body: plan(1),
    });
    const sprintId = (created.body as { id: string }).id;
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      expect((await api.call(sprintsRoute.GET, listSprintsOp, { as: stranger, params: { projectId } })).status).toBe(
        404,
      );
      expect(
        (await api.call(sprintRoute.GET, getSprintOp, { as: stranger, params: { projectId, sprintId } })).status,
      ).toBe(404);
    }
    const byViewer = await api.call(startRoute.POST, startSprintOp, {
      as: world.viewer,
      params: { projectId, sprintId },
      body: {},
    });
    expect(byViewer.status).toBe(403);
    const unchanged = await api.call(sprintRoute.GET, getSprintOp, { as: world.pm, params: { projectId, sprintId } });
    expect(unchanged.body).toMatchObject({ status: "planned", version: 1 });
  });
});
