import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, scopeItems } from "@/db/schema";
import {
  addValidationScenario,
  closeValidationRun,
  getValidationRun,
  listValidationRuns,
  moveValidationScenario,
  openValidationRun,
  recordScenarioResult,
  removeValidationScenario,
} from "@/lib/data/validation-runs";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("validation runs", () => {
  let db: Db;
  let w: ReturnType<typeof makeWorld>;
  beforeEach(() => {
    db = createTestDb();
    w = makeWorld(db);
  });

  it("generates the checklist from modules and scope items, and audits the opening", () => {
    db.insert(scopeItems).values({ projectId: w.project.id, title: "Time-of-use tariff", category: "configuration", priority: "must", estimateDays: 3 }).run();
    const run = openValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, environment: "homologation" });
    const view = getValidationRun(db, w.guardian, w.project.id, run.id);
    expect(view.scenarios.map((s) => s.source)).toEqual(["module:Invoicing", expect.stringMatching(/^scope:/)]);
    expect(db.select().from(auditEvents).where(eq(auditEvents.objectId, run.id)).all().map((e) => e.action)).toEqual(["validation_run.open"]);
  });

  it("edits the checklist while open: add, reorder, remove a pending scenario", () => {
    const ctx = ctxFor(w.pm);
    const run = openValidationRun(db, ctx, { projectId: w.project.id, environment: "homologation" });
    addValidationScenario(db, ctx, { projectId: w.project.id, runId: run.id, title: "Move-out final bill" });
    let view = getValidationRun(db, w.pm, w.project.id, run.id);
    const added = view.scenarios.at(-1)!;
    moveValidationScenario(db, ctx, { projectId: w.project.id, runId: run.id, scenarioId: added.id, direction: "up", expectedVersion: view.version });
    view = getValidationRun(db, w.pm, w.project.id, run.id);
    expect(view.scenarios[0].title).toBe("Move-out final bill");
    const stale = refusal(() => removeValidationScenario(db, ctx, { projectId: w.project.id, runId: run.id, scenarioId: added.id, expectedVersion: 1 }));
    expect(stale.code).toBe("stale_version");
    removeValidationScenario(db, ctx, { projectId: w.project.id, runId: run.id, scenarioId: added.id, expectedVersion: view.version });
    expect(getValidationRun(db, w.pm, w.project.id, run.id).scenarios).toHaveLength(1);
  });

  it("a failed scenario closes the run as failed only with a note; a closed run cannot change", () => {
    const run = openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "homologation" });
    const [scenario] = getValidationRun(db, w.guardian, w.project.id, run.id).scenarios;
    expect(refusal(() => closeValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, runId: run.id, note: "" })).reason).toBe("scenarios_pending");
    expect(refusal(() => recordScenarioResult(db, ctxFor(w.guardian), { projectId: w.project.id, runId: run.id, scenarioId: scenario.id, result: "fail", notes: "" })).reason).toBe("failure_needs_notes");
    recordScenarioResult(db, ctxFor(w.guardian), { projectId: w.project.id, runId: run.id, scenarioId: scenario.id, result: "fail", notes: "VAT rounding" });
    expect(refusal(() => closeValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, runId: run.id, note: "" })).reason).toBe("failed_run_needs_note");
    const closed = closeValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, runId: run.id, note: "Fix in sprint 5, then re-run" });
    expect(closed.status).toBe("failed");
    expect(refusal(() => addValidationScenario(db, ctxFor(w.pm), { projectId: w.project.id, runId: run.id, title: "Late" })).reason).toBe("validation_run_closed");
    expect(refusal(() => openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "production" })).reason).toBe("homologation_not_passed");
  });

  it("another organisation's client cannot see or change runs; members without the permission are refused", () => {
    const run = openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "homologation" });
    const [scenario] = getValidationRun(db, w.guardian, w.project.id, run.id).scenarios;
    expect(refusal(() => listValidationRuns(db, w.otherViewer, w.project.id)).code).toBe("not_found");
    expect(refusal(() => getValidationRun(db, w.outsiderStaff, w.project.id, run.id)).code).toBe("not_found");
    expect(refusal(() => recordScenarioResult(db, ctxFor(w.otherViewer), { projectId: w.project.id, runId: run.id, scenarioId: scenario.id, result: "pass", notes: "" })).code).toBe("not_found");
    expect(refusal(() => recordScenarioResult(db, ctxFor(w.viewer), { projectId: w.project.id, runId: run.id, scenarioId: scenario.id, result: "pass", notes: "" })).code).toBe("forbidden");
    expect(refusal(() => openValidationRun(db, ctxFor(w.guardian), { projectId: w.project.id, environment: "homologation" })).code).toBe("forbidden");
    expect(refusal(() => addValidationScenario(db, ctxFor(w.engineer), { projectId: w.project.id, runId: run.id, title: "x" })).code).toBe("forbidden");
    // A run id from another project is not found through this project.
    const other = makeWorld(db);
    expect(refusal(() => closeValidationRun(db, ctxFor(other.owner), { projectId: other.project.id, runId: run.id, note: "" })).code).toBe("not_found");
  });
});
