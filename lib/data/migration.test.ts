import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEvents, migrationRuns } from "@/db/schema";
import {
  createWave,
  getMigration,
  listMigrationWaves,
  recordMigrationRun,
  saveRaci,
  startWaveMigration,
  updateMigrationPlan,
  updateWave,
} from "@/lib/data/migration";
import { ctxFor, createTestDb, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
});

const pid = () => world.project.id;
const today = () => new Date().toISOString().slice(0, 10);
const codeOf = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    return (error as { reason?: string; code?: string }).reason ?? (error as { code?: string }).code;
  }
  return "no error";
};
const fieldErrorsOf = async (fn: () => unknown) => {
  try {
    await fn();
  } catch (error) {
    return (error as { details?: { fieldErrors?: Record<string, string[]> } }).details?.fieldErrors;
  }
  return undefined;
};

const addWave = async (actor = world.pm, name = "Wave 1 residential") =>
  await createWave(db, ctxFor(actor), pid(), {
    name,
    segment: "Residential",
    sourceSystem: "Legacy CIS",
    module: null,
    plannedDate: "2026-12-01",
  });
const run = async (
  waveId: string,
  kind: "rehearsal" | "production",
  counts: { extracted: number; loaded: number; rejected: number },
  actor = world.integrator,
  expectedVersion?: number,
) =>
  await recordMigrationRun(db, ctxFor(actor), pid(), {
    waveId,
    kind,
    ranOn: today(),
    notes: "",
    expectedVersion,
    ...counts,
  });

describe("migration plan and RACI", () => {
  it("saves the plan and refuses a stale save", async () => {
    const first = await updateMigrationPlan(db, ctxFor(world.pm), pid(), {
      scenario: "Big bang per segment",
      scope: "Residential and SME customers",
      sourceSystems: "Legacy CIS",
    });
    const view = await getMigration(db, world.viewer, pid());
    expect(view.plan).toMatchObject({ scenario: "Big bang per segment", updatedAt: first.updatedAt });
    expect(view.canEdit).toBe(false);
    await updateMigrationPlan(db, ctxFor(world.integrator), pid(), {
      scenario: "Waves",
      scope: "",
      sourceSystems: "",
      expectedUpdatedAt: first.updatedAt,
    });
    expect(
      await codeOf(
        async () =>
          await updateMigrationPlan(db, ctxFor(world.pm), pid(), {
            scenario: "Other",
            scope: "",
            sourceSystems: "",
            expectedUpdatedAt: first.updatedAt,
          }),
      ),
    ).toBe("stale_version");
  });

  it("accepts a RACI with exactly one A per activity and derives the responsibility shift", async () => {
    await saveRaci(db, ctxFor(world.pm), pid(), {
      rows: [
        {
          activity: "Data mapping",
          phase: "design",
          assignments: { vendor_pm: "A", vendor_team: "R", client_it: "C" },
        },
        {
          activity: "Cut-over",
          phase: "deployment",
          assignments: { client_owner: "A", vendor_team: "R", client_it: "R", guardians: "" },
        },
      ],
    });
    const view = await getMigration(db, world.owner, pid());
    expect(view.plan.raci[1].assignments).toEqual({ client_owner: "A", vendor_team: "R", client_it: "R" });
    expect(view.shift.map((p) => p.lead)).toEqual(["vendor", "none", "client", "none"]);
  });

  it("refuses a RACI row without exactly one A, changing nothing", async () => {
    const errors = await fieldErrorsOf(
      async () =>
        await saveRaci(db, ctxFor(world.pm), pid(), {
          rows: [
            { activity: "Load", phase: "build", assignments: { vendor_pm: "A", client_owner: "A", vendor_team: "R" } },
          ],
        }),
    );
    expect(errors?.rows).toEqual(["Load: exactly one role is Accountable (A); 2 are."]);
    expect((await getMigration(db, world.pm, pid())).plan.raci).toEqual([]);
  });
});

describe("waves and runs", () => {
  it(
    "follows the runs: rehearsal failed → rehearsing, passed → " + "ready, start → migrating, production → completed",
    async () => {
      const wave = await addWave();
      expect(
        await codeOf(async () => await run(wave.id, "production", { extracted: 100, loaded: 100, rejected: 0 })),
      ).toBe("rehearsal_not_passed");
      const failed = await run(wave.id, "rehearsal", { extracted: 1000, loaded: 900, rejected: 50 });
      expect(failed).toMatchObject({ waveStatus: "rehearsing", reconciliation: { result: "failed", unaccounted: 50 } });
      expect((await run(wave.id, "rehearsal", { extracted: 1000, loaded: 990, rejected: 10 })).waveStatus).toBe(
        "ready",
      );
      await startWaveMigration(db, ctxFor(world.pm), pid(), { waveId: wave.id });
      expect((await run(wave.id, "production", { extracted: 1000, loaded: 998, rejected: 2 })).waveStatus).toBe(
        "completed",
      );
      expect(await codeOf(async () => await run(wave.id, "rehearsal", { extracted: 1, loaded: 1, rejected: 0 }))).toBe(
        "wave_completed",
      );
      const [listed] = await listMigrationWaves(db, world.viewer, pid());
      expect(listed.status).toBe("completed");
      expect(listed.runs.map((r) => r.reconciliation).sort()).toEqual(["failed", "passed", "passed"]);
      expect(listed.runs.find((r) => r.reconciliation === "failed")?.reconciliationReasons[0]).toContain(
        "neither loaded nor rejected",
      );
      expect(await db.select().from(auditEvents).where(eq(auditEvents.action, "migration_run.record"))).toHaveLength(3);
    },
  );

  it("refuses counts that do not add up and future dates, recording nothing", async () => {
    const wave = await addWave();
    const errors = await fieldErrorsOf(
      async () => await run(wave.id, "rehearsal", { extracted: 100, loaded: 90, rejected: 20 }),
    );
    expect(errors?.loaded?.[0]).toContain("cannot exceed extracted");
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    expect(
      (
        await fieldErrorsOf(
          async () =>
            await recordMigrationRun(db, ctxFor(world.pm), pid(), {
              waveId: wave.id,
              kind: "rehearsal",
              ranOn: future,
              extracted: 1,
              loaded: 1,
              rejected: 0,
              notes: "",
            }),
        )
      )?.ranOn,
    ).toHaveLength(1);
    expect(await db.select().from(migrationRuns)).toHaveLength(0);
  });

  it("refuses a run recorded against a stale wave version: one of two concurrent runs applies", async () => {
    const wave = await addWave();
    await run(wave.id, "rehearsal", { extracted: 10, loaded: 10, rejected: 0 }, world.pm, 1);
    expect(
      await codeOf(
        async () => await run(wave.id, "rehearsal", { extracted: 10, loaded: 5, rejected: 0 }, world.integrator, 1),
      ),
    ).toBe("stale_version");
    expect(await db.select().from(migrationRuns)).toHaveLength(1);
  });

  it("edits a planned wave but not a completed one", async () => {
    const wave = await addWave();
    const edited = await updateWave(db, ctxFor(world.integrator), pid(), {
      waveId: wave.id,
      name: "Wave 1",
      segment: "SME",
      sourceSystem: "Legacy CIS",
      module: "Invoicing",
      plannedDate: "2027-01-15",
      expectedVersion: 1,
    });
    expect(edited).toMatchObject({ segment: "SME", version: 2 });
    await run(wave.id, "rehearsal", { extracted: 10, loaded: 10, rejected: 0 });
    await run(wave.id, "production", { extracted: 10, loaded: 10, rejected: 0 });
    expect(
      await codeOf(
        async () =>
          await updateWave(db, ctxFor(world.pm), pid(), {
            waveId: wave.id,
            name: "x",
            segment: "x",
            sourceSystem: "x",
            module: null,
            plannedDate: "2027-01-15",
          }),
      ),
    ).toBe("wave_completed");
  });
});

describe("another user cannot see or change this", () => {
  it("gives a client of another organisation not_found", async () => {
    const wave = await addWave();
    expect(await codeOf(async () => await getMigration(db, world.otherViewer, pid()))).toBe("not_found");
    expect(await codeOf(async () => await listMigrationWaves(db, world.otherViewer, pid()))).toBe("not_found");
    expect(
      await codeOf(
        async () => await run(wave.id, "rehearsal", { extracted: 1, loaded: 1, rejected: 0 }, world.otherViewer),
      ),
    ).toBe("not_found");
  });

  it("refuses a client viewer, a client owner and a team member with forbidden", async () => {
    const wave = await addWave();
    expect(await codeOf(async () => await addWave(world.viewer))).toBe("forbidden");
    expect(
      await codeOf(async () => await run(wave.id, "rehearsal", { extracted: 1, loaded: 1, rejected: 0 }, world.owner)),
    ).toBe("forbidden");
    expect(
      await codeOf(
        async () =>
          await updateMigrationPlan(db, ctxFor(world.engineer), pid(), { scenario: "x", scope: "", sourceSystems: "" }),
      ),
    ).toBe("forbidden");
    expect(await codeOf(async () => await saveRaci(db, ctxFor(world.viewer), pid(), { rows: [] }))).toBe("forbidden");
  });

  it("does not let an integrator of ANOTHER project edit this one's waves", async () => {
    const otherIntegrator = await makeUser(db, "staff");
    const other = await makeProject(db, await makeUser(db, "staff"), world.org.id, {
      members: [[otherIntegrator, "integrator"]],
    });
    const wave = await addWave();
    expect(await codeOf(async () => await addWave(otherIntegrator))).toBe("not_found");
    expect(
      await codeOf(
        async () =>
          await recordMigrationRun(db, ctxFor(otherIntegrator), other.id, {
            waveId: wave.id,
            kind: "rehearsal",
            ranOn: today(),
            extracted: 1,
            loaded: 1,
            rejected: 0,
            notes: "",
          }),
      ),
    ).toBe("not_found");
    expect(
      await codeOf(async () => await startWaveMigration(db, ctxFor(otherIntegrator), other.id, { waveId: wave.id })),
    ).toBe("not_found");
  });
});
