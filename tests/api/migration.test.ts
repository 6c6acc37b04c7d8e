// Migration waves and their runs over HTTP: each answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as runsRoute from "@/app/api/v1/projects/[projectId]/migration-waves/[waveId]/runs/route";
import * as wavesRoute from "@/app/api/v1/projects/[projectId]/migration-waves/route";
import { createWaveOp, listWaveRunsOp, listWavesOp, recordMigrationRunOp } from "@/lib/contract/migration";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";

type Page = { items: { id: string; name?: string; ranOn?: string }[]; nextCursor: string | null };

let { world, api } = {} as ApiWorld;

beforeEach(async () => ({ world, api } = await apiWorld()));

async function planWave(name: string, plannedDate: string) {
  const created = await api.call(wavesRoute.POST, createWaveOp, {
    as: world.integrator,
    params: { projectId: world.project.id },
    body: { name, segment: "Residential", sourceSystem: "Legacy CIS", plannedDate },
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; status: string; module: string | null; runs: unknown[] };
}

const rehearsal = (ranOn: string) => ({ kind: "rehearsal", ranOn, extracted: 1000, loaded: 990, rejected: 10 });

describe("migration waves over HTTP", () => {
  it("plans waves, lists them page by page, records runs and lists them page by page", async () => {
    const projectId = world.project.id;
    const first = await planWave("Residential A", "2026-03-01");
    expect(first).toMatchObject({ status: "planned", module: null, runs: [] });
    await planWave("SME", "2026-04-01");
    await planWave("Residential B", "2026-03-01");

    const page1 = await api.call(wavesRoute.GET, listWavesOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    expect((page1.body as Page).items.map((w) => w.name)).toEqual(["Residential A", "Residential B"]);
    const page2 = await api.call(wavesRoute.GET, listWavesOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, cursor: (page1.body as Page).nextCursor! },
    });
    expect(page2.body).toMatchObject({ items: [{ name: "SME" }], nextCursor: null });

    const waveId = first.id;
    for (const ranOn of ["2026-01-10", "2026-01-20", "2026-01-15"]) {
      const recorded = await api.call(runsRoute.POST, recordMigrationRunOp, {
        as: world.pm,
        params: { projectId, waveId },
        body: rehearsal(ranOn),
      });
      expect(recorded.status).toBe(201);
      expect(recorded.body).toMatchObject({ ranOn, reconciliation: "passed", reconciliationReasons: [] });
    }
    const runs1 = await api.call(runsRoute.GET, listWaveRunsOp, {
      as: world.viewer,
      params: { projectId, waveId },
      query: { limit: 2 },
    });
    expect((runs1.body as Page).items.map((r) => r.ranOn)).toEqual(["2026-01-20", "2026-01-15"]);
    expect((runs1.body as Page).items[0]).toMatchObject({ recordedBy: { id: world.pm.id }, notes: "" });
    const runs2 = await api.call(runsRoute.GET, listWaveRunsOp, {
      as: world.viewer,
      params: { projectId, waveId },
      query: { limit: 2, cursor: (runs1.body as Page).nextCursor! },
    });
    expect(runs2.body).toMatchObject({ items: [{ ranOn: "2026-01-10" }], nextCursor: null });
  });

  it("names each invalid field, refuses a bad cursor and records nothing", async () => {
    const projectId = world.project.id;
    const refused = await api.call(wavesRoute.POST, createWaveOp, {
      as: world.pm,
      params: { projectId },
      body: { name: "", segment: "SME", sourceSystem: "CIS", plannedDate: "2026-13-01" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: { name: ["Name is required."], plannedDate: expect.any(Array) } });
    const wave = await planWave("SME", "2026-04-01");
    const badRun = await api.call(runsRoute.POST, recordMigrationRunOp, {
      as: world.pm,
      params: { projectId, waveId: wave.id },
      body: { ...rehearsal("2026-01-10"), kind: "dry", extracted: -1 },
    });
    expect(badRun.status).toBe(422);
    expect(badRun.body).toMatchObject({
      errors: { kind: ["Choose rehearsal or production."], extracted: ["Extracted: 0 or more."] },
    });
    for (const [handler, op, params] of [
      [wavesRoute.GET, listWavesOp, { projectId }],
      [runsRoute.GET, listWaveRunsOp, { projectId, waveId: wave.id }],
    ] as const) {
      const bad = await api.call(handler, op, { as: world.pm, params, query: { cursor: "not-a-cursor" } });
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ code: "invalid_cursor" });
    }
    const runs = await api.call(runsRoute.GET, listWaveRunsOp, {
      as: world.pm,
      params: { projectId, waveId: wave.id },
    });
    expect(runs.body).toEqual({ items: [], nextCursor: null });
  });

  it("another account cannot see or change the waves", async () => {
    const projectId = world.project.id;
    const wave = await planWave("SME", "2026-04-01");
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      expect((await api.call(wavesRoute.GET, listWavesOp, { as: stranger, params: { projectId } })).status).toBe(404);
      const runs = await api.call(runsRoute.GET, listWaveRunsOp, {
        as: stranger,
        params: { projectId, waveId: wave.id },
      });
      expect(runs.status).toBe(404);
    }
    const byViewer = await api.call(runsRoute.POST, recordMigrationRunOp, {
      as: world.viewer,
      params: { projectId, waveId: wave.id },
      body: rehearsal("2026-01-10"),
    });
    expect(byViewer.status).toBe(403);
    const byEngineer = await api.call(wavesRoute.POST, createWaveOp, {
      as: world.engineer,
      params: { projectId },
      body: { name: "Other", segment: "SME", sourceSystem: "CIS", plannedDate: "2026-05-01" },
    });
    expect(byEngineer.status).toBe(403);
    const list = await api.call(wavesRoute.GET, listWavesOp, { as: world.pm, params: { projectId } });
    expect(list.body).toMatchObject({ items: [{ id: wave.id, status: "planned", runs: [] }] });
  });
});
