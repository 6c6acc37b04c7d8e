// Health facts for many projects at once (a handful of grouped queries, one per fact, each
// served by an index on project_id), and the cached projects.health/healthReasons.
//
// Policy: health is computed on read for the rows a page shows (computeHealth), because
// some causes (an overdue gate, a past-due condition) appear with the passing of time and
// no write. The cached column, which the dashboard filters and sorts by, is kept up to date
// by refreshProjectHealth (other areas call it inside their transaction after a change that
// can affect health), by writing back any difference found on read, and by
// refreshPortfolioHealth (run by `npm run reports:weekly`).
import { and, count, eq, inArray, isNull, lt, max, or, sql } from "drizzle-orm";
import { type DbOrTx, first, transaction } from "@/db/client";
import {
  artifacts,
  escalations,
  estimateSnapshots,
  gateConditions,
  gates,
  projects,
  qualityEvidence,
  qualitySelections,
  sprints,
  type Project,
} from "@/db/schema";
import {
  assessHealth,
  readHealthReasons,
  sameHealthReasons,
  type HealthFacts,
  type HealthReason,
  type HealthVerdict,
} from "@/lib/domain/health";

export const todayUtc = () => new Date().toISOString().slice(0, 10);

type ProjectCore = Pick<Project, "id" | "status" | "targetGoLiveDate" | "currentGate">;

const countBy = (rows: { projectId: string; n: number }[]) => new Map(rows.map((r) => [r.projectId, r.n]));

/** Gathers the health facts of these projects with one query per fact. */
export async function gatherHealthFacts(
  db: DbOrTx,
  list: ProjectCore[],
  today = todayUtc(),
): Promise<Map<string, HealthFacts>> {
  const facts = new Map<string, HealthFacts>();
  if (list.length === 0) return facts;
  const ids = list.map((p) => p.id);

  const currentGates = (
    await db
      .select({
        projectId: gates.projectId,
        number: gates.number,
        name: gates.name,
        status: gates.status,
        plannedDate: gates.plannedDate,
      })
      .from(gates)
      .innerJoin(projects, and(eq(projects.id, gates.projectId), eq(projects.currentGate, gates.number)))
      .where(inArray(gates.projectId, ids))
  )
    // Filtered here, not in SQL, so SQLite always finds the page's gates by project (one row each).
    .filter((g) => g.status === "pending" || g.status === "in_review");
  const gateOf = new Map(currentGates.map((g) => [g.projectId, g]));

  const changesRequested = countBy(
    await db
      .select({ projectId: artifacts.projectId, n: count() })
      .from(artifacts)
      .where(and(inArray(artifacts.projectId, ids), eq(artifacts.status, "changes_requested")))
      .groupBy(artifacts.projectId),
  );

  // A failed activity counts while it is the latest evidence recorded for that activity and
  // its sprint has not been accepted (a later pass or waiver clears it).
  const later = sql`exists (select 1 from ${qualityEvidence} e2 where e2.selection_id = ${qualityEvidence.selectionId}
    and e2.activity_key = ${qualityEvidence.activityKey} and e2.recorded_at > ${qualityEvidence.recordedAt})`;
  // A sprint without its own selection is held to its release's (lib/domain/quality-selection).
  const inheritedRelease = and(
    isNull(qualitySelections.sprintId),
    eq(qualitySelections.releaseId, sprints.releaseId),
    sql`not exists (select 1 from ${qualitySelections} own where own.sprint_id = ${sprints.id})`,
  );
  const failedEvidence = countBy(
    await db
      .select({
        projectId: sprints.projectId,
        n: sql<number>`count(distinct ${qualityEvidence.selectionId} || ':' || ${qualityEvidence.activityKey})`,
      })
      .from(sprints)
      .innerJoin(qualitySelections, or(eq(qualitySelections.sprintId, sprints.id), inheritedRelease))
      .innerJoin(qualityEvidence, eq(qualityEvidence.selectionId, qualitySelections.id))
      .where(
        and(
          inArray(sprints.projectId, ids),
          inArray(sprints.status, ["planned", "active", "in_review", "rejected"]),
          eq(qualityEvidence.result, "failed"),
          sql`not ${later}`,
        ),
      )
      .groupBy(sprints.projectId),
  );

  const blocking = countBy(
    await db
      .select({ projectId: escalations.projectId, n: count() })
      .from(escalations)
      .where(
        and(
          inArray(escalations.projectId, ids),
          inArray(escalations.status, ["open", "triaged", "in_progress"]),
          eq(escalations.blocking, true),
        ),
      )
      .groupBy(escalations.projectId),
  );

  const overdueConditions = countBy(
    await db
      .select({ projectId: gates.projectId, n: count() })
      .from(gateConditions)
      .innerJoin(gates, eq(gates.id, gateConditions.gateId))
      .where(and(inArray(gates.projectId, ids), eq(gateConditions.status, "open"), lt(gateConditions.dueDate, today)))
      .groupBy(gates.projectId),
  );

  // Each project's latest snapshot (the one whose taken_at is its maximum).
  const latest = db
    .select({ projectId: estimateSnapshots.projectId, takenAt: max(estimateSnapshots.takenAt).as("latest_taken_at") })
    .from(estimateSnapshots)
    .where(inArray(estimateSnapshots.projectId, ids))
    .groupBy(estimateSnapshots.projectId)
    .as("latest");
  const forecasts = await db
    .select({ projectId: estimateSnapshots.projectId, forecast: estimateSnapshots.forecastGoLive })
    .from(estimateSnapshots)
    .innerJoin(
      latest,
      and(eq(latest.projectId, estimateSnapshots.projectId), eq(latest.takenAt, estimateSnapshots.takenAt)),
    );
  const forecastOf = new Map(forecasts.map((f) => [f.projectId, f.forecast]));

  for (const p of list) {
    const gate = gateOf.get(p.id);
    facts.set(p.id, {
      status: p.status,
      targetGoLiveDate: p.targetGoLiveDate,
      currentGate: gate
        ? { number: gate.number, name: gate.name, status: gate.status, plannedDate: gate.plannedDate }
        : null,
      changesRequestedArtifacts: changesRequested.get(p.id) ?? 0,
      failedQualityActivities: failedEvidence.get(p.id) ?? 0,
      openBlockingEscalations: blocking.get(p.id) ?? 0,
      overdueConditions: overdueConditions.get(p.id) ?? 0,
      forecastGoLive: forecastOf.get(p.id) ?? null,
    });
  }
  return facts;
}

/** Health of these projects now, by project id. */
export async function computeHealth(
  db: DbOrTx,
  list: ProjectCore[],
  today = todayUtc(),
): Promise<Map<string, HealthVerdict>> {
  const facts = await gatherHealthFacts(db, list, today);
  return new Map([...facts].map(([id, f]) => [id, assessHealth(f, today)]));
}

/**
 * Stores freshly computed health where the cache differs: the whole reasons (code, severity, values
 * and English text), so a page can say the cached reasons in its reader's language. A row still
 * holding the older plain sentences differs from any reason with values, so it is rewritten.
 * Health is derived data (no version bump, no audit event: the changes that caused it are audited
 * themselves).
 */
export async function storeHealth(
  db: DbOrTx,
  cached: Pick<Project, "id" | "health" | "healthReasons">[],
  verdicts: Map<string, HealthVerdict>,
): Promise<number> {
  const changes: { id: string; health: HealthVerdict["health"]; reasons: HealthReason[] }[] = [];
  for (const p of cached) {
    const v = verdicts.get(p.id);
    if (!v) continue;
    if (v.health === p.health && sameHealthReasons(v.reasons, readHealthReasons(p.healthReasons, p.health))) continue;
    changes.push({ id: p.id, health: v.health, reasons: v.reasons });
  }
  // Reads (the dashboard) call this too: only a real change takes the write transaction.
  if (changes.length === 0) return 0;
  await transaction(db, async (tx) => {
    for (const c of changes)
      await tx.update(projects).set({ health: c.health, healthReasons: c.reasons }).where(eq(projects.id, c.id));
  });
  return changes.length;
}

/** Recomputes and stores one project's health. Call inside the transaction of any change that can affect it. */
export async function refreshProjectHealth(
  tx: DbOrTx,
  projectId: string,
  today = todayUtc(),
): Promise<HealthVerdict | null> {
  const project = await first(tx.select().from(projects).where(eq(projects.id, projectId)));
  if (!project) return null;
  const verdicts = await computeHealth(tx, [project], today);
  await storeHealth(tx, [project], verdicts);
  return verdicts.get(projectId) ?? null;
}

/** Recomputes every project's health in pages (nightly/weekly job). Returns how many changed. */
export async function refreshPortfolioHealth(db: DbOrTx, today = todayUtc(), pageSize = 200): Promise<number> {
  let changed = 0;
  let offset = 0;
  for (;;) {
    const page = await db
      .select({
        id: projects.id,
        status: projects.status,
        targetGoLiveDate: projects.targetGoLiveDate,
        currentGate: projects.currentGate,
        health: projects.health,
        healthReasons: projects.healthReasons,
      })
      .from(projects)
      .orderBy(projects.id)
      .limit(pageSize)
      .offset(offset);
    if (page.length === 0) return changed;
    changed += await storeHealth(db, page, await computeHealth(db, page, today));
    offset += pageSize;
  }
}
