// The portfolio table of the dashboard: one page of visible projects (filtered and sorted in
// SQL, offset pagination over indexed columns) enriched with per-page aggregates: current
// gate, health computed now with its reasons, next milestone and billable amount.
import { gateTexts } from "@/lib/data/policy-texts";
import type { Locale } from "@/lib/i18n/locale";
import { and, asc, count, desc, eq, exists, inArray, min, gte, sql, type SQL } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import {
  clientOrganizations,
  gates,
  paymentMilestones,
  projectMembers,
  projects,
  sprints,
  trainingSessions,
} from "@/db/schema";
import { computeHealth, refreshPortfolioHealth, storeHealth, todayUtc } from "@/lib/data/health";
import { visibleProjectsWhere } from "@/lib/data/projects";
import type { HealthReason } from "@/lib/domain/health";
import { can, type Actor } from "@/lib/domain/permissions";
import type { PortfolioQuery } from "@/lib/validation/dashboard";

/**
 * `label` is the English name (exports, the API); `number` and `name` (the gate's, or the sprint's
 * number) let a page name the milestone in the reader's language.
 */
export type Milestone = {
  kind: "gate" | "sprint_end" | "training" | "go_live";
  label: string;
  date: string;
  number?: number;
  name?: string;
};

export type PortfolioRow = {
  id: string;
  name: string;
  client: { id: string; name: string };
  status: (typeof projects.$inferSelect)["status"];
  currentGate: {
    number: number;
    name: string;
    // The language the name is shown in when it is not translated into the reader's (null: it is).
    nameUntranslated?: Locale | null;
    status: string;
    plannedDate: string | null;
  } | null;
  health: "green" | "amber" | "red";
  healthReasons: HealthReason[];
  nextMilestone: Milestone | null;
  targetGoLiveDate: string;
  /** Sum of billable payment milestones (minor units); null when the actor may not see billing. */
  billable: { amount: number; currency: string } | null;
};

const HEALTH_ORDER = sql`case ${projects.health} when 'red' then 0 when 'amber' then 1 else 2 end`;

function orderFor(query: PortfolioQuery): SQL[] {
  const dir = query.dir === "desc" ? desc : asc;
  const tail = [asc(projects.name), asc(projects.id)];
  switch (query.sort) {
    case "client":
      return [dir(clientOrganizations.name), ...tail];
    case "gate":
      return [dir(projects.currentGate), ...tail];
    case "goLive":
      return [dir(projects.targetGoLiveDate), ...tail];
    case "health":
      return [query.dir === "desc" ? sql`${HEALTH_ORDER} desc` : HEALTH_ORDER, ...tail];
    default:
      return [dir(projects.name), asc(projects.id)];
  }
}

// When the dashboard filters or sorts by the cached health, the whole cache is refreshed first,
// at most once a minute per process: time alone can turn a project amber (an overdue gate).
const HEALTH_MAX_AGE_MS = 60_000;
const healthRefreshedAt = new WeakMap<object, number>();
export async function refreshHealthIfStale(db: DbOrTx, now = Date.now(), today = todayUtc()): Promise<boolean> {
  if (now - (healthRefreshedAt.get(db) ?? 0) < HEALTH_MAX_AGE_MS) return false;
  await refreshPortfolioHealth(db, today);
  healthRefreshedAt.set(db, now);
  return true;
}

/** The current gate as the portfolio shows it, its name in the reader's language. */
function currentGateOf(
  g: Parameters<typeof gateTexts>[0] & { number: number; status: string; plannedDate: string | null },
  reader: Locale | undefined,
) {
  const { name, nameUntranslated } = gateTexts(g, reader);
  return { number: g.number, name, nameUntranslated, status: g.status, plannedDate: g.plannedDate };
}

export async function listPortfolio(
  db: DbOrTx,
  actor: Actor,
  query: PortfolioQuery,
  today = todayUtc(),
  reader?: Locale,
) {
  if (query.health || query.sort === "health") await refreshHealthIfStale(db, Date.now(), today);
  const where = and(
    visibleProjectsWhere(actor),
    query.status ? eq(projects.status, query.status) : undefined,
    query.health ? eq(projects.health, query.health) : undefined,
    query.client ? eq(projects.organizationId, query.client) : undefined,
  );
  const total = (await first(db.select({ n: count() }).from(projects).where(where)))!.n;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const page = Math.min(query.page, pages);
  const rows = await db
    .select({ project: projects, client: { id: clientOrganizations.id, name: clientOrganizations.name } })
    .from(projects)
    .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
    .where(where)
    .orderBy(...orderFor(query))
    .limit(query.pageSize)
    .offset((page - 1) * query.pageSize);
  const list = rows.map((r) => r.project);
  const ids = list.map((p) => p.id);

  const verdicts = await computeHealth(db, list, today);
  // Keep the cached column (used by the health filter and sort) in line with what we show.
  await storeHealth(db, list, verdicts);
  const milestones = await nextMilestones(db, list, today, reader);
  const billable = await billableAmounts(db, ids);
  const roles = await memberRolesOf(db, actor, ids);
  const current = ids.length
    ? await db
        .select({
          projectId: gates.projectId,
          number: gates.number,
          name: gates.name,
          objectives: gates.objectives,
          language: gates.language,
          translations: gates.translations,
          status: gates.status,
          plannedDate: gates.plannedDate,
        })
        .from(gates)
        .innerJoin(projects, and(eq(projects.id, gates.projectId), eq(projects.currentGate, gates.number)))
        .where(inArray(gates.projectId, ids))
    : [];
  const gateOf = new Map(current.map((g) => [g.projectId, g]));

  const items: PortfolioRow[] = rows.map(({ project, client }) => {
    const verdict = verdicts.get(project.id)!;
    const g = gateOf.get(project.id);
    const canBill = can(actor, project, roles.get(project.id) ?? [], "billing.view");
    return {
      id: project.id,
      name: project.name,
      client,
      status: project.status,
      currentGate: g ? currentGateOf(g, reader) : null,
      health: verdict.health,
      healthReasons: verdict.reasons,
      nextMilestone: milestones.get(project.id) ?? null,
      targetGoLiveDate: project.targetGoLiveDate,
      billable: canBill ? { amount: billable.get(project.id) ?? 0, currency: project.currency } : null,
    };
  });
  return { items, total, page, pages, pageSize: query.pageSize };
}

/** The client organisations that appear in the actor's visible projects (for the filter). */
export async function portfolioClients(db: DbOrTx, actor: Actor) {
  // Per organisation, stop at its first visible project (cheaper than listing every project).
  const visibleProject = db
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.organizationId, clientOrganizations.id), visibleProjectsWhere(actor)));
  return await db
    .select({ id: clientOrganizations.id, name: clientOrganizations.name })
    .from(clientOrganizations)
    .where(exists(visibleProject))
    .orderBy(asc(clientOrganizations.name));
}

async function memberRolesOf(db: DbOrTx, actor: Actor, ids: string[]) {
  const byProject = new Map<string, (typeof projectMembers.$inferSelect)["role"][]>();
  if (!ids.length) return byProject;
  for (const m of await db
    .select({ projectId: projectMembers.projectId, role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.userId, actor.id), inArray(projectMembers.projectId, ids)))) {
    byProject.set(m.projectId, [...(byProject.get(m.projectId) ?? []), m.role]);
  }
  return byProject;
}

export async function billableAmounts(db: DbOrTx, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  return new Map(
    (
      await db
        .select({ projectId: paymentMilestones.projectId, amount: sql<number>`sum(${paymentMilestones.amount})` })
        .from(paymentMilestones)
        .where(and(inArray(paymentMilestones.projectId, ids), eq(paymentMilestones.status, "billable")))
        .groupBy(paymentMilestones.projectId)
    ).map((r) => [r.projectId, Number(r.amount)]),
  );
}

/** The earliest of: next undecided gate, next sprint end, next training session, go-live. */
export async function nextMilestones(
  db: DbOrTx,
  list: { id: string; targetGoLiveDate: string; status: string }[],
  today = todayUtc(),
  reader?: Locale,
): Promise<Map<string, Milestone>> {
  const ids = list.map((p) => p.id);
  const out = new Map<string, Milestone>();
  if (!ids.length) return out;
  const consider = (projectId: string, m: Milestone) => {
    const seen = out.get(projectId);
    if (!seen || m.date < seen.date) out.set(projectId, m);
  };
  // The page's gates are found by project (one per gate of its policy) and filtered here: a status condition in
  // SQL would let SQLite walk every open gate of the portfolio instead.
  for (const g of await db
    .select({
      projectId: gates.projectId,
      date: gates.plannedDate,
      number: gates.number,
      name: gates.name,
      objectives: gates.objectives,
      language: gates.language,
      translations: gates.translations,
      status: gates.status,
    })
    .from(gates)
    .where(inArray(gates.projectId, ids))) {
    if (g.date && (g.status === "pending" || g.status === "in_review")) {
      const name = gateTexts(g, reader).name;
      consider(g.projectId, { kind: "gate", label: `Gate ${g.number}: ${name}`, date: g.date, number: g.number, name });
    }
  }
  // Every open sprint still to end; consider() keeps each project's earliest.
  for (const s of await db
    .select({ projectId: sprints.projectId, date: sprints.endDate, number: sprints.number })
    .from(sprints)
    .where(
      and(
        inArray(sprints.projectId, ids),
        inArray(sprints.status, ["planned", "active", "in_review"]),
        gte(sprints.endDate, today),
      ),
    )) {
    if (s.date)
      consider(s.projectId, { kind: "sprint_end", label: `Sprint ${s.number} ends`, date: s.date, number: s.number });
  }
  for (const t of await db
    .select({ projectId: trainingSessions.projectId, startsAt: min(trainingSessions.startsAt) })
    .from(trainingSessions)
    .where(and(inArray(trainingSessions.projectId, ids), gte(trainingSessions.startsAt, today)))
    .groupBy(trainingSessions.projectId)) {
    if (t.startsAt)
      consider(t.projectId, { kind: "training", label: "Training session", date: t.startsAt.slice(0, 10) });
  }
  for (const p of list) {
    if ((p.status === "active" || p.status === "on_hold") && p.targetGoLiveDate >= today) {
      consider(p.id, { kind: "go_live", label: "Go-live", date: p.targetGoLiveDate });
    }
  }
  return out;
}
