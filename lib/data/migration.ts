// Data migration of a project: the plan (scenario, scope, sources, RACI), waves per segment and
// their rehearsal/production runs. Rules live in lib/domain/migration; every write goes through
// projectCommand: authorize (migration.edit), apply the rule, write scoped by project, audit.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { migrationPlans, migrationRuns, migrationWaves, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { afterKey, decodeCursor } from "@/lib/data/cursor";
import { waveView } from "@/lib/data/migration-views";
import { projectCommand } from "@/lib/data/command";
import {
  acceptRaci,
  checkRun,
  editWave,
  recordRun,
  reconcile,
  responsibilityShift,
  startMigration,
  type RaciRow,
} from "@/lib/domain/migration";
import type { Actor } from "@/lib/domain/permissions";
import { notFound, refused, staleVersion } from "@/lib/errors";
import type { createWaveOp, recordMigrationRunInput } from "@/lib/contract/migration";
import type {
  saveRaciSchema,
  startMigrationSchema,
  updatePlanSchema,
  updateWaveSchema,
} from "@/lib/validation/migration";

export type MigrationWave = typeof migrationWaves.$inferSelect;
export type MigrationRun = typeof migrationRuns.$inferSelect;
export type MigrationPlan = typeof migrationPlans.$inferSelect;

const todayUtc = () => new Date().toISOString().slice(0, 10);

async function planRow(db: DbOrTx, projectId: string): Promise<MigrationPlan | undefined> {
  return await first(db.select().from(migrationPlans).where(eq(migrationPlans.projectId, projectId)));
}

type Page = { limit: number; cursor?: string | null };

/** Runs of the given waves, newest first (by run date, then when recorded, then id), with their reconciliation. */
async function runsOfWaves(db: DbOrTx, waveIds: string[], page?: Page) {
  if (waveIds.length === 0) return [];
  const after = page?.cursor ? decodeCursor(page.cursor, ["string", "string", "string"]) : null;
  const query = db
    .select({ run: migrationRuns, recordedByName: users.name })
    .from(migrationRuns)
    .innerJoin(users, eq(users.id, migrationRuns.recordedBy))
    .where(
      and(
        inArray(migrationRuns.waveId, waveIds),
        afterKey([migrationRuns.ranOn, migrationRuns.createdAt, migrationRuns.id], after, "desc"),
      ),
    )
    .orderBy(desc(migrationRuns.ranOn), desc(migrationRuns.createdAt), desc(migrationRuns.id));
  const rows = await (page ? query.limit(page.limit + 1) : query);
  return rows.map((r) => ({
    ...r.run,
    recordedByName: r.recordedByName,
    reconciliationReasons: reconcile(r.run.kind, r.run).reasons,
  }));
}

/** The key a page of runs is ordered by, as its cursor carries it. */
export const runCursorKey = (run: MigrationRun) => [run.ranOn, run.createdAt, run.id];

/**
 * The project's waves by planned date (then name, then id), with their runs: all of them, or
 * `limit + 1` after the cursor's (plannedDate, name, id).
 */
export async function listWavesWithRuns(db: DbOrTx, projectId: string, page?: Page) {
  const after = page?.cursor ? decodeCursor(page.cursor, ["string", "string", "string"]) : null;
  const query = db
    .select()
    .from(migrationWaves)
    .where(
      and(
        eq(migrationWaves.projectId, projectId),
        afterKey([migrationWaves.plannedDate, migrationWaves.name, migrationWaves.id], after, "asc"),
      ),
    )
    .orderBy(asc(migrationWaves.plannedDate), asc(migrationWaves.name), asc(migrationWaves.id));
  const waves = await (page ? query.limit(page.limit + 1) : query);
  const runs = await runsOfWaves(
    db,
    waves.map((w) => w.id),
  );
  return waves.map((wave) => ({ ...wave, runs: runs.filter((r) => r.waveId === wave.id) }));
}
/** The key a page of waves is ordered by, as its cursor carries it. */
export const waveCursorKey = (wave: Pick<MigrationWave, "plannedDate" | "name" | "id">) => [
  wave.plannedDate,
  wave.name,
  wave.id,
];
export type WaveWithRuns = Awaited<ReturnType<typeof listWavesWithRuns>>[number];

/** Everything the migration page shows, for anyone who can see the project. */
export async function getMigration(db: DbOrTx, actor: Actor, projectId: string) {
  const access = await loadProjectAccess(db, actor, projectId);
  const plan = await planRow(db, projectId);
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
    waves: await listWavesWithRuns(db, projectId),
    shift: responsibilityShift(raci),
    canEdit: access.can("migration.edit"),
  };
}

function assertPlanFresh(current: MigrationPlan | undefined, expectedUpdatedAt: string | undefined) {
  if (expectedUpdatedAt !== undefined && (current?.updatedAt ?? "") !== expectedUpdatedAt) throw staleVersion();
}

export async function updateMigrationPlan(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof updatePlanSchema>,
) {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "migration.edit",
    run: async ({ tx, audit }) => {
      // The plan is versioned by its updatedAt (one row per project, created on first save).
      const before = await planRow(tx, projectId);
      assertPlanFresh(before, input.expectedUpdatedAt);
      const fields = {
        scenario: input.scenario,
        scope: input.scope,
        sourceSystems: input.sourceSystems,
        updatedAt: new Date().toISOString(),
      };
      const after = await one(
        tx
          .insert(migrationPlans)
          .values({ projectId, ...fields })
          .onConflictDoUpdate({ target: migrationPlans.projectId, set: fields })
          .returning(),
      );
      audit({
        action: "migration_plan.update",
        objectType: "migration_plan",
        objectId: projectId,
        before: before ? { scenario: before.scenario, scope: before.scope, sourceSystems: before.sourceSystems } : null,
        after: { scenario: after.scenario, scope: after.scope, sourceSystems: after.sourceSystems },
      });
      return after;
    },
  });
}

export async function saveRaci(db: Db, ctx: RequestContext, projectId: string, input: z.infer<typeof saveRaciSchema>) {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "migration.edit",
    run: async ({ tx, audit }) => {
      const before = await planRow(tx, projectId);
      assertPlanFresh(before, input.expectedUpdatedAt);
      const raci = acceptRaci(input.rows);
      if (!raci.ok) refused(raci.refusal);
      const rows = raci.rows;
      const updatedAt = new Date().toISOString();
      const after = await one(
        tx
          .insert(migrationPlans)
          .values({ projectId, raci: rows, updatedAt })
          .onConflictDoUpdate({ target: migrationPlans.projectId, set: { raci: rows, updatedAt } })
          .returning(),
      );
      audit({
        action: "migration_raci.update",
        objectType: "migration_plan",
        objectId: projectId,
        before: before?.raci ?? [],
        after: rows,
      });
      return after;
    },
  });
}

async function loadWave(tx: DbOrTx, projectId: string, waveId: string): Promise<MigrationWave> {
  const wave = await first(
    tx
      .select()
      .from(migrationWaves)
      .where(and(eq(migrationWaves.id, waveId), eq(migrationWaves.projectId, projectId))),
  );
  if (!wave) throw notFound("This migration wave");
  return wave;
}

export async function createWave(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof createWaveOp.body>,
): Promise<MigrationWave> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "migration.edit",
    run: async ({ tx, audit }) => {
      const wave = await one(
        tx
          .insert(migrationWaves)
          .values({ ...input, projectId })
          .returning(),
      );
      audit({ action: "migration_wave.create", objectType: "migration_wave", objectId: wave.id, after: input });
      return wave;
    },
  });
}

export async function updateWave(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof updateWaveSchema>,
): Promise<MigrationWave> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "migration.edit",
    load: (tx) => loadWave(tx, projectId, input.waveId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: before, audit }) => {
      const editable = editWave(before.status);
      if (!editable.ok) refused(editable.refusal);
      const fields = {
        name: input.name,
        segment: input.segment,
        sourceSystem: input.sourceSystem,
        module: input.module,
        plannedDate: input.plannedDate,
      };
      const after = await one(
        tx
          .update(migrationWaves)
          .set({ ...fields, version: before.version + 1 })
          .where(
            and(
              eq(migrationWaves.id, before.id),
              eq(migrationWaves.projectId, projectId),
              eq(migrationWaves.version, before.version),
            ),
          )
          .returning(),
      );
      audit({
        action: "migration_wave.update",
        objectType: "migration_wave",
        objectId: before.id,
        before,
        after: fields,
      });
      return after;
    },
  });
}

/** Records a rehearsal or production run; the reconciliation is computed, and the wave's status follows. */
export async function recordMigrationRun(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: Omit<z.infer<typeof recordMigrationRunInput>, "projectId">,
) {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "migration.edit",
    load: (tx) => loadWave(tx, projectId, input.waveId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: wave, audit }) => {
      const typed = checkRun(input, todayUtc());
      if (!typed.ok) refused(typed.refusal);
      const step = recordRun(wave.status, input.kind, input);
      if (!step.ok) refused(step.refusal);
      const run = await one(
        tx
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
          .returning(),
      );
      await tx
        .update(migrationWaves)
        .set({ status: step.status, version: wave.version + 1 })
        .where(
          and(
            eq(migrationWaves.id, wave.id),
            eq(migrationWaves.projectId, projectId),
            eq(migrationWaves.version, wave.version),
          ),
        );
      audit({
        action: "migration_run.record",
        objectType: "migration_wave",
        objectId: wave.id,
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
    },
  });
}

export async function startWaveMigration(
  db: Db,
  ctx: RequestContext,
  projectId: string,
  input: z.infer<typeof startMigrationSchema>,
): Promise<MigrationWave> {
  return await projectCommand(db, ctx, {
    projectId,
    permission: "migration.edit",
    load: (tx) => loadWave(tx, projectId, input.waveId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: wave, audit }) => {
      const step = startMigration(wave.status);
      if (!step.ok) refused(step.refusal);
      const after = await one(
        tx
          .update(migrationWaves)
          .set({ status: step.status, version: wave.version + 1 })
          .where(
            and(
              eq(migrationWaves.id, wave.id),
              eq(migrationWaves.projectId, projectId),
              eq(migrationWaves.version, wave.version),
            ),
          )
          .returning(),
      );
      audit({
        action: "migration_wave.start",
        objectType: "migration_wave",
        objectId: wave.id,
        before: { status: wave.status },
        after: { status: step.status },
      });
      return after;
    },
  });
}

/** The API's view of the waves (public field names): all of them, or a page. */
export async function listMigrationWaves(db: DbOrTx, actor: Actor, projectId: string, page?: Page) {
  await loadProjectAccess(db, actor, projectId);
  return (await listWavesWithRuns(db, projectId, page)).map(waveView);
}

/** A page of one wave's runs, newest first; 404 for a wave of another project. */
export async function listWaveRuns(db: DbOrTx, actor: Actor, projectId: string, waveId: string, page: Page) {
  await loadProjectAccess(db, actor, projectId);
  await loadWave(db, projectId, waveId);
  return await runsOfWaves(db, [waveId], page);
}
