// Reads for the macro schedule of one project and the portfolio timeline.
import { and, asc, eq, gte, inArray, isNotNull, lte, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  clientOrganizations,
  gates,
  migrationWaves,
  projects,
  sprints,
  trainingModules,
  trainingSessions,
} from "@/db/schema";
import { loadProjectAccess } from "@/lib/data/access";
import { todayUtc } from "@/lib/data/health";
import { visibleProjectsWhere } from "@/lib/data/projects";
import type { Actor } from "@/lib/domain/permissions";
import type { ScheduleItem, ScheduleState } from "@/lib/domain/schedule";

const GATE_DONE = new Set(["go", "conditional_go"]);

export async function projectSchedule(db: DbOrTx, actor: Actor, projectId: string, today = todayUtc()) {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const items: ScheduleItem[] = [];

  for (const g of (
    await db.select().from(gates).where(eq(gates.projectId, projectId)).orderBy(asc(gates.number))
  ).reverse()) {
    const decided = g.decidedAt?.slice(0, 10);
    const date = GATE_DONE.has(g.status) && decided ? decided : (g.plannedDate ?? decided);
    if (!date) continue;
    const state: ScheduleState = GATE_DONE.has(g.status)
      ? "done"
      : g.number === project.currentGate && date < today
        ? "late"
        : g.number === project.currentGate
          ? "active"
          : "planned";
    items.push({ group: "Gates", kind: "Gate", label: `${g.number} ${g.name}`, start: date, state });
  }
  items.push({
    group: "Gates",
    kind: "Go-live",
    label: "Target go-live",
    start: project.targetGoLiveDate,
    state: project.status === "live" || project.status === "closed" ? "done" : "planned",
  });

  for (const s of await db
    .select()
    .from(sprints)
    .where(eq(sprints.projectId, projectId))
    .orderBy(asc(sprints.number))) {
    const state: ScheduleState =
      s.status === "accepted"
        ? "done"
        : s.status === "rejected"
          ? "late"
          : s.status === "planned"
            ? "planned"
            : "active";
    items.push({
      group: "Sprints",
      kind: "Sprint",
      label: `${s.number} ${s.goal}`,
      start: s.startDate,
      end: s.endDate,
      state,
    });
  }

  for (const t of await db
    .select({ startsAt: trainingSessions.startsAt, mode: trainingSessions.mode, moduleName: trainingModules.name })
    .from(trainingSessions)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
    .where(eq(trainingSessions.projectId, projectId))
    .orderBy(asc(trainingSessions.startsAt))) {
    const date = t.startsAt.slice(0, 10);
    items.push({
      group: "Training",
      kind: "Training",
      label: `${t.moduleName} (${t.mode === "remote" ? "remote" : "on site"})`,
      start: date,
      end: date,
      state: date < today ? "done" : "planned",
    });
  }

  for (const w of await db
    .select()
    .from(migrationWaves)
    .where(eq(migrationWaves.projectId, projectId))
    .orderBy(asc(migrationWaves.plannedDate))) {
    const state: ScheduleState =
      w.status === "completed"
        ? "done"
        : w.status === "failed"
          ? "late"
          : w.status === "planned"
            ? "planned"
            : "active";
    // Waves carry the product module they migrate, when known: the Gantt groups them by it.
    items.push({
      group: w.module ? `Migration · ${w.module}` : "Migration",
      kind: "Migration",
      label: `${w.name} (${w.segment})`,
      start: w.plannedDate,
      state,
    });
  }
  return { project, items };
}

export type TimelineEntry = {
  date: string;
  kind: "gate" | "go_live";
  projectId: string;
  projectName: string;
  clientName: string;
  label: string;
  /** A gate's number and name, so a page can name it in the reader's language (`label` is English). */
  gate?: { number: number; name: string };
  overdue: boolean;
};

/**
 * Upcoming gates (undecided, planned from `from - graceDays`, so recent overdue ones show)
 * and target go-lives of the visible active projects, up to `until`.
 */
export async function portfolioTimeline(
  db: DbOrTx,
  actor: Actor,
  options: { from?: string; until?: string; limit?: number } = {},
) {
  const from = options.from ?? todayUtc();
  const until =
    options.until ?? new Date(Date.parse(`${from}T00:00:00Z`) + 365 * 86_400_000).toISOString().slice(0, 10);
  const limit = options.limit ?? 500;
  const visible = and(visibleProjectsWhere(actor), inArray(projects.status, ["active", "on_hold"]));

  const gateRows = await db
    .select({
      date: gates.plannedDate,
      number: gates.number,
      name: gates.name,
      projectId: projects.id,
      projectName: projects.name,
      clientName: clientOrganizations.name,
      currentGate: projects.currentGate,
    })
    .from(gates)
    .innerJoin(projects, eq(projects.id, gates.projectId))
    .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
    .where(
      and(
        visible,
        inArray(gates.status, ["pending", "in_review"]),
        isNotNull(gates.plannedDate),
        lte(gates.plannedDate, until),
        // Future gates, plus the current gate when it is already overdue.
        or(gte(gates.plannedDate, from), eq(gates.number, projects.currentGate)),
      ),
    )
    .orderBy(asc(gates.plannedDate))
    .limit(limit);

  const goLives = await db
    .select({
      date: projects.targetGoLiveDate,
      projectId: projects.id,
      projectName: projects.name,
      clientName: clientOrganizations.name,
    })
    .from(projects)
    .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
    .where(and(visible, gte(projects.targetGoLiveDate, from), lte(projects.targetGoLiveDate, until)))
    .orderBy(asc(projects.targetGoLiveDate))
    .limit(limit);

  const entries: TimelineEntry[] = [
    ...gateRows.map((g) => ({
      date: g.date!,
      kind: "gate" as const,
      projectId: g.projectId,
      projectName: g.projectName,
      clientName: g.clientName,
      label: `Gate ${g.number}: ${g.name}`,
      gate: { number: g.number, name: g.name },
      overdue: g.date! < from,
    })),
    ...goLives.map((p) => ({
      date: p.date,
      kind: "go_live" as const,
      projectId: p.projectId,
      projectName: p.projectName,
      clientName: p.clientName,
      label: "Target go-live",
      overdue: false,
    })),
  ].sort((a, b) => (a.date === b.date ? a.projectName.localeCompare(b.projectName) : a.date < b.date ? -1 : 1));

  return { from, until, entries: entries.slice(0, limit) };
}

/** Entries grouped by month ("2026-07"), in date order. */
export function byMonth(entries: TimelineEntry[]): [string, TimelineEntry[]][] {
  const groups = new Map<string, TimelineEntry[]>();
  for (const e of entries) groups.set(e.date.slice(0, 7), [...(groups.get(e.date.slice(0, 7)) ?? []), e]);
  return [...groups];
}
