// The portfolio timeline chart's data: the visible running projects, each with every gate of
// its policy (six, seven or any number) — planned date against the date it was decided — and its
// target go-live. Two queries: the projects, then all their gates.
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import { clientOrganizations, gates, projects } from "@/db/schema";
import { todayUtc } from "@/lib/data/health";
import { visibleProjectsWhere } from "@/lib/data/projects";
import type { Actor } from "@/lib/domain/permissions";
import { chartWindow, type ChartWindow } from "@/lib/domain/timeline-chart";

export type GanttGate = {
  number: number;
  name: string;
  status: string;
  decision: string | null;
  plannedDate: string | null;
  decidedAt: string | null;
  current: boolean;
};
export type GanttRow = {
  id: string;
  name: string;
  clientName: string;
  status: string;
  startDate: string;
  targetGoLiveDate: string;
  gates: GanttGate[];
};

const RUNNING = ["active", "on_hold", "live"] as const;

export async function portfolioGantt(
  db: DbOrTx,
  actor: Actor,
  options: { today?: string; limit?: number } = {},
): Promise<{ window: ChartWindow; today: string; rows: GanttRow[]; total: number }> {
  const today = options.today ?? todayUtc();
  const window = chartWindow(today);
  const limit = options.limit ?? 60;
  const where = and(visibleProjectsWhere(actor), inArray(projects.status, [...RUNNING]));
  const total = (await first(db.select({ n: count() }).from(projects).where(where)))?.n ?? 0;
  const list = await db
    .select({
      id: projects.id,
      name: projects.name,
      clientName: clientOrganizations.name,
      status: projects.status,
      startDate: projects.startDate,
      targetGoLiveDate: projects.targetGoLiveDate,
      currentGate: projects.currentGate,
    })
    .from(projects)
    .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
    .where(where)
    .orderBy(asc(projects.targetGoLiveDate), asc(projects.name))
    .limit(limit);
  const gateRows = list.length
    ? await db
        .select({
          projectId: gates.projectId,
          number: gates.number,
          name: gates.name,
          status: gates.status,
          decision: gates.decision,
          plannedDate: gates.plannedDate,
          decidedAt: gates.decidedAt,
        })
        .from(gates)
        .where(
          inArray(
            gates.projectId,
            list.map((p) => p.id),
          ),
        )
    : [];
  const byProject = new Map<string, GanttGate[]>();
  const current = new Map(list.map((p) => [p.id, p.currentGate]));
  for (const g of gateRows) {
    const { projectId, ...gate } = g;
    byProject.set(projectId, [
      ...(byProject.get(projectId) ?? []),
      { ...gate, current: current.get(projectId) === g.number },
    ]);
  }
  return {
    window,
    today,
    total,
    // Gates in the order they are passed: the highest number first (7 → 1, or 6 → 1).
    rows: list.map(({ currentGate: _currentGate, ...p }) => ({
      ...p,
      gates: (byProject.get(p.id) ?? []).sort((a, b) => b.number - a.number),
    })),
  };
}
