// Data migration of a project: the plan (scenario, scope, sources, RACI), waves per segment and
// their rehearsal/production runs. Rules live in lib/domain/migration; every write authorizes
// (migration.edit), applies the rule, writes scoped by project and audits in one transaction.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { migrationPlans, migrationRuns, migrationWaves, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import {
  checkRaci,
  checkRunCounts,
  checkRunDate,
  normaliseRaci,
  recordRun,
  reconcile,
  responsibilityShift,
  startMigration,
  type RaciRow,
} from "@/lib/domain/migration";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound, staleVersion } from "@/lib/errors";
import type { createWaveSchema, recordRunSchema, saveRaciSchema, startMigrationSchema, updatePlanSchema, updateWaveSchema } from "@/lib/validation/migration";

export type MigrationWave = typeof migrationWaves.$inferSelect;
export type MigrationRun = typeof migrationRuns.$inferSelect;
export type MigrationPlan = typeof migrationPlans.$inferSelect;

const immediate = { behavior: "immediate" } as const;
const todayUtc = () => new Date().toISOString().slice(0, 10);

function planRow(db: DbOrTx, projectId: string): MigrationPlan | undefined {
  return db.select().from(migrationPlans).where(eq(migrationPlans.projectId, projectId)).get();
}

export function listWavesWithRuns(db: DbOrTx, projectId: string) {
  const waves = db
    .select()
    .from(migrationWaves)
    .where(eq(migrationWaves.projectId, projectId))
    .orderBy(asc(migrationWaves.plannedDate), asc(migrationWaves.name))
    .all();
  const runs = waves.length
    ? db
        .select({ run: migrationRuns, recordedByName: users.name })
        .from(migrationRuns)
        .innerJoin(users, eq(users.id, migrationRuns.recordedBy))
        .where(inArray(migrationRuns.waveId, waves.map((w) => w.id)))
        .orderBy(desc(migrationRuns.ranOn), desc(migrationRuns.createdAt))
        .all()
    : [];
  return waves.map((wave) => ({
    ...wave,
    runs: runs
      .filter((r) => r.run.waveId === wave.id)
      .map((r) => ({ ...r.run, recordedByName: r.recordedByName, reconciliationReasons: reconcile(r.run.kind, r.run).reasons })),
  }));
}
export type WaveWithRuns = ReturnType<typeof listWavesWithRuns>[number];

/** Everything the migration page shows, for anyone who can see the project. */
export function getMigration(db: DbOrTx, actor: Actor, projectId: string) {
  const access = loadProjectAccess(db, actor, projectId);
  const plan = planRow(db, projectId);
  const raci: RaciRow[] = plan?.raci ?? [];
  return {
    project: access.project,
    plan: {
      scenario: plan?.scenario ?? "",
      scope: plan?.scope ?? "",
      sourceSystems: plan?.sourceSystems ?? "",
      raci,
      updatedAt: plan?.updatedAt ?? null,
    },
    waves: listWavesWithRuns(db, projectId),
    shift: responsibilityShift(raci),
    canEdit: access.can("migration.edit"),
  };
}

function assertPlanFresh(current: MigrationPlan | undefined, expectedUpdatedAt: string | undefined) {
  if (expectedUpdatedAt !== undefined && (current?.updatedAt ?? "") !== expectedUpdatedAt) throw staleVersion();
}

export function updateMigrationPlan(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof updatePlanSchema>) {
  return db.transaction((tx) => {
    requireProjectPermission(tx, ctx.actor, projectId, "migration.edit");
    const before = planRow(tx, projectId);
    assertPlanFresh(before, input.expectedUpdatedAt);
    const fields = { scenario: input.scenario, scope: input.scope, sourceSystems: input.sourceSystems, updatedAt: new Date().toISOString() };
    const after = tx
      .insert(migrationPlans)
      .values({ projectId, ...fields })
      .onConflictDoUpdate({ target: migrationPlans.projectId, set: fields })
      .returning()
      .get();
    recordAudit(tx, ctx, {
      action: "migration_plan.update",
      objectType: "migration_plan",
      objectId: projectId,
      projectId,
      before: before ? { scenario: before.scenario, scope: before.scope, sourceSystems: before.sourceSystems } : null,
      after: { scenario: after.scenario, scope: after.scope, sourceSystems: after.sourceSystems },
    });
    return after;
  }, immediate);
}

export function saveRaci(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof saveRaciSchema>) {
  return db.transaction((tx) => {
    requireProjectPermission(tx, ctx.actor, projectId, "migration.edit");
    const before = planRow(tx, projectId);
    assertPlanFresh(before, input.expectedUpdatedAt);
    const rows = normaliseRaci(input.rows);
    const problems = checkRaci(rows);
    if (problems.length) {
      throw new AppError("invalid_input", "The RACI matrix needs corrections.", "raci_invalid", {
        fieldErrors: { rows: problems.map((p) => p.message) },
      });
    }
    const updatedAt = new Date().toISOString();
    const after = tx
      .insert(migrationPlans)
      .values({ projectId, raci: rows, updatedAt })
      .onConflictDoUpdate({ target: migrationPlans.projectId, set: { raci: rows, updatedAt } })
      .returning()
      .get();
    recordAudit(tx, ctx, { action: "migration_raci.update", objectType: "migration_plan", objectId: projectId, projectId, before: before?.raci ?? [], after: rows });
    return after;
  }, immediate);
}

function loadWave(tx: DbOrTx, projectId: string, waveId: string): MigrationWave {
  const wave = tx
    .select()
    .from(migrationWaves)
    .where(and(eq(migrationWaves.id, waveId), eq(migrationWaves.projectId, projectId)))
    .get();
  if (!wave) throw notFound("This migration wave");
  return wave;
}

export function createWave(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof createWaveSchema>): MigrationWave {
  return db.transaction((tx) => {
    requireProjectPermission(tx, ctx.actor, projectId, "migration.edit");
    const wave = tx.insert(migrationWaves).values({ ...input, projectId }).returning().get();
    recordAudit(tx, ctx, { action: "migration_wave.create", objectType: "migration_wave", objectId: wave.id, projectId, after: input });
    return wave;
  }, immediate);
}

export function updateWave(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof updateWaveSchema>): MigrationWave {
  return db.transaction((tx) => {
    requireProjectPermission(tx, ctx.actor, projectId, "migration.edit");
    const before = loadWave(tx, projectId, input.waveId);
    assertVersion(before.version, input.expectedVersion);
    if (before.status === "completed") {
      throw new AppError("rule_refused", "This wave is completed; its plan is part of the record.", "wave_completed");
    }
    const fields = { name: input.name, segment: input.segment, sourceSystem: input.sourceSystem, module: input.module, plannedDate: input.plannedDate };
    const after = tx
      .update(migrationWaves)
      .set({ ...fields, version: before.version + 1 })
      .where(and(eq(migrationWaves.id, before.id), eq(migrationWaves.projectId, projectId), eq(migrationWaves.version, before.version)))
      .returning()
      .get();
    recordAudit(tx, ctx, { action: "migration_wave.update", objectType: "migration_wave", objectId: before.id, projectId, before, after: fields });
    return after;
  }, immediate);
}

/** Records a rehearsal or production run; the reconciliation is computed, and the wave's status follows. */
export function recordMigrationRun(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof recordRunSchema>) {
  return db.transaction((tx) => {
    requireProjectPermission(tx, ctx.actor, projectId, "migration.edit");
    const wave = loadWave(tx, projectId, input.waveId);
    assertVersion(wave.version, input.expectedVersion);
    const countErrors = checkRunCounts(input);
    const dateError = checkRunDate(input.ranOn, todayUtc());
    if (countErrors.length || dateError) {
      const fieldErrors: Record<string, string[]> = {};
      for (const e of countErrors) fieldErrors[e.field] = [...(fieldErrors[e.field] ?? []), e.message];
      if (dateError) fieldErrors.ranOn = [dateError];
      throw new AppError("invalid_input", "Some figures of the run do not add up.", "invalid_run", { fieldErrors });
    }
    const step = recordRun(wave.status, input.kind, input);
    if (!step.ok) throw new AppError("rule_refused", step.message, step.reason);
    const run = tx
      .insert(migrationRuns)
      .values({
        waveId: wave.id,
        kind: input.kind,
        ranOn: input.ranOn,
        extracted: input.extracted,
        loaded: input.loaded,
        rejected: input.rejected,
        reconciliation: step.reconciliation.result,
        notes: input.notes,
        recordedBy: ctx.actor.id,
      })
      .returning()
      .get();
    tx.update(migrationWaves)
      .set({ status: step.status, version: wave.version + 1 })
      .where(and(eq(migrationWaves.id, wave.id), eq(migrationWaves.projectId, projectId), eq(migrationWaves.version, wave.version)))
      .run();
    recordAudit(tx, ctx, {
      action: "migration_run.record",
      objectType: "migration_wave",
      objectId: wave.id,
      projectId,
      before: { status: wave.status },
      after: {
        status: step.status,
        runId: run.id,
        kind: run.kind,
        ranOn: run.ranOn,
        extracted: run.extracted,
        loaded: run.loaded,
        rejected: run.rejected,
        reconciliation: step.reconciliation.result,
        reasons: step.reconciliation.reasons,
      },
    });
    return { run, waveStatus: step.status, reconciliation: step.reconciliation };
  }, immediate);
}

export function startWaveMigration(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof startMigrationSchema>): MigrationWave {
  return db.transaction((tx) => {
    requireProjectPermission(tx, ctx.actor, projectId, "migration.edit");
    const wave = loadWave(tx, projectId, input.waveId);
    assertVersion(wave.version, input.expectedVersion);
    const step = startMigration(wave.status);
    if (!step.ok) throw new AppError("rule_refused", step.message, step.reason);
    const after = tx
      .update(migrationWaves)
      .set({ status: step.status, version: wave.version + 1 })
      .where(and(eq(migrationWaves.id, wave.id), eq(migrationWaves.projectId, projectId), eq(migrationWaves.version, wave.version)))
      .returning()
      .get();
    recordAudit(tx, ctx, { action: "migration_wave.start", objectType: "migration_wave", objectId: wave.id, projectId, before: { status: wave.status }, after: { status: step.status } });
    return after;
  }, immediate);
}

/** The API's view of the waves (public field names). */
export function listMigrationWaves(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  return listWavesWithRuns(db, projectId).map(waveView);
}

export function waveView(wave: WaveWithRuns | (MigrationWave & { runs?: WaveWithRuns["runs"] })) {
  return {
    id: wave.id,
    name: wave.name,
    segment: wave.segment,
    sourceSystem: wave.sourceSystem,
    module: wave.module,
    plannedDate: wave.plannedDate,
    status: wave.status,
    version: wave.version,
    runs: (wave.runs ?? []).map((r) => ({
      id: r.id,
      kind: r.kind,
      ranOn: r.ranOn,
      extracted: r.extracted,
      loaded: r.loaded,
      rejected: r.rejected,
      reconciliation: r.reconciliation,
      reconciliationReasons: r.reconciliationReasons,
      notes: r.notes,
      recordedBy: { id: r.recordedBy, name: r.recordedByName },
    })),
  };
}
