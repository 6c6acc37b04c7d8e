// The validation-run operations over HTTP: each answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as closeRoute from "@/app/api/v1/projects/[projectId]/validation-runs/[runId]/close/route";
import * as runRoute from "@/app/api/v1/projects/[projectId]/validation-runs/[runId]/route";
import * as scenariosRoute from "@/app/api/v1/projects/[projectId]/validation-runs/[runId]/scenarios/route";
import * as move from "@/app/api/v1/projects/[projectId]/validation-runs/[runId]/scenarios/[scenarioId]/move/route";
import * as result from "@/app/api/v1/projects/[projectId]/validation-runs/[runId]/scenarios/[scenarioId]/result/route";
import * as scenarioRoute from "@/app/api/v1/projects/[projectId]/validation-runs/[runId]/scenarios/[scenarioId]/route";
import * as runsRoute from "@/app/api/v1/projects/[projectId]/validation-runs/route";
import { validationRuns } from "@/db/schema";
import {
  addValidationScenarioOp,
  closeValidationRunOp,
  getValidationRunOp,
  listValidationRunsOp,
  moveValidationScenarioOp,
  openValidationRunOp,
  recordScenarioResultOp,
  removeValidationScenarioOp,
} from "@/lib/contract/validation-runs";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";

type Run = { id: string; status: string; version: number; scenarios: { id: string; title: string }[] };

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => ({ db, world, api } = await apiWorld()));

async function openRun(): Promise<Run> {
  const opened = await api.call(runsRoute.POST, openValidationRunOp, {
    as: world.pm,
    params: { projectId: world.project.id },
    body: { environment: "homologation" },
  });
  expect(opened.status).toBe(201);
  return opened.body as Run;
}

describe("validation runs over HTTP", () => {
  it("opens a run, edits its checklist, records the results and closes it", async () => {
    const projectId = world.project.id;
    const opened = await openRun();
    const runId = opened.id;
    expect(opened.scenarios.length).toBeGreaterThan(0);

    const added = await api.call(scenariosRoute.POST, addValidationScenarioOp, {
      as: world.pm,
      params: { projectId, runId },
      body: { title: "Print a bill", expectedVersion: opened.version },
    });
    expect(added.status).toBe(201);
    const withTwo = added.body as Run;
    expect(withTwo.scenarios.at(-1)).toMatchObject({ title: "Print a bill" });
    const last = withTwo.scenarios.at(-1)!;

    const extra = (
      await api.call(scenariosRoute.POST, addValidationScenarioOp, {
        as: world.pm,
        params: { projectId, runId },
        body: { title: "A scenario to drop" },
      })
    ).body as Run;
    const dropped = extra.scenarios.at(-1)!;
    const removed = await api.call(scenarioRoute.DELETE, removeValidationScenarioOp, {
      as: world.pm,
      params: { projectId, runId, scenarioId: dropped.id },
      query: { expectedVersion: extra.version },
    });
    expect(removed.status).toBe(200);
    expect((removed.body as Run).scenarios.map((s) => s.id)).not.toContain(dropped.id);

    const moved = await api.call(move.POST, moveValidationScenarioOp, {
      as: world.pm,
      params: { projectId, runId, scenarioId: last.id },
      body: { direction: "up" },
    });
    expect(moved.status).toBe(200);
    expect((moved.body as Run).scenarios.at(-2)?.id).toBe(last.id);

    let run = moved.body as Run;
    for (const scenario of run.scenarios) {
      const recorded = await api.call(result.POST, recordScenarioResultOp, {
        as: world.guardian,
        params: { projectId, runId, scenarioId: scenario.id },
        body: { result: "pass" },
      });
      expect(recorded.status).toBe(200);
      run = recorded.body as Run;
    }
    expect(run.scenarios[0]).toMatchObject({ result: "pass", recordedBy: { id: world.guardian.id } });

    const closed = await api.call(closeRoute.POST, closeValidationRunOp, {
      as: world.owner,
      params: { projectId, runId },
      body: {},
    });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: "passed", closedBy: { id: world.owner.id } });

    const read = await api.call(runRoute.GET, getValidationRunOp, { as: world.viewer, params: { projectId, runId } });
    expect(read.body).toMatchObject({ id: runId, status: "passed", environment: "homologation" });
  });

  it("pages the runs newest first, with a cursor", async () => {
    const projectId = world.project.id;
    // Three closed runs, the newest opened last (the rules allow one open run at a time).
    for (const [day, status] of [
      ["01", "failed"],
      ["02", "failed"],
      ["03", "passed"],
    ] as const) {
      await db.insert(validationRuns).values({
        projectId,
        environment: "homologation",
        status,
        openedBy: world.pm.id,
        openedAt: `2026-03-${day}T09:00:00.000Z`,
        closedBy: world.owner.id,
        closedAt: `2026-03-${day}T17:00:00.000Z`,
        closingNote: status === "failed" ? "A tariff was wrong" : null,
      });
    }
    const first = await api.call(runsRoute.GET, listValidationRunsOp, {
      as: world.guardian,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as { items: { openedAt: string }[]; nextCursor: string | null };
    expect(page1.items.map((r) => r.openedAt.slice(0, 10))).toEqual(["2026-03-03", "2026-03-02"]);
    const second = await api.call(runsRoute.GET, listValidationRunsOp, {
      as: world.guardian,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    const page2 = second.body as { items: { openedAt: string }[]; nextCursor: string | null };
    expect(page2.items.map((r) => r.openedAt.slice(0, 10))).toEqual(["2026-03-01"]);
    expect(page2.nextCursor).toBeNull();

    const badCursor = await api.call(runsRoute.GET, listValidationRunsOp, {
      as: world.guardian,
      params: { projectId },
      query: { cursor: "20" },
    });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body).toMatchObject({ code: "invalid_cursor", errors: { cursor: expect.any(Array) } });
  });

  it("names each invalid field and opens nothing", async () => {
    const projectId = world.project.id;
    const refused = await api.call(runsRoute.POST, openValidationRunOp, {
      as: world.pm,
      params: { projectId },
      body: { environment: "staging" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: { environment: ["Choose homologation or production."] } });
    const run = await openRun();
    const badResult = await api.call(result.POST, recordScenarioResultOp, {
      as: world.guardian,
      params: { projectId, runId: run.id, scenarioId: run.scenarios[0].id },
      body: { result: "maybe", notes: "x".repeat(4001) },
    });
    expect(badResult.status).toBe(422);
    expect(badResult.body).toMatchObject({ errors: { result: expect.any(Array), notes: expect.any(Array) } });
    const list = await api.call(runsRoute.GET, listValidationRunsOp, { as: world.pm, params: { projectId } });
    expect(list.body).toMatchObject({ items: [{ id: run.id }], nextCursor: null });
  });

  it("another account cannot see or change the project's runs", async () => {
    const projectId = world.project.id;
    const run = await openRun();
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      const list = await api.call(runsRoute.GET, listValidationRunsOp, { as: stranger, params: { projectId } });
      expect(list.status).toBe(404);
      const one = await api.call(runRoute.GET, getValidationRunOp, {
        as: stranger,
        params: { projectId, runId: run.id },
      });
      expect(one.status).toBe(404);
    }
    const byViewer = await api.call(closeRoute.POST, closeValidationRunOp, {
      as: world.viewer,
      params: { projectId, runId: run.id },
      body: {},
    });
    expect(byViewer.status).toBe(403);
    const unchanged = await api.call(runRoute.GET, getValidationRunOp, {
      as: world.pm,
      params: { projectId, runId: run.id },
    });
    expect(unchanged.body).toMatchObject({ status: "open", version: run.version });
  });
});
