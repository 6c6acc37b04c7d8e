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

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("validation runs", () => {
  let db: Db;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeEach(async () => {
    db = await createTestDb();
    w = await makeWorld(db);
  });

  it("generates the checklist from modules and scope items, and audits the opening", async () => {
    await db.insert(scopeItems).values({
      projectId: w.project.id,
      title: "Time-of-use tariff",
      category: "configuration",
      priority: "must",
      estimateDays: 3,
    });
    const run = await openValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, environment: "homologation" });
    const view = await getValidationRun(db, w.guardian, w.project.id, run.id);
    expect(view.scenarios.map((s) => s.source)).toEqual(["module:Invoicing", expect.stringMatching(/^scope:/)]);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.objectId, run.id))).map((e) => e.action)).toEqual([
      "validation_run.open",
    ]);
  });

  it("edits the checklist while open: add, reorder, remove a pending scenario", async () => {
    const ctx = ctxFor(w.pm);
    const run = await openValidationRun(db, ctx, { projectId: w.project.id, environment: "homologation" });
    await addValidationScenario(db, ctx, { projectId: w.project.id, runId: run.id, title: "Move-out final bill" });
    let view = await getValidationRun(db, w.pm, w.project.id, run.id);
    const added = view.scenarios.at(-1)!;
    await moveValidationScenario(db, ctx, {
      projectId: w.project.id,
      runId: run.id,
      scenarioId: added.id,
      direction: "up",
      expectedVersion: view.version,
    });
    view = await getValidationRun(db, w.pm, w.project.id, run.id);
    expect(view.scenarios[0].title).toBe("Move-out final bill");
    const stale = await refusal(
      async () =>
        await removeValidationScenario(db, ctx, {
          projectId: w.project.id,
          runId: run.id,
          scenarioId: added.id,
          expectedVersion: 1,
        }),
    );
    expect(stale.code).toBe("stale_version");
    await removeValidationScenario(db, ctx, {
      projectId: w.project.id,
      runId: run.id,
      scenarioId: added.id,
      expectedVersion: view.version,
    });
    expect((await getValidationRun(db, w.pm, w.project.id, run.id)).scenarios).toHaveLength(1);
  });

  it("a failed scenario closes the run as failed only with a note; a closed run cannot change", async () => {
    const run = await openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "homologation" });
    const [scenario] = (await getValidationRun(db, w.guardian, w.project.id, run.id)).scenarios;
    expect(
      (
        await refusal(
          async () =>
            await closeValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, runId: run.id, note: "" }),
        )
      ).reason,
    ).toBe("scenarios_pending");
    expect(
      (
        await refusal(
          async () =>
            await recordScenarioResult(db, ctxFor(w.guardian), {
              projectId: w.project.id,
              runId: run.id,
              scenarioId: scenario.id,
              result: "fail",
              notes: "",
            }),
        )
      ).reason,
    ).toBe("failure_needs_notes");
    await recordScenarioResult(db, ctxFor(w.guardian), {
      projectId: w.project.id,
      runId: run.id,
      scenarioId: scenario.id,
      result: "fail",
      notes: "VAT rounding",
    });
    expect(
      (
        await refusal(
          async () =>
            await closeValidationRun(db, ctxFor(w.owner), { projectId: w.project.id, runId: run.id, note: "" }),
        )
      ).reason,
    ).toBe("failed_run_needs_note");
    const closed = await closeValidationRun(db, ctxFor(w.owner), {
      projectId: w.project.id,
      runId: run.id,
      note: "Fix in sprint 5, then re-run",
    });
    expect(closed.status).toBe("failed");
    expect(
      (
        await refusal(
          async () =>
            await addValidationScenario(db, ctxFor(w.pm), { projectId: w.project.id, runId: run.id, title: "Late" }),
        )
      ).reason,
    ).toBe("validation_run_closed");
    expect(
      (
        await refusal(
          async () => await openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "production" }),
        )
      ).reason,
    ).toBe("homologation_not_passed");
  });

  it(
    "another organisation's client cannot see or change " + "runs; members without the permission are refused",
    async () => {
      const run = await openValidationRun(db, ctxFor(w.pm), { projectId: w.project.id, environment: "homologation" });
      const [scenario] = (await getValidationRun(db, w.guardian, w.project.id, run.id)).scenarios;
      expect((await refusal(async () => await listValidationRuns(db, w.otherViewer, w.project.id))).code).toBe(
        "not_found",
      );
      expect((await refusal(async () => await getValidationRun(db, w.outsiderStaff, w.project.id, run.id))).code).toBe(
        "not_found",
      );
      expect(
        (
          await refusal(
            async () =>
              await recordScenarioResult(db, ctxFor(w.otherViewer), {
                projectId: w.project.id,
                runId: run.id,
                scenarioId: scenario.id,
                result: "pass",
                notes: "",
              }),
          )
        ).code,
      ).toBe("not_found");
      expect(
        (
          await refusal(
            async () =>
              await recordScenarioResult(db, ctxFor(w.viewer), {
                projectId: w.project.id,
                runId: run.id,
                scenarioId: scenario.id,
                result: "pass",
                notes: "",
              }),
          )
        ).code,
      ).toBe("forbidden");
      expect(
        (
          await refusal(
            async () =>
              await openValidationRun(db, ctxFor(w.guardian), { projectId: w.project.id, environment: "homologation" }),
          )
        ).code,
      ).toBe("forbidden");
      expect(
        (
          await refusal(
            async () =>
              await addValidationScenario(db, ctxFor(w.engineer), {
                projectId: w.project.id,
                runId: run.id,
                title: "x",
              }),
          )
        ).code,
      ).toBe("forbidden");
      // A run id from another project is not found through this project.
      const other = await makeWorld(db);
      expect(
        (
          await refusal(
            async () =>
              await closeValidationRun(db, ctxFor(other.owner), {
                projectId: other.project.id,
                runId: run.id,
                note: "",
              }),
          )
        ).code,
      ).toBe("not_found");
    },
  );
});
