// The estimate trail: a snapshot at every baseline and every sprint acceptance (DESIGN.md §2).
import { and, asc, eq, inArray, ne, sql, sum } from "drizzle-orm";
import { type DbOrTx, first, one } from "@/db/client";
import {
  estimateSnapshots,
  paymentMilestones,
  releases,
  scopeBaselines,
  scopeItems,
  sprints,
  type Project,
} from "@/db/schema";
import { loadProjectAccess } from "@/lib/data/access";
import { estimate, trailSummary, type AcceptedSprint } from "@/lib/domain/estimate";
import type { Actor } from "@/lib/domain/permissions";
import type { EstimatePoint, EstimateTrailView } from "@/lib/views/estimate-trail";

const today = () => new Date().toISOString().slice(0, 10);

/** Person-days delivered by each accepted sprint (its committed items, now done), oldest first. */
export async function acceptedSprintHistory(tx: DbOrTx, projectId: string): Promise<AcceptedSprint[]> {
  return await tx
    .select({
      startDate: sprints.startDate,
      endDate: sprints.endDate,
      deliveredDays: sql<number>`coalesce((select sum(${scopeItems.estimateDays}) from ${scopeItems}
          where ${scopeItems.sprintId} = ${sprints.id} and ${scopeItems.status} =
          'done'), 0)`,
    })
    .from(sprints)
    .where(and(eq(sprints.projectId, projectId), eq(sprints.status, "accepted")))
    .orderBy(asc(sprints.number));
}

/**
 * Computes the current estimate from the project's scope, sprints and billing, without storing it.
 * The go-live is the MVP's: when the roadmap has a release 1, only its scope counts.
 */
export async function currentEstimate(tx: DbOrTx, project: Project, asOf = today()) {
  const mvp = await first(
    tx
      .select({ id: releases.id })
      .from(releases)
      .where(and(eq(releases.projectId, project.id), eq(releases.number, 1))),
  );
  const scope = await first(
    tx
      .select({
        total: sql<number>`coalesce(sum(case when ${scopeItems.status} <> 'dropped' and ${scopeItems.priority}
            <> 'wont' then ${scopeItems.estimateDays} else 0 end), 0)`,
        done: sql<number>`coalesce(sum(case when ${scopeItems.status} = 'done' then ${scopeItems.estimateDays}
            else 0 end), 0)`,
      })
      .from(scopeItems)
      .where(and(eq(scopeItems.projectId, project.id), mvp ? eq(scopeItems.releaseId, mvp.id) : undefined)),
  );
  const planned = await first(
    tx
      .select({ capacity: sql<number | null>`avg(${sprints.capacityDays})` })
      .from(sprints)
      .where(and(eq(sprints.projectId, project.id), ne(sprints.status, "rejected"))),
  );
  const billed = await first(
    tx
      .select({ amount: sum(paymentMilestones.amount).mapWith(Number) })
      .from(paymentMilestones)
      .where(
        and(
          eq(paymentMilestones.projectId, project.id),
          inArray(paymentMilestones.status, ["billable", "invoiced", "paid"]),
        ),
      ),
  );
  return estimate({
    totalDays: scope?.total ?? 0,
    doneDays: scope?.done ?? 0,
    acceptedSprints: await acceptedSprintHistory(tx, project.id),
    plannedCapacityDays: planned?.capacity ?? null,
    asOf,
    targetGoLive: project.targetGoLiveDate,
    billing: { mode: project.billingMode, dayRate: project.dayRate, fixedSprintAmount: project.fixedSprintAmount },
    billedCents: billed?.amount ?? 0,
  });
}

/** Stores a snapshot of the current estimate. Call inside the transaction that caused it. */
export async function takeSnapshot(
  tx: DbOrTx,
  project: Project,
  kind: "baseline" | "sprint_close",
  sprintId: string | null,
) {
  const e = await currentEstimate(tx, project);
  return await one(
    tx
      .insert(estimateSnapshots)
      .values({
        projectId: project.id,
        sprintId,
        kind,
        takenAt: new Date().toISOString(),
        doneDays: e.doneDays,
        remainingDays: e.remainingDays,
        velocityDaysPerSprint: e.velocityDaysPerSprint,
        forecastGoLive: e.forecastGoLive,
        forecastGoLiveEarliest: e.forecastGoLiveEarliest,
        forecastGoLiveLatest: e.forecastGoLiveLatest,
        forecastCost: e.forecastCost,
        currency: project.currency,
      })
      .returning(),
  );
}

/**
 * The estimate trail of a project with its burn-up. Forecast costs are internal figures: only
 * accounts that may see internal data get them.
 */
export async function estimateTrail(db: DbOrTx, actor: Actor, projectId: string): Promise<EstimateTrailView> {
  const access = await loadProjectAccess(db, actor, projectId);
  const rows = await db
    .select({ snapshot: estimateSnapshots, sprintNumber: sprints.number })
    .from(estimateSnapshots)
    .leftJoin(sprints, eq(sprints.id, estimateSnapshots.sprintId))
    .where(eq(estimateSnapshots.projectId, projectId))
    .orderBy(asc(estimateSnapshots.takenAt), asc(estimateSnapshots.id));
  const baselineVersions = await db
    .select({ approvedAt: scopeBaselines.approvedAt, version: scopeBaselines.version })
    .from(scopeBaselines)
    .where(eq(scopeBaselines.projectId, projectId))
    .orderBy(asc(scopeBaselines.approvedAt));
  let baselineIndex = 0;
  const points: EstimatePoint[] = rows.map(({ snapshot: s, sprintNumber }) => {
    let label: string;
    if (s.kind === "baseline") {
      const version = baselineVersions[baselineIndex++]?.version;
      label = version ? `Baseline v${version}` : "Baseline";
    } else label = sprintNumber ? `Sprint ${sprintNumber}` : "Sprint close";
    return {
      takenAt: s.takenAt,
      kind: s.kind,
      label,
      doneDays: s.doneDays,
      remainingDays: s.remainingDays,
      forecastGoLive: s.forecastGoLive,
      forecastGoLiveEarliest: s.forecastGoLiveEarliest,
      forecastGoLiveLatest: s.forecastGoLiveLatest,
      forecastCost: s.forecastCost,
      velocity: s.velocityDaysPerSprint,
      currency: s.currency,
    };
  });
  const showCost = access.can("project.viewInternal");
  const visible = showCost ? points : points.map((p) => ({ ...p, forecastCost: null }));
  return {
    points: visible,
    showCost,
    targetGoLive: access.project.targetGoLiveDate,
    summary: trailSummary(visible, access.project.targetGoLiveDate),
  };
}
