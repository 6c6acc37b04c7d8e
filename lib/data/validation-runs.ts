// Validation runs: authorize → lib/domain/validation → write → audit, in one transaction.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx, Tx } from "@/db/client";
import { projectMembers, scopeItems, users, validationRuns, validationScenarios } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { notify } from "@/lib/data/notifications";
import * as rules from "@/lib/domain/validation";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/errors";
import type {
  addScenarioSchema,
  closeRunSchema,
  moveScenarioSchema,
  openRunSchema,
  recordResultSchema,
  removeScenarioSchema,
} from "@/lib/validation/validation-runs";

type ValidationRun = typeof validationRuns.$inferSelect;

/** A domain refusal as the 409 the API and the forms show. */
export function refused(outcome: rules.Refusal): never {
  throw new AppError("rule_refused", outcome.message, outcome.reason, outcome.missing ? { missing: outcome.missing } : undefined);
}

function runsOf(db: DbOrTx, projectId: string) {
  return db.select().from(validationRuns).where(eq(validationRuns.projectId, projectId)).orderBy(desc(validationRuns.openedAt)).all();
}

function scenariosOf(db: DbOrTx, runIds: string[]) {
  if (runIds.length === 0) return [];
  return db
    .select({ scenario: validationScenarios, recordedByName: users.name })
    .from(validationScenarios)
    .leftJoin(users, eq(users.id, validationScenarios.recordedBy))
    .where(inArray(validationScenarios.runId, runIds))
    .orderBy(asc(validationScenarios.position))
    .all();
}

function runState(db: DbOrTx, run: ValidationRun): rules.Run {
  return {
    id: run.id,
    environment: run.environment,
    status: run.status,
    closedAt: run.closedAt,
    scenarios: scenariosOf(db, [run.id]).map(({ scenario: s }) => ({ id: s.id, position: s.position, title: s.title, source: s.source, result: s.result, notes: s.notes })),
  };
}

/** Every run of the project, newest first, with its scenarios and who recorded them. */
export function listValidationRuns(db: DbOrTx, actor: Actor, projectId: string) {
  const access = loadProjectAccess(db, actor, projectId);
  const runs = runsOf(db, projectId);
  const scenarios = scenariosOf(db, runs.map((r) => r.id));
  const names = new Map(
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(inArray(users.id, [...new Set(runs.flatMap((r) => [r.openedBy, r.closedBy].filter((x): x is string => Boolean(x))))]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  return {
    access,
    runs: runs.map((run) => ({
      id: run.id,
      environment: run.environment,
      status: run.status,
      openedAt: run.openedAt,
      openedBy: { id: run.openedBy, name: names.get(run.openedBy) ?? "" },
      closedAt: run.closedAt,
      closedBy: run.closedBy ? { id: run.closedBy, name: names.get(run.closedBy) ?? "" } : null,
      closingNote: run.closingNote,
      version: run.version,
      scenarios: scenarios
        .filter(({ scenario }) => scenario.runId === run.id)
        .map(({ scenario: s, recordedByName }) => ({
          id: s.id,
          position: s.position,
          title: s.title,
          source: s.source,
          result: s.result,
          notes: s.notes,
          recordedBy: s.recordedBy ? { id: s.recordedBy, name: recordedByName ?? "" } : null,
          recordedAt: s.recordedAt,
        })),
    })),
  };
}
export type ValidationRunView = ReturnType<typeof listValidationRuns>["runs"][number];

export function getValidationRun(db: DbOrTx, actor: Actor, projectId: string, runId: string) {
  const run = listValidationRuns(db, actor, projectId).runs.find((r) => r.id === runId);
  if (!run) throw notFound("This validation run");
  return run;
}

/** The latest closed outcome per environment and the open run, for the go-live readiness. */
export function validationSummary(db: DbOrTx, projectId: string) {
  const runs = runsOf(db, projectId);
  return {
    latestHomologation: rules.latestClosedRun(runs, "homologation"),
    latestProduction: rules.latestClosedRun(runs, "production"),
    open: runs.find((r) => r.status === "open") ?? null,
  };
}

function loadRun(tx: Tx, projectId: string, runId: string, expectedVersion?: number): ValidationRun {
  const run = tx
    .select()
    .from(validationRuns)
    .where(and(eq(validationRuns.id, runId), eq(validationRuns.projectId, projectId)))
    .get();
  if (!run) throw notFound("This validation run");
  assertVersion(run.version, expectedVersion);
  return run;
}

/** Bumps the run's version, scoped by project, so a concurrent stale write is refused. */
function touchRun(tx: Tx, run: ValidationRun, fields: Partial<ValidationRun> = {}): ValidationRun {
  const updated = tx
    .update(validationRuns)
    .set({ ...fields, version: run.version + 1 })
    .where(and(eq(validationRuns.id, run.id), eq(validationRuns.projectId, run.projectId), eq(validationRuns.version, run.version)))
    .returning()
    .get();
  if (!updated) throw new AppError("stale_version", "Someone else changed this run in the meantime. Reload and try again.", "stale_version");
  return updated;
}

function audit(tx: Tx, ctx: RequestContext, run: { id: string; projectId: string }, events: rules.DomainEvent[], objectType = "validation_run") {
  for (const event of events) {
    recordAudit(tx, ctx, { action: event.action, objectType, objectId: run.id, projectId: run.projectId, after: event.after });
  }
}

export function openValidationRun(db: Db, ctx: RequestContext, input: z.infer<typeof openRunSchema>) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "validation.manage");
      const runs = runsOf(tx, project.id).map((r) => runState(tx, r));
      const scope = tx.select().from(scopeItems).where(eq(scopeItems.projectId, project.id)).orderBy(asc(scopeItems.createdAt)).all();
      const outcome = rules.openRun(runs, input.environment, rules.generateScenarios(project.modules, scope));
      if (!outcome.ok) refused(outcome);
      const run = tx
        .insert(validationRuns)
        .values({ projectId: project.id, environment: input.environment, openedBy: ctx.actor.id, openedAt: new Date().toISOString() })
        .returning()
        .get();
      tx.insert(validationScenarios)
        .values(outcome.scenarios.map((s, i) => ({ runId: run.id, position: i + 1, title: s.title, source: s.source })))
        .run();
      audit(tx, ctx, run, outcome.events);
      const guardians = tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.role, "guardian")))
        .all();
      notify(tx, ctx.actor.id, {
        userIds: guardians.map((g) => g.userId),
        projectId: project.id,
        kind: "validation.opened",
        title: `${project.name}: a ${input.environment} validation run is open`,
        href: `/projects/${project.id}/validation`,
      });
      return run;
    },
    { behavior: "immediate" },
  );
}

export function addValidationScenario(db: Db, ctx: RequestContext, input: z.infer<typeof addScenarioSchema>) {
  return db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "validation.manage");
      const run = loadRun(tx, input.projectId, input.runId, input.expectedVersion);
      const outcome = rules.addScenario(runState(tx, run), input.title);
      if (!outcome.ok) refused(outcome);
      const scenario = tx
        .insert(validationScenarios)
        .values({ runId: run.id, position: outcome.position, title: input.title, source: "manual" })
        .returning()
        .get();
      touchRun(tx, run);
      audit(tx, ctx, run, outcome.events);
      return scenario;
    },
    { behavior: "immediate" },
  );
}

export function removeValidationScenario(db: Db, ctx: RequestContext, input: z.infer<typeof removeScenarioSchema>) {
  db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "validation.manage");
      const run = loadRun(tx, input.projectId, input.runId, input.expectedVersion);
      const outcome = rules.removeScenario(runState(tx, run), input.scenarioId);
      if (!outcome.ok) refused(outcome);
      tx.delete(validationScenarios).where(and(eq(validationScenarios.id, input.scenarioId), eq(validationScenarios.runId, run.id))).run();
      touchRun(tx, run);
      audit(tx, ctx, run, outcome.events);
    },
    { behavior: "immediate" },
  );
}

export function moveValidationScenario(db: Db, ctx: RequestContext, input: z.infer<typeof moveScenarioSchema>) {
  db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "validation.manage");
      const run = loadRun(tx, input.projectId, input.runId, input.expectedVersion);
      const outcome = rules.moveScenario(runState(tx, run), input.scenarioId, input.direction);
      if (!outcome.ok) refused(outcome);
      for (const { id, position } of outcome.order) {
        tx.update(validationScenarios).set({ position }).where(and(eq(validationScenarios.id, id), eq(validationScenarios.runId, run.id))).run();
      }
      touchRun(tx, run);
      audit(tx, ctx, run, outcome.events);
    },
    { behavior: "immediate" },
  );
}

export function recordScenarioResult(db: Db, ctx: RequestContext, input: z.infer<typeof recordResultSchema>) {
  return db.transaction(
    (tx) => {
      requireProjectPermission(tx, ctx.actor, input.projectId, "validation.record");
      const run = loadRun(tx, input.projectId, input.runId, input.expectedVersion);
      const outcome = rules.recordResult(runState(tx, run), input.scenarioId, input.result, input.notes);
      if (!outcome.ok) refused(outcome);
      tx.update(validationScenarios)
        .set({ result: input.result, notes: input.notes, recordedBy: ctx.actor.id, recordedAt: new Date().toISOString() })
        .where(and(eq(validationScenarios.id, input.scenarioId), eq(validationScenarios.runId, run.id)))
        .run();
      const updated = touchRun(tx, run);
      audit(tx, ctx, run, outcome.events);
      return updated;
    },
    { behavior: "immediate" },
  );
}

/** The client owner's "OK": closes the run as passed, or as failed with a note. */
export function closeValidationRun(db: Db, ctx: RequestContext, input: z.infer<typeof closeRunSchema>) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "validation.approve");
      const run = loadRun(tx, input.projectId, input.runId, input.expectedVersion);
      const outcome = rules.closeRun(runState(tx, run), input.note);
      if (!outcome.ok) refused(outcome);
      const updated = touchRun(tx, run, {
        status: outcome.status,
        closedBy: ctx.actor.id,
        closedAt: new Date().toISOString(),
        closingNote: input.note || null,
      });
      audit(tx, ctx, run, outcome.events);
      const team = tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, project.id), inArray(projectMembers.role, ["project_manager", "team_member"])))
        .all();
      notify(tx, ctx.actor.id, {
        userIds: team.map((m) => m.userId),
        projectId: project.id,
        kind: "validation.closed",
        title: `${project.name}: the ${run.environment} validation run ${outcome.status}`,
        href: `/projects/${project.id}/validation`,
      });
      return updated;
    },
    { behavior: "immediate" },
  );
}
