// Validation runs: every command goes through projectCommand: authorize → lib/domain/validation → write → audit.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, type Tx, first, one } from "@/db/client";
import { projectMembers, scopeItems, users, validationRuns, validationScenarios } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { afterKey, decodeCursor } from "@/lib/data/cursor";
import { type CommandEvent, type CommandScope, projectCommand } from "@/lib/data/command";
import { personOf, publishEvent } from "@/lib/data/domain-events";
import { notify } from "@/lib/data/notifications";
import * as rules from "@/lib/domain/validation-run";
import type { DomainEvent } from "@/lib/domain/refusal";
import type { Actor, Permission } from "@/lib/domain/permissions";
import { notFound, refused, staleVersion } from "@/lib/errors";
import type {
  addValidationScenarioInput,
  closeValidationRunInput,
  moveValidationScenarioInput,
  openValidationRunInput,
  recordScenarioResultInput,
  removeValidationScenarioInput,
} from "@/lib/contract/validation-runs";
import { inOrder } from "@/lib/in-order";

type ValidationRun = typeof validationRuns.$inferSelect;

async function runsOf(db: DbOrTx, projectId: string) {
  return await db
    .select()
    .from(validationRuns)
    .where(eq(validationRuns.projectId, projectId))
    .orderBy(desc(validationRuns.openedAt));
}

async function scenariosOf(db: DbOrTx, runIds: string[]) {
  if (runIds.length === 0) return [];
  return await db
    .select({ scenario: validationScenarios, recordedByName: users.name })
    .from(validationScenarios)
    .leftJoin(users, eq(users.id, validationScenarios.recordedBy))
    .where(inArray(validationScenarios.runId, runIds))
    .orderBy(asc(validationScenarios.position));
}

async function runState(db: DbOrTx, run: ValidationRun): Promise<rules.Run> {
  return {
    id: run.id,
    environment: run.environment,
    status: run.status,
    closedAt: run.closedAt,
    scenarios: (await scenariosOf(db, [run.id])).map(({ scenario: s }) => ({
      id: s.id,
      position: s.position,
      title: s.title,
      source: s.source,
      result: s.result,
      notes: s.notes,
    })),
  };
}

/** Runs with their scenarios and the names of who opened, closed and recorded them. */
async function runViews(db: DbOrTx, runs: ValidationRun[]) {
  const scenarios = await scenariosOf(
    db,
    runs.map((r) => r.id),
  );
  const names = new Map(
    (
      await db
        .select({ id: users.id, name: users.name })
        .from(users)
        .where(
          inArray(users.id, [
            ...new Set(runs.flatMap((r) => [r.openedBy, r.closedBy].filter((x): x is string => Boolean(x)))),
          ]),
        )
    ).map((u) => [u.id, u.name]),
  );
  return runs.map((run) => ({
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
  }));
}

/**
 * The project's runs, newest first (by when they opened, then id), with their scenarios: all of
 * them, or a page of `limit + 1` rows after the cursor's (openedAt, id) for lib/data/cursor `pageOf`.
 */
export async function listValidationRuns(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
) {
  const access = await loadProjectAccess(db, actor, projectId);
  const after = page?.cursor ? decodeCursor(page.cursor, ["string", "string"]) : null;
  const query = db
    .select()
    .from(validationRuns)
    .where(
      and(
        eq(validationRuns.projectId, projectId),
        afterKey([validationRuns.openedAt, validationRuns.id], after, "desc"),
      ),
    )
    .orderBy(desc(validationRuns.openedAt), desc(validationRuns.id));
  const runs = await (page ? query.limit(page.limit + 1) : query);
  return { access, runs: await runViews(db, runs) };
}
export type ValidationRunView = Awaited<ReturnType<typeof listValidationRuns>>["runs"][number];

/** The key a page of runs is ordered by, as its cursor carries it. */
export const runCursorKey = (run: Pick<ValidationRunView, "openedAt" | "id">) => [run.openedAt, run.id];

export async function getValidationRun(db: DbOrTx, actor: Actor, projectId: string, runId: string) {
  await loadProjectAccess(db, actor, projectId);
  const run = await first(
    db
      .select()
      .from(validationRuns)
      .where(and(eq(validationRuns.id, runId), eq(validationRuns.projectId, projectId))),
  );
  if (!run) throw notFound("This validation run");
  return (await runViews(db, [run]))[0];
}

/** The latest closed outcome per environment and the open run, for the go-live readiness. */
export async function validationSummary(db: DbOrTx, projectId: string) {
  const runs = await runsOf(db, projectId);
  return {
    latestHomologation: rules.latestClosedRun(runs, "homologation"),
    latestProduction: rules.latestClosedRun(runs, "production"),
    open: runs.find((r) => r.status === "open") ?? null,
  };
}

async function loadRun(tx: Tx, projectId: string, runId: string): Promise<ValidationRun> {
  const run = await first(
    tx
      .select()
      .from(validationRuns)
      .where(and(eq(validationRuns.id, runId), eq(validationRuns.projectId, projectId))),
  );
  if (!run) throw notFound("This validation run");
  return run;
}

/** Bumps the run's version, scoped by project, so a concurrent stale write is refused. */
async function touchRun(tx: Tx, run: ValidationRun, fields: Partial<ValidationRun> = {}): Promise<ValidationRun> {
  const updated = await first(
    tx
      .update(validationRuns)
      .set({ ...fields, version: run.version + 1 })
      .where(
        and(
          eq(validationRuns.id, run.id),
          eq(validationRuns.projectId, run.projectId),
          eq(validationRuns.version, run.version),
        ),
      )
      .returning(),
  );
  if (!updated) throw staleVersion("this run");
  return updated;
}

/** The domain's events as the run's audit events. */
const runEvents = (run: { id: string }, events: DomainEvent[]): CommandEvent[] =>
  events.map((event) => ({ action: event.action, objectType: "validation_run", objectId: run.id, after: event.after }));

/** A command on one existing run: the run is loaded and its version checked before `run` decides. */
async function validationRunCommand<Result>(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; runId: string; expectedVersion?: number },
  permission: Permission,
  run: (scope: CommandScope<ValidationRun>) => Promise<Result>,
): Promise<Result> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission,
    load: (tx) => loadRun(tx, input.projectId, input.runId),
    expectedVersion: input.expectedVersion,
    run,
  });
}

export async function openValidationRun(db: Db, ctx: RequestContext, input: z.infer<typeof openValidationRunInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "validation.manage",
    run: async ({ tx, project, audit }) => {
      const runs = await inOrder(await runsOf(tx, project.id), async (r) => await runState(tx, r));
      const scope = await tx
        .select()
        .from(scopeItems)
        .where(eq(scopeItems.projectId, project.id))
        .orderBy(asc(scopeItems.createdAt));
      const outcome = rules.openRun(runs, input.environment, rules.generateScenarios(project.modules, scope));
      if (!outcome.ok) refused(outcome.refusal);
      const run = await one(
        tx
          .insert(validationRuns)
          .values({
            projectId: project.id,
            environment: input.environment,
            openedBy: ctx.actor.id,
            openedAt: new Date().toISOString(),
          })
          .returning(),
      );
      await tx
        .insert(validationScenarios)
        .values(
          outcome.scenarios.map((s, i) => ({ runId: run.id, position: i + 1, title: s.title, source: s.source })),
        );
      audit(...runEvents(run, outcome.events));
      const guardians = await tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.role, "guardian")));
      await notify(tx, ctx.actor.id, {
        userIds: guardians.map((g) => g.userId),
        projectId: project.id,
        kind: "validation.opened",
        title: `${project.name}: a ${input.environment} validation run is open`,
        params: { environment: input.environment, project: project.name },
        href: `/projects/${project.id}/validation`,
      });
      return run;
    },
  });
}

export async function addValidationScenario(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof addValidationScenarioInput>,
) {
  return await validationRunCommand(db, ctx, input, "validation.manage", async ({ tx, target: run, audit }) => {
    const outcome = rules.addScenario(await runState(tx, run), input.title);
    if (!outcome.ok) refused(outcome.refusal);
    const scenario = await one(
      tx
        .insert(validationScenarios)
        .values({ runId: run.id, position: outcome.position, title: input.title, source: "manual" })
        .returning(),
    );
    await touchRun(tx, run);
    audit(...runEvents(run, outcome.events));
    return scenario;
  });
}

export async function removeValidationScenario(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof removeValidationScenarioInput>,
) {
  await validationRunCommand(db, ctx, input, "validation.manage", async ({ tx, target: run, audit }) => {
    const outcome = rules.removeScenario(await runState(tx, run), input.scenarioId);
    if (!outcome.ok) refused(outcome.refusal);
    await tx
      .delete(validationScenarios)
      .where(and(eq(validationScenarios.id, input.scenarioId), eq(validationScenarios.runId, run.id)));
    await touchRun(tx, run);
    audit(...runEvents(run, outcome.events));
  });
}

export async function moveValidationScenario(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof moveValidationScenarioInput>,
) {
  await validationRunCommand(db, ctx, input, "validation.manage", async ({ tx, target: run, audit }) => {
    const outcome = rules.moveScenario(await runState(tx, run), input.scenarioId, input.direction);
    if (!outcome.ok) refused(outcome.refusal);
    for (const { id, position } of outcome.order) {
      await tx
        .update(validationScenarios)
        .set({ position })
        .where(and(eq(validationScenarios.id, id), eq(validationScenarios.runId, run.id)));
    }
    await touchRun(tx, run);
    audit(...runEvents(run, outcome.events));
  });
}

export async function recordScenarioResult(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof recordScenarioResultInput>,
) {
  return await validationRunCommand(db, ctx, input, "validation.record", async ({ tx, target: run, audit }) => {
    const outcome = rules.recordResult(await runState(tx, run), input.scenarioId, input.result, input.notes);
    if (!outcome.ok) refused(outcome.refusal);
    await tx
      .update(validationScenarios)
      .set({ result: input.result, notes: input.notes, recordedBy: ctx.actor.id, recordedAt: new Date().toISOString() })
      .where(and(eq(validationScenarios.id, input.scenarioId), eq(validationScenarios.runId, run.id)));
    const updated = await touchRun(tx, run);
    audit(...runEvents(run, outcome.events));
    return updated;
  });
}

/** The client owner's "OK": closes the run as passed, or as failed with a note. */
export async function closeValidationRun(db: Db, ctx: RequestContext, input: z.infer<typeof closeValidationRunInput>) {
  return await validationRunCommand(
    db,
    ctx,
    input,
    "validation.approve",
    async ({ tx, project, target: run, audit }) => {
      const outcome = rules.closeRun(await runState(tx, run), input.note);
      if (!outcome.ok) refused(outcome.refusal);
      const updated = await touchRun(tx, run, {
        status: outcome.status,
        closedBy: ctx.actor.id,
        closedAt: new Date().toISOString(),
        closingNote: input.note || null,
      });
      audit(...runEvents(run, outcome.events));
      await publishEvent(tx, "validation_run.closed", project, {
        run: {
          id: updated.id,
          environment: updated.environment,
          status: updated.status,
          closingNote: updated.closingNote,
        },
        closedBy: personOf(ctx.actor),
      });
      const team = await tx
        .select({ userId: projectMembers.userId })
        .from(projectMembers)
        .where(
          and(
            eq(projectMembers.projectId, project.id),
            inArray(projectMembers.role, ["project_manager", "team_member"]),
          ),
        );
      await notify(tx, ctx.actor.id, {
        userIds: team.map((m) => m.userId),
        projectId: project.id,
        kind: "validation.closed",
        title: `${project.name}: the ${run.environment} validation run ${outcome.status}`,
        params: { environment: run.environment, status: outcome.status, project: project.name },
        href: `/projects/${project.id}/validation`,
      });
      return updated;
    },
  );
}
