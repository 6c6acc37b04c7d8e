// Sprints: plan, start, deploy, review and the client's acceptance (DESIGN.md §3 Sprint).
// Every command: authorize → lib/domain/sprint → write (version-checked) → audit, in one transaction.
import { and, asc, desc, eq, inArray, isNull, notInArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { paymentMilestones, projectMembers, scopeItems, sprintDeployments, sprints, users, type Project } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { takeSnapshot } from "@/lib/data/estimates";
import { refreshProjectHealth } from "@/lib/data/health";
import { notify } from "@/lib/data/notifications";
import { missingQualityEvidence } from "@/lib/data/quality";
import { decideMilestone, milestoneAmount } from "@/lib/domain/billing";
import type { Actor, Permission } from "@/lib/domain/permissions";
import { decideSprint, type SprintCommand } from "@/lib/domain/sprint";
import { AppError, notFound } from "@/lib/errors";
import type { acceptanceSchema, deploymentSchema, planSprintSchema, updateSprintPlanSchema } from "@/lib/validation/sprints";

export type Sprint = typeof sprints.$inferSelect;

const committedDaysSql = sql<number>`coalesce((select sum(${scopeItems.estimateDays}) from ${scopeItems} where ${scopeItems.sprintId} = ${sprints.id} and ${scopeItems.status} <> 'dropped'), 0)`;
const committedCountSql = sql<number>`(select count(*) from ${scopeItems} where ${scopeItems.sprintId} = ${sprints.id} and ${scopeItems.status} <> 'dropped')`;

export function listSprints(db: DbOrTx, actor: Actor, projectId: string) {
  const access = loadProjectAccess(db, actor, projectId);
  const rows = db
    .select({ sprint: sprints, committedDays: committedDaysSql, committedItems: committedCountSql, milestoneStatus: paymentMilestones.status, milestoneAmount: paymentMilestones.amount })
    .from(sprints)
    .leftJoin(paymentMilestones, eq(paymentMilestones.sprintId, sprints.id))
    .where(eq(sprints.projectId, projectId))
    .orderBy(desc(sprints.number))
    .all();
  const billing = access.can("billing.view");
  return {
    access,
    sprints: rows.map((r) => ({
      ...r.sprint,
      committedDays: r.committedDays,
      committedItems: r.committedItems,
      milestone: billing && r.milestoneStatus ? { status: r.milestoneStatus, amount: r.milestoneAmount ?? 0, currency: access.project.currency } : null,
    })),
  };
}

function loadSprint(tx: DbOrTx, projectId: string, sprintId: string): Sprint {
  const sprint = tx.select().from(sprints).where(and(eq(sprints.id, sprintId), eq(sprints.projectId, projectId))).get();
  if (!sprint) throw notFound("This sprint");
  return sprint;
}

function committed(tx: DbOrTx, sprintId: string) {
  return tx
    .select()
    .from(scopeItems)
    .where(and(eq(scopeItems.sprintId, sprintId), sql`${scopeItems.status} <> 'dropped'`))
    .orderBy(asc(scopeItems.createdAt))
    .all();
}

function hasProductionDeployment(tx: DbOrTx, sprintId: string): boolean {
  return Boolean(
    tx.select({ id: sprintDeployments.id }).from(sprintDeployments).where(and(eq(sprintDeployments.sprintId, sprintId), eq(sprintDeployments.environment, "production"))).limit(1).get(),
  );
}

/** The state the sprint rules decide on, gathered from the database (quality gaps from the quality area). */
export function sprintState(tx: DbOrTx, sprint: Sprint) {
  const items = committed(tx, sprint.id);
  return {
    status: sprint.status,
    committedDays: items.reduce((a, i) => a + i.estimateDays, 0),
    committedItems: items.length,
    capacityDays: sprint.capacityDays,
    hasProductionDeployment: hasProductionDeployment(tx, sprint.id),
    missingEvidence: missingQualityEvidence(tx, sprint.id),
  };
}

export function getSprint(db: DbOrTx, actor: Actor, projectId: string, sprintId: string) {
  const access = loadProjectAccess(db, actor, projectId);
  const sprint = loadSprint(db, projectId, sprintId);
  const state = sprintState(db, sprint);
  const deployments = db
    .select({ d: sprintDeployments, recordedBy: users.name })
    .from(sprintDeployments)
    .innerJoin(users, eq(users.id, sprintDeployments.recordedBy))
    .where(eq(sprintDeployments.sprintId, sprint.id))
    .orderBy(desc(sprintDeployments.deployedOn), desc(sprintDeployments.createdAt))
    .all()
    .map((r) => ({ ...r.d, recordedByName: r.recordedBy }));
  const milestone = access.can("billing.view")
    ? (db.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id)).get() ?? null)
    : null;
  const decidedBy = sprint.decidedBy ? (db.select({ name: users.name }).from(users).where(eq(users.id, sprint.decidedBy)).get()?.name ?? null) : null;
  const accept = decideSprint(state, { type: "accept", comment: "" });
  return {
    access,
    sprint,
    items: committed(db, sprint.id),
    deployments,
    milestone,
    decidedBy,
    committedDays: state.committedDays,
    blockers: accept.ok ? [] : (accept.missing ?? []),
    missingEvidence: state.missingEvidence,
    hasProductionDeployment: state.hasProductionDeployment,
  };
}

function refuse(outcome: { reason: string; message: string; missing?: unknown[] }): never {
  throw new AppError("rule_refused", outcome.message, outcome.reason, outcome.missing ? { missing: outcome.missing } : undefined);
}

/** Committed items must be this project's open items, not committed to another sprint. */
function checkItems(tx: DbOrTx, projectId: string, sprintId: string | null, ids: string[]) {
  if (!ids.length) return [];
  const rows = tx
    .select()
    .from(scopeItems)
    .where(and(eq(scopeItems.projectId, projectId), inArray(scopeItems.id, ids)))
    .all();
  const bad = ids.filter((id) => {
    const row = rows.find((r) => r.id === id);
    return !row || row.status === "dropped" || row.status === "done" || (row.sprintId !== null && row.sprintId !== sprintId);
  });
  if (bad.length) {
    throw new AppError("invalid_input", "Some scope items cannot be committed (unknown, done, removed or in another sprint).", "invalid_input", {
      fieldErrors: { scopeItemIds: ["Pick open scope items that are not in another sprint."] },
    });
  }
  return rows;
}

function commitItems(tx: DbOrTx, projectId: string, sprintId: string, ids: string[]) {
  const now = new Date().toISOString();
  // Items taken out of the sprint go back to the backlog.
  tx.update(scopeItems)
    .set({ sprintId: null, status: "planned", updatedAt: now, version: sql`${scopeItems.version} + 1` })
    .where(and(eq(scopeItems.projectId, projectId), eq(scopeItems.sprintId, sprintId), ids.length ? notInArray(scopeItems.id, ids) : undefined))
    .run();
  if (ids.length) {
    tx.update(scopeItems)
      .set({ sprintId, status: sql`case when ${scopeItems.status} = 'proposed' then 'planned' else ${scopeItems.status} end`, updatedAt: now, version: sql`${scopeItems.version} + 1` })
      .where(and(eq(scopeItems.projectId, projectId), inArray(scopeItems.id, ids), or(isNull(scopeItems.sprintId), eq(scopeItems.sprintId, sprintId))))
      .run();
  }
}

const terms = (p: Project) => ({ billingMode: p.billingMode, dayRate: p.dayRate, fixedSprintAmount: p.fixedSprintAmount });

/** Plans a new sprint with its committed items; its payment milestone starts pending. */
export function planSprint(db: Db, ctx: RequestContext, input: z.infer<typeof planSprintSchema>) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "sprint.plan");
      const rows = checkItems(tx, project.id, null, input.scopeItemIds);
      const days = rows.reduce((a, r) => a + r.estimateDays, 0);
      const draft = { status: "planned" as const, committedDays: 0, committedItems: 0, capacityDays: input.capacityDays, hasProductionDeployment: false, missingEvidence: [] };
      const outcome = decideSprint(draft, { type: "change_plan", committedDays: days, capacityDays: input.capacityDays });
      if (!outcome.ok) throw new AppError("rule_refused", outcome.message, outcome.reason, { fieldErrors: { scopeItemIds: [outcome.message] } });
      const last = tx.select({ n: sql<number | null>`max(${sprints.number})` }).from(sprints).where(eq(sprints.projectId, project.id)).get();
      const sprint = tx
        .insert(sprints)
        .values({
          projectId: project.id,
          releaseId: input.releaseId,
          number: (last?.n ?? 0) + 1,
          goal: input.goal,
          startDate: input.startDate,
          endDate: input.endDate,
          capacityDays: input.capacityDays,
        })
        .returning()
        .get();
      commitItems(tx, project.id, sprint.id, input.scopeItemIds);
      tx.insert(paymentMilestones)
        .values({ projectId: project.id, sprintId: sprint.id, amount: milestoneAmount(terms(project), days), currency: project.currency, status: "pending" })
        .run();
      recordAudit(tx, ctx, {
        action: "sprint.plan",
        objectType: "sprint",
        objectId: sprint.id,
        projectId: project.id,
        after: { number: sprint.number, goal: sprint.goal, startDate: sprint.startDate, endDate: sprint.endDate, capacityDays: sprint.capacityDays, committedDays: days, items: input.scopeItemIds },
      });
      return { sprint, warnings: outcome.warnings };
    },
    { behavior: "immediate" },
  );
}

export function updateSprintPlan(db: Db, ctx: RequestContext, input: z.infer<typeof updateSprintPlanSchema>) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "sprint.plan");
      const sprint = loadSprint(tx, project.id, input.sprintId);
      assertVersion(sprint.version, input.expectedVersion);
      const rows = checkItems(tx, project.id, sprint.id, input.scopeItemIds);
      const days = rows.reduce((a, r) => a + r.estimateDays, 0);
      const outcome = decideSprint(sprintState(tx, sprint), { type: "change_plan", committedDays: days, capacityDays: input.capacityDays });
      if (!outcome.ok) throw new AppError("rule_refused", outcome.message, outcome.reason, { fieldErrors: { scopeItemIds: [outcome.message] } });
      const updated = bump(tx, sprint, { goal: input.goal, startDate: input.startDate, endDate: input.endDate, capacityDays: input.capacityDays, releaseId: input.releaseId });
      commitItems(tx, project.id, sprint.id, input.scopeItemIds);
      tx.update(paymentMilestones)
        .set({ amount: milestoneAmount(terms(project), days) })
        .where(and(eq(paymentMilestones.sprintId, sprint.id), eq(paymentMilestones.status, "pending")))
        .run();
      for (const e of outcome.events) {
        recordAudit(tx, ctx, { action: e.action, objectType: "sprint", objectId: sprint.id, projectId: project.id, before: { goal: sprint.goal, ...(e.before as object) }, after: { goal: input.goal, items: input.scopeItemIds, ...(e.after as object) } });
      }
      return { sprint: updated, warnings: outcome.warnings };
    },
    { behavior: "immediate" },
  );
}

/** Writes the sprint only if nobody changed it since it was read (the version is the token). */
function bump(tx: DbOrTx, sprint: Sprint, set: Partial<Sprint>): Sprint {
  const updated = tx
    .update(sprints)
    .set({ ...set, version: sprint.version + 1 })
    .where(and(eq(sprints.id, sprint.id), eq(sprints.projectId, sprint.projectId), eq(sprints.version, sprint.version)))
    .returning()
    .get();
  if (!updated) throw new AppError("stale_version", "Someone else changed this sprint in the meantime. Reload and try again.", "stale_version");
  return updated;
}

function runCommand(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; sprintId: string; expectedVersion?: number },
  permission: Permission,
  command: SprintCommand,
  after: (tx: Parameters<Parameters<Db["transaction"]>[0]>[0], project: Project, sprint: Sprint, updated: Sprint) => void = () => {},
) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, permission);
      const sprint = loadSprint(tx, project.id, input.sprintId);
      assertVersion(sprint.version, input.expectedVersion);
      const outcome = decideSprint(sprintState(tx, sprint), command);
      if (!outcome.ok) refuse(outcome);
      const decided = command.type === "accept" || command.type === "reject";
      const updated = bump(tx, sprint, {
        status: outcome.status,
        ...(decided ? { acceptanceComment: command.comment.trim() || null, decidedBy: ctx.actor.id, decidedAt: new Date().toISOString() } : {}),
        // Reopened for rework: the rejection stays in the audit trail, the decision is cleared.
        ...(command.type === "reopen" ? { decidedBy: null, decidedAt: null } : {}),
      });
      for (const e of outcome.events) {
        recordAudit(tx, ctx, { action: e.action, objectType: "sprint", objectId: sprint.id, projectId: project.id, before: e.before, after: e.after });
      }
      after(tx, project, sprint, updated);
      return { sprint: updated, warnings: outcome.warnings };
    },
    { behavior: "immediate" },
  );
}

const membersWithRole = (tx: DbOrTx, projectId: string, role: "project_manager" | "client_owner") =>
  tx.select({ userId: projectMembers.userId }).from(projectMembers).where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, role))).all().map((m) => m.userId);

export function startSprint(db: Db, ctx: RequestContext, input: { projectId: string; sprintId: string; expectedVersion?: number }) {
  return runCommand(db, ctx, input, "sprint.plan", { type: "start" }, (tx, project, sprint) => {
    tx.update(scopeItems)
      .set({ status: "in_progress", updatedAt: new Date().toISOString(), version: sql`${scopeItems.version} + 1` })
      .where(and(eq(scopeItems.projectId, project.id), eq(scopeItems.sprintId, sprint.id), inArray(scopeItems.status, ["proposed", "planned"])))
      .run();
  });
}

export function submitSprintForReview(db: Db, ctx: RequestContext, input: { projectId: string; sprintId: string; expectedVersion?: number }) {
  return runCommand(db, ctx, input, "sprint.deliver", { type: "submit_review" }, (tx, project, sprint) => {
    notify(tx, ctx.actor.id, {
      userIds: membersWithRole(tx, project.id, "client_owner"),
      projectId: project.id,
      kind: "sprint.review",
      title: `Sprint ${sprint.number} of ${project.name} is ready for your acceptance`,
      href: `/projects/${project.id}/sprints/${sprint.id}`,
    });
  });
}

export function reopenSprint(db: Db, ctx: RequestContext, input: { projectId: string; sprintId: string; expectedVersion?: number }) {
  return runCommand(db, ctx, input, "sprint.plan", { type: "reopen" });
}

/**
 * The client owner's decision. Acceptance marks the committed items done, makes the payment
 * milestone billable at the accepted scope's value and takes an estimate snapshot, atomically.
 */
export function decideSprintAcceptance(db: Db, ctx: RequestContext, input: z.infer<typeof acceptanceSchema>) {
  const command: SprintCommand = input.decision === "accept" ? { type: "accept", comment: input.comment } : { type: "reject", comment: input.comment };
  return runCommand(db, ctx, input, "sprint.accept", command, (tx, project, sprint) => {
    if (input.decision === "accept") {
      const now = new Date().toISOString();
      const items = committed(tx, sprint.id);
      const acceptedDays = items.reduce((a, i) => a + i.estimateDays, 0);
      tx.update(scopeItems)
        .set({ status: "done", updatedAt: now, version: sql`${scopeItems.version} + 1` })
        .where(and(eq(scopeItems.projectId, project.id), eq(scopeItems.sprintId, sprint.id), sql`${scopeItems.status} <> 'dropped'`))
        .run();
      let milestone = tx.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id)).get();
      if (!milestone) {
        milestone = tx.insert(paymentMilestones).values({ projectId: project.id, sprintId: sprint.id, amount: 0, currency: project.currency }).returning().get();
      }
      const billable = decideMilestone(milestone.status, { type: "make_billable", amount: milestoneAmount(terms(project), acceptedDays) }, now);
      if (!billable.ok) throw new AppError("rule_refused", billable.message, billable.reason);
      tx.update(paymentMilestones)
        .set({ ...billable.change, currency: project.currency, version: milestone.version + 1 })
        .where(and(eq(paymentMilestones.id, milestone.id), eq(paymentMilestones.projectId, project.id)))
        .run();
      recordAudit(tx, ctx, {
        action: billable.action,
        objectType: "payment_milestone",
        objectId: milestone.id,
        projectId: project.id,
        before: { status: milestone.status, amount: milestone.amount },
        after: { status: "billable", amount: billable.change.amount, acceptedDays, currency: project.currency },
      });
      takeSnapshot(tx, project, "sprint_close", sprint.id);
    }
    notify(tx, ctx.actor.id, {
      userIds: membersWithRole(tx, project.id, "project_manager"),
      projectId: project.id,
      kind: `sprint.${input.decision}`,
      title: `Sprint ${sprint.number} of ${project.name} was ${input.decision === "accept" ? "accepted" : "rejected"} by the client`,
      href: `/projects/${project.id}/sprints/${sprint.id}`,
    });
    refreshProjectHealth(tx, project.id);
  });
}

export function recordDeployment(db: Db, ctx: RequestContext, input: z.infer<typeof deploymentSchema>) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "sprint.deliver");
      const sprint = loadSprint(tx, project.id, input.sprintId);
      const outcome = decideSprint(sprintState(tx, sprint), { type: "record_deployment", environment: input.environment });
      if (!outcome.ok) refuse(outcome);
      const deployment = tx
        .insert(sprintDeployments)
        .values({ sprintId: sprint.id, releaseVersion: input.releaseVersion, environment: input.environment, deployedOn: input.deployedOn, recordedBy: ctx.actor.id })
        .returning()
        .get();
      // A deployment changes what the client sees on the sprint: bump so stale pages notice.
      bump(tx, sprint, {});
      recordAudit(tx, ctx, {
        action: "sprint.deployment.record",
        objectType: "sprint",
        objectId: sprint.id,
        projectId: project.id,
        after: { releaseVersion: input.releaseVersion, environment: input.environment, deployedOn: input.deployedOn },
      });
      return deployment;
    },
    { behavior: "immediate" },
  );
}
