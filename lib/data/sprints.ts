// Sprints: plan, start, deploy, review and the client's acceptance (DESIGN.md §3 Sprint).
// Every command goes through projectCommand: authorize → lib/domain/sprint → write (version-checked) → audit.
import { and, asc, desc, eq, inArray, isNull, lt, notInArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import {
  paymentMilestones,
  projectMembers,
  scopeItems,
  sprintDeployments,
  sprints,
  users,
  type Project,
} from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { type CommandScope, projectCommand } from "@/lib/data/command";
import { decodeCursor } from "@/lib/data/cursor";
import { takeSnapshot } from "@/lib/data/estimates";
import { refreshProjectHealth } from "@/lib/data/health";
import { personOf, publishEvent } from "@/lib/data/domain-events";
import { notify } from "@/lib/data/notifications";
import { missingQualityEvidence } from "@/lib/data/quality";
import { decideMilestone, milestoneAmount } from "@/lib/domain/billing";
import type { Actor, Permission } from "@/lib/domain/permissions";
import { decideSprint, type SprintCommand } from "@/lib/domain/sprint";
import { AppError, notFound, refused, staleVersion } from "@/lib/errors";
import type {
  changeSprintPlanInput,
  planSprintInput,
  recordDeploymentInput,
  sprintAcceptanceInput,
} from "@/lib/contract/sprints";

export type Sprint = typeof sprints.$inferSelect;

const committedDaysSql = sql<number>`coalesce((select sum(${scopeItems.estimateDays}) from ${scopeItems}
    where ${scopeItems.sprintId} = ${sprints.id} and ${scopeItems.status} <>
    'dropped'), 0)`;
const committedCountSql = sql<number>`(select count(*) from ${scopeItems} where ${scopeItems.sprintId}
    = ${sprints.id} and ${scopeItems.status} <> 'dropped')`;

/** The project's sprints, newest first: all of them, or a page (`before` the cursor's sprint number). */
export async function listSprints(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
) {
  const access = await loadProjectAccess(db, actor, projectId);
  const before = page?.cursor ? decodeCursor(page.cursor, ["number"])[0] : null;
  const query = db
    .select({
      sprint: sprints,
      committedDays: committedDaysSql,
      committedItems: committedCountSql,
      milestoneStatus: paymentMilestones.status,
      milestoneAmount: paymentMilestones.amount,
    })
    .from(sprints)
    .leftJoin(paymentMilestones, eq(paymentMilestones.sprintId, sprints.id))
    .where(and(eq(sprints.projectId, projectId), before === null ? undefined : lt(sprints.number, before)))
    .orderBy(desc(sprints.number));
  const rows = await (page ? query.limit(page.limit + 1) : query);
  const billing = access.can("billing.view");
  return {
    access,
    sprints: rows.map((r) => ({
      ...r.sprint,
      committedDays: r.committedDays,
      committedItems: r.committedItems,
      milestone:
        billing && r.milestoneStatus
          ? { status: r.milestoneStatus, amount: r.milestoneAmount ?? 0, currency: access.project.currency }
          : null,
    })),
  };
}

async function loadSprint(tx: DbOrTx, projectId: string, sprintId: string): Promise<Sprint> {
  const sprint = await first(
    tx
      .select()
      .from(sprints)
      .where(and(eq(sprints.id, sprintId), eq(sprints.projectId, projectId))),
  );
  if (!sprint) throw notFound("This sprint");
  return sprint;
}

async function committed(tx: DbOrTx, sprintId: string) {
  return await tx
    .select()
    .from(scopeItems)
    .where(and(eq(scopeItems.sprintId, sprintId), sql`${scopeItems.status} <> 'dropped'`))
    .orderBy(asc(scopeItems.createdAt));
}

async function hasProductionDeployment(tx: DbOrTx, sprintId: string): Promise<boolean> {
  return Boolean(
    await first(
      tx
        .select({ id: sprintDeployments.id })
        .from(sprintDeployments)
        .where(and(eq(sprintDeployments.sprintId, sprintId), eq(sprintDeployments.environment, "production")))
        .limit(1),
    ),
  );
}

/** The state the sprint rules decide on, gathered from the database (quality gaps from the quality area). */
export async function sprintState(tx: DbOrTx, sprint: Sprint) {
  const items = await committed(tx, sprint.id);
  return {
    status: sprint.status,
    committedDays: items.reduce((a, i) => a + i.estimateDays, 0),
    committedItems: items.length,
    capacityDays: sprint.capacityDays,
    hasProductionDeployment: await hasProductionDeployment(tx, sprint.id),
    missingEvidence: await missingQualityEvidence(tx, sprint.id),
  };
}

export async function getSprint(db: DbOrTx, actor: Actor, projectId: string, sprintId: string) {
  const access = await loadProjectAccess(db, actor, projectId);
  const sprint = await loadSprint(db, projectId, sprintId);
  const state = await sprintState(db, sprint);
  const deployments = (
    await db
      .select({ d: sprintDeployments, recordedBy: users.name })
      .from(sprintDeployments)
      .innerJoin(users, eq(users.id, sprintDeployments.recordedBy))
      .where(eq(sprintDeployments.sprintId, sprint.id))
      .orderBy(desc(sprintDeployments.deployedOn), desc(sprintDeployments.createdAt))
  ).map((r) => ({ ...r.d, recordedByName: r.recordedBy }));
  const milestone = access.can("billing.view")
    ? ((await first(db.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id)))) ?? null)
    : null;
  const decidedBy = sprint.decidedBy
    ? ((await first(db.select({ name: users.name }).from(users).where(eq(users.id, sprint.decidedBy))))?.name ?? null)
    : null;
  const accept = decideSprint(state, { type: "accept", comment: "" });
  return {
    access,
    sprint,
    items: await committed(db, sprint.id),
    deployments,
    milestone,
    decidedBy,
    committedDays: state.committedDays,
    blockers: accept.ok ? [] : (accept.refusal.missing ?? []),
    missingEvidence: state.missingEvidence,
    hasProductionDeployment: state.hasProductionDeployment,
  };
}

/** Committed items must be this project's open items, not committed to another sprint. */
async function checkItems(tx: DbOrTx, projectId: string, sprintId: string | null, ids: string[]) {
  if (!ids.length) return [];
  const rows = await tx
    .select()
    .from(scopeItems)
    .where(and(eq(scopeItems.projectId, projectId), inArray(scopeItems.id, ids)));
  const bad = ids.filter((id) => {
    const row = rows.find((r) => r.id === id);
    return (
      !row || row.status === "dropped" || row.status === "done" || (row.sprintId !== null && row.sprintId !== sprintId)
    );
  });
  if (bad.length) {
    throw new AppError(
      "invalid_input",
      "Some scope items cannot be committed (unknown, done, removed or in another sprint).",
      "invalid_input",
      {
        fieldErrors: { scopeItemIds: ["Pick open scope items that are not in another sprint."] },
      },
      { problem: "scopeItemsNotCommittable", fields: { scopeItemIds: "pickOpenScopeItems" } },
    );
  }
  return rows;
}

async function commitItems(tx: DbOrTx, projectId: string, sprintId: string, ids: string[]) {
  const now = new Date().toISOString();
  // Items taken out of the sprint go back to the backlog.
  await tx
    .update(scopeItems)
    .set({ sprintId: null, status: "planned", updatedAt: now, version: sql`${scopeItems.version} + 1` })
    .where(
      and(
        eq(scopeItems.projectId, projectId),
        eq(scopeItems.sprintId, sprintId),
        ids.length ? notInArray(scopeItems.id, ids) : undefined,
      ),
    );
  if (ids.length) {
    await tx
      .update(scopeItems)
      .set({
        sprintId,
        status: sql`case when ${scopeItems.status} = 'proposed' then 'planned' else ${scopeItems.status} end`,
        updatedAt: now,
        version: sql`${scopeItems.version} + 1`,
      })
      .where(
        and(
          eq(scopeItems.projectId, projectId),
          inArray(scopeItems.id, ids),
          or(isNull(scopeItems.sprintId), eq(scopeItems.sprintId, sprintId)),
        ),
      );
  }
}

const terms = (p: Project) => ({
  billingMode: p.billingMode,
  dayRate: p.dayRate,
  fixedSprintAmount: p.fixedSprintAmount,
});

/** Plans a new sprint with its committed items; its payment milestone starts pending. */
export async function planSprint(db: Db, ctx: RequestContext, input: z.infer<typeof planSprintInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "sprint.plan",
    run: async ({ tx, project, audit }) => {
      const rows = await checkItems(tx, project.id, null, input.scopeItemIds);
      const days = rows.reduce((a, r) => a + r.estimateDays, 0);
      const draft = {
        status: "planned" as const,
        committedDays: 0,
        committedItems: 0,
        capacityDays: input.capacityDays,
        hasProductionDeployment: false,
        missingEvidence: [],
      };
      const outcome = decideSprint(draft, {
        type: "change_plan",
        committedDays: days,
        capacityDays: input.capacityDays,
      });
      if (!outcome.ok) refused(outcome.refusal);
      const last = await first(
        tx
          .select({ n: sql<number | null>`max(${sprints.number})` })
          .from(sprints)
          .where(eq(sprints.projectId, project.id)),
      );
      const sprint = await one(
        tx
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
          .returning(),
      );
      await commitItems(tx, project.id, sprint.id, input.scopeItemIds);
      await tx.insert(paymentMilestones).values({
        projectId: project.id,
        sprintId: sprint.id,
        amount: milestoneAmount(terms(project), days),
        currency: project.currency,
        status: "pending",
      });
      audit({
        action: "sprint.plan",
        objectType: "sprint",
        objectId: sprint.id,
        after: {
          number: sprint.number,
          goal: sprint.goal,
          startDate: sprint.startDate,
          endDate: sprint.endDate,
          capacityDays: sprint.capacityDays,
          committedDays: days,
          items: input.scopeItemIds,
        },
      });
      return { sprint, warnings: outcome.warnings };
    },
  });
}

export async function updateSprintPlan(db: Db, ctx: RequestContext, input: z.infer<typeof changeSprintPlanInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "sprint.plan",
    load: (tx, project) => loadSprint(tx, project.id, input.sprintId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, target: sprint, audit }) => {
      const rows = await checkItems(tx, project.id, sprint.id, input.scopeItemIds);
      const days = rows.reduce((a, r) => a + r.estimateDays, 0);
      const outcome = decideSprint(await sprintState(tx, sprint), {
        type: "change_plan",
        committedDays: days,
        capacityDays: input.capacityDays,
      });
      if (!outcome.ok) refused(outcome.refusal);
      const updated = await bump(tx, sprint, {
        goal: input.goal,
        startDate: input.startDate,
        endDate: input.endDate,
        capacityDays: input.capacityDays,
        releaseId: input.releaseId,
      });
      await commitItems(tx, project.id, sprint.id, input.scopeItemIds);
      await tx
        .update(paymentMilestones)
        .set({ amount: milestoneAmount(terms(project), days) })
        .where(and(eq(paymentMilestones.sprintId, sprint.id), eq(paymentMilestones.status, "pending")));
      audit(
        ...outcome.events.map((e) => ({
          action: e.action,
          objectType: "sprint",
          objectId: sprint.id,
          before: { goal: sprint.goal, ...(e.before as object) },
          after: { goal: input.goal, items: input.scopeItemIds, ...(e.after as object) },
        })),
      );
      return { sprint: updated, warnings: outcome.warnings };
    },
  });
}

/** Writes the sprint only if nobody changed it since it was read (the version is the token). */
async function bump(tx: DbOrTx, sprint: Sprint, set: Partial<Sprint>): Promise<Sprint> {
  const updated = await first(
    tx
      .update(sprints)
      .set({ ...set, version: sprint.version + 1 })
      .where(
        and(eq(sprints.id, sprint.id), eq(sprints.projectId, sprint.projectId), eq(sprints.version, sprint.version)),
      )
      .returning(),
  );
  if (!updated) throw staleVersion("this sprint");
  return updated;
}

/** A change of the sprint's status, decided by lib/domain/sprint; `after` adds its side effects. */
async function sprintCommand(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; sprintId: string; expectedVersion?: number },
  permission: Permission,
  command: SprintCommand,
  after: (scope: CommandScope<Sprint>, updated: Sprint) => Promise<void> | void = () => {},
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission,
    load: (tx, project) => loadSprint(tx, project.id, input.sprintId),
    expectedVersion: input.expectedVersion,
    run: async (scope) => {
      const { tx, target: sprint, audit } = scope;
      const outcome = decideSprint(await sprintState(tx, sprint), command);
      if (!outcome.ok) refused(outcome.refusal);
      const decided = command.type === "accept" || command.type === "reject";
      const updated = await bump(tx, sprint, {
        status: outcome.status,
        ...(decided
          ? {
              acceptanceComment: command.comment.trim() || null,
              decidedBy: ctx.actor.id,
              decidedAt: new Date().toISOString(),
            }
          : {}),
        // Reopened for rework: the rejection stays in the audit trail, the decision is cleared.
        ...(command.type === "reopen" ? { decidedBy: null, decidedAt: null } : {}),
      });
      audit(
        ...outcome.events.map((e) => ({
          action: e.action,
          objectType: "sprint",
          objectId: sprint.id,
          before: e.before,
          after: e.after,
        })),
      );
      await after(scope, updated);
      return { sprint: updated, warnings: outcome.warnings };
    },
  });
}

const membersWithRole = async (tx: DbOrTx, projectId: string, role: "project_manager" | "client_owner") =>
  (
    await tx
      .select({ userId: projectMembers.userId })
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, role)))
  ).map((m) => m.userId);

export async function startSprint(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; sprintId: string; expectedVersion?: number },
) {
  return await sprintCommand(
    db,
    ctx,
    input,
    "sprint.plan",
    { type: "start" },
    async ({ tx, project, target: sprint }) => {
      await tx
        .update(scopeItems)
        .set({ status: "in_progress", updatedAt: new Date().toISOString(), version: sql`${scopeItems.version} + 1` })
        .where(
          and(
            eq(scopeItems.projectId, project.id),
            eq(scopeItems.sprintId, sprint.id),
            inArray(scopeItems.status, ["proposed", "planned"]),
          ),
        );
    },
  );
}

export async function submitSprintForReview(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; sprintId: string; expectedVersion?: number },
) {
  return await sprintCommand(
    db,
    ctx,
    input,
    "sprint.deliver",
    { type: "submit_review" },
    async ({ tx, project, target: sprint }) => {
      await notify(tx, ctx.actor.id, {
        userIds: await membersWithRole(tx, project.id, "client_owner"),
        projectId: project.id,
        kind: "sprint.review",
        title: `Sprint ${sprint.number} of ${project.name} is ready for your acceptance`,
        params: { number: sprint.number, project: project.name },
        href: `/projects/${project.id}/sprints/${sprint.id}`,
      });
    },
  );
}

export async function reopenSprint(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; sprintId: string; expectedVersion?: number },
) {
  return await sprintCommand(db, ctx, input, "sprint.plan", { type: "reopen" });
}

/**
 * The client owner's decision. Acceptance marks the committed items done, makes the payment
 * milestone billable at the accepted scope's value and takes an estimate snapshot, atomically.
 */
export async function decideSprintAcceptance(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof sprintAcceptanceInput>,
) {
  const command: SprintCommand =
    input.decision === "accept"
      ? { type: "accept", comment: input.comment }
      : { type: "reject", comment: input.comment };
  return await sprintCommand(
    db,
    ctx,
    input,
    "sprint.accept",
    command,
    async ({ tx, project, target: sprint, audit }) => {
      if (input.decision === "accept") {
        const now = new Date().toISOString();
        const items = await committed(tx, sprint.id);
        const acceptedDays = items.reduce((a, i) => a + i.estimateDays, 0);
        await tx
          .update(scopeItems)
          .set({ status: "done", updatedAt: now, version: sql`${scopeItems.version} + 1` })
          .where(
            and(
              eq(scopeItems.projectId, project.id),
              eq(scopeItems.sprintId, sprint.id),
              sql`${scopeItems.status} <> 'dropped'`,
            ),
          );
        let milestone = await first(
          tx.select().from(paymentMilestones).where(eq(paymentMilestones.sprintId, sprint.id)),
        );
        if (!milestone) {
          milestone = await one(
            tx
              .insert(paymentMilestones)
              .values({ projectId: project.id, sprintId: sprint.id, amount: 0, currency: project.currency })
              .returning(),
          );
        }
        const billable = decideMilestone(
          milestone.status,
          { type: "make_billable", amount: milestoneAmount(terms(project), acceptedDays) },
          now,
        );
        if (!billable.ok) refused(billable.refusal);
        await tx
          .update(paymentMilestones)
          .set({ ...billable.change, currency: project.currency, version: milestone.version + 1 })
          .where(and(eq(paymentMilestones.id, milestone.id), eq(paymentMilestones.projectId, project.id)));
        audit({
          action: billable.action,
          objectType: "payment_milestone",
          objectId: milestone.id,
          before: { status: milestone.status, amount: milestone.amount },
          after: { status: "billable", amount: billable.change.amount, acceptedDays, currency: project.currency },
        });
        await takeSnapshot(tx, project, "sprint_close", sprint.id);
        await publishEvent(tx, "milestone.billable", project, {
          milestone: {
            id: milestone.id,
            sprintId: sprint.id,
            status: "billable",
            amount: billable.change.amount ?? milestone.amount,
            currency: project.currency,
            invoiceReference: milestone.invoiceReference,
          },
          by: personOf(ctx.actor),
        });
      }
      await publishEvent(tx, input.decision === "accept" ? "sprint.accepted" : "sprint.rejected", project, {
        sprint: {
          id: sprint.id,
          number: sprint.number,
          goal: sprint.goal,
          status: input.decision === "accept" ? "accepted" : "rejected",
        },
        decidedBy: personOf(ctx.actor),
        comment: input.comment,
      });
      await notify(tx, ctx.actor.id, {
        userIds: await membersWithRole(tx, project.id, "project_manager"),
        projectId: project.id,
        kind: `sprint.${input.decision}`,
        title:
          `Sprint ${sprint.number} of ${project.name} ` +
          `was ${input.decision === "accept" ? "accepted" : "rejected"} by the client`,
        params: { number: sprint.number, project: project.name },
        href: `/projects/${project.id}/sprints/${sprint.id}`,
      });
      await refreshProjectHealth(tx, project.id);
    },
  );
}

export async function recordDeployment(db: Db, ctx: RequestContext, input: z.infer<typeof recordDeploymentInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "sprint.deliver",
    load: (tx, project) => loadSprint(tx, project.id, input.sprintId),
    run: async ({ tx, target: sprint, audit }) => {
      const outcome = decideSprint(await sprintState(tx, sprint), {
        type: "record_deployment",
        environment: input.environment,
      });
      if (!outcome.ok) refused(outcome.refusal);
      const deployment = await one(
        tx
          .insert(sprintDeployments)
          .values({
            sprintId: sprint.id,
            releaseVersion: input.releaseVersion,
            environment: input.environment,
            deployedOn: input.deployedOn,
            recordedBy: ctx.actor.id,
          })
          .returning(),
      );
      // A deployment changes what the client sees on the sprint: bump so stale pages notice.
      await bump(tx, sprint, {});
      audit({
        action: "sprint.deployment.record",
        objectType: "sprint",
        objectId: sprint.id,
        after: { releaseVersion: input.releaseVersion, environment: input.environment, deployedOn: input.deployedOn },
      });
      return deployment;
    },
  });
}
