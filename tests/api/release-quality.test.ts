// A release's quality standard over HTTP: chosen once, inherited by its sprints, with evidence.
import { beforeEach, describe, expect, it } from "vitest";
import * as releaseEvidenceRoute from "@/app/api/v1/projects/[projectId]/releases/[releaseId]/evidence/route";
import * as releaseQualityRoute from "@/app/api/v1/projects/[projectId]/releases/[releaseId]/quality/route";
import type { Db } from "@/db/client";
import { getReleaseQualityOp, recordReleaseEvidenceOp, selectReleaseQualityOp } from "@/lib/contract/release-quality";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { createRelease } from "@/lib/data/roadmap";
import { planSprint } from "@/lib/data/sprints";
import { apiClient } from "@/lib/testing/api";
import { SMALL_CHANGE } from "@/lib/testing/delivery-fixtures";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
let api: ReturnType<typeof apiClient>;
let releaseId: string;

beforeEach(async () => {
  db = await createTestDb();
  await ensureDefaultQualityScale(db);
  world = await makeWorld(db);
  api = apiClient(db);
  const release = await createRelease(db, ctxFor(world.pm), {
    projectId: world.project.id,
    name: "Tariff release",
    scope: "",
    targetDate: null,
  });
  releaseId = release.id;
});

describe("a release's quality over HTTP", () => {
  it("selects the release's standard, lists the inheriting sprints and records evidence", async () => {
    const projectId = world.project.id;
    const { sprint } = await planSprint(db, ctxFor(world.pm), {
      projectId,
      goal: "Tariffs",
      startDate: "2026-02-02",
      endDate: "2026-02-13",
      capacityDays: 5,
      scopeItemIds: [],
      releaseId,
    });
    const before = await api.call(releaseQualityRoute.GET, getReleaseQualityOp, {
      as: world.viewer,
      params: { projectId, releaseId },
    });
    expect(before.body).toMatchObject({
      release: { id: releaseId, number: 1 },
      selection: null,
      inheritingSprints: [{ id: sprint.id, status: "planned" }],
    });
    const selected = await api.call(releaseQualityRoute.POST, selectReleaseQualityOp, {
      as: world.pm,
      params: { projectId, releaseId },
      body: { answers: SMALL_CHANGE, chosenLevel: "QS0" },
    });
    expect(selected.status).toBe(201);
    const selection = (selected.body as { selection: { activities: { key: string }[] } }).selection;
    const recorded = await api.call(releaseEvidenceRoute.POST, recordReleaseEvidenceOp, {
      as: world.engineer,
      params: { projectId, releaseId },
      body: { activityKey: selection.activities[0].key, result: "passed", link: "https://ci.example/run/7" },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ result: "passed", link: "https://ci.example/run/7", file: null });
    const after = await api.call(releaseQualityRoute.GET, getReleaseQualityOp, {
      as: world.owner,
      params: { projectId, releaseId },
    });
    expect(after.body).toMatchObject({ selection: { chosenLevel: "QS0" } });
    expect((after.body as { missing: unknown[] }).missing).toHaveLength(selection.activities.length - 1);
  });

  it("names each invalid field", async () => {
    const projectId = world.project.id;
    const refused = await api.call(releaseQualityRoute.POST, selectReleaseQualityOp, {
      as: world.pm,
      params: { projectId, releaseId },
      body: { answers: { changeSize: "tiny" }, chosenLevel: "QS9x" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: { answers: expect.any(Array), chosenLevel: expect.any(Array) } });
    const evidence = await api.call(releaseEvidenceRoute.POST, recordReleaseEvidenceOp, {
      as: world.engineer,
      params: { projectId, releaseId },
      body: { activityKey: "", result: "passed" },
    });
    expect(evidence.body).toMatchObject({ errors: { activityKey: expect.any(Array) } });
  });

  it("another account cannot see or change the release's standard", async () => {
    const projectId = world.project.id;
    const params = { projectId, releaseId };
    const body = { answers: SMALL_CHANGE, chosenLevel: "QS0" };
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      expect((await api.call(releaseQualityRoute.GET, getReleaseQualityOp, { as: stranger, params })).status).toBe(404);
      const selected = await api.call(releaseQualityRoute.POST, selectReleaseQualityOp, { as: stranger, params, body });
      expect(selected.status).toBe(404);
    }
    const byViewer = await api.call(releaseQualityRoute.POST, selectReleaseQualityOp, {
      as: world.viewer,
      params,
      body,
    });
    expect(byViewer.status).toBe(403);
    const evidence = await api.call(releaseEvidenceRoute.POST, recordReleaseEvidenceOp, {
      as: world.owner,
      params,
      body: { activityKey: "smoke_test", result: "waived", reason: "n/a" },
    });
    expect(evidence.status).toBe(403);
    const unchanged = await api.call(releaseQualityRoute.GET, getReleaseQualityOp, { as: world.pm, params });
    expect(unchanged.body).toMatchObject({ selection: null });
  });
});
