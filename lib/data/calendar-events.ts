// What belongs in one person's calendar: the planned dates of the gates they manage (as the
// project's PM) or review (a board seat), the sprint reviews, validation runs and go-live date of
// the projects they are in (as a member or a guardian), and the training sessions they give or attend.
import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  gateBoardMembers,
  gates,
  guardians,
  projectMembers,
  projects,
  sprints,
  trainingAttendance,
  trainingModules,
  trainingSessions,
  validationRuns,
} from "@/db/schema";
import { dayAfter } from "@/lib/domain/calendar-feed";
import { trainingKey, type FeedEntry } from "./calendar-entries";

export type CalendarItem = FeedEntry & {
  /** Language-neutral details the summary is written from, in the reader's language. */
  detail: { project: string; number?: number; environment?: string; mode?: string };
};

const day = (iso: string) => iso.slice(0, 10);

/** The projects a person takes part in, and those where they manage (PM). */
async function involvement(db: DbOrTx, userId: string) {
  const memberships = await db
    .select({ projectId: projectMembers.projectId, role: projectMembers.role })
    .from(projectMembers)
    .where(eq(projectMembers.userId, userId));
  const guarding = await db
    .select({ projectId: guardians.projectId })
    .from(guardians)
    .where(eq(guardians.userId, userId));
  const all = new Set([...memberships.map((m) => m.projectId), ...guarding.map((g) => g.projectId)]);
  const managed = new Set(memberships.filter((m) => m.role === "project_manager").map((m) => m.projectId));
  return { projectIds: [...all], managed: [...managed] };
}

export async function calendarItems(
  db: DbOrTx,
  userId: string,
): Promise<{ items: CalendarItem[]; projectIds: string[] }> {
  const { projectIds, managed } = await involvement(db, userId);
  const items: CalendarItem[] = [];
  const seats = await db
    .select({ gateId: gateBoardMembers.gateId })
    .from(gateBoardMembers)
    .where(eq(gateBoardMembers.userId, userId));
  const seatIds = seats.map((s) => s.gateId);
  const gateScope = [
    managed.length ? inArray(gates.projectId, managed) : undefined,
    seatIds.length ? inArray(gates.id, seatIds) : undefined,
  ].filter(Boolean);
  if (gateScope.length) {
    const rows = await db
      .select({ gate: gates, project: projects.name })
      .from(gates)
      .innerJoin(projects, eq(projects.id, gates.projectId))
      .where(and(isNotNull(gates.plannedDate), or(...gateScope)));
    for (const { gate, project } of rows) {
      items.push({
        key: `gate-${gate.id}`,
        projectId: gate.projectId,
        kind: "gate",
        title: gate.name,
        start: day(gate.plannedDate!),
        end: dayAfter(gate.plannedDate!),
        allDay: true,
        cancelled: gate.status === "killed",
        detail: { project, number: gate.number },
      });
    }
  }
  if (projectIds.length) {
    const projectRows = await db
      .select({ id: projects.id, name: projects.name, goLive: projects.targetGoLiveDate, status: projects.status })
      .from(projects)
      .where(inArray(projects.id, projectIds));
    const names = new Map(projectRows.map((p) => [p.id, p.name]));
    for (const p of projectRows) {
      items.push({
        key: `go-live-${p.id}`,
        projectId: p.id,
        kind: "go_live",
        title: p.name,
        start: day(p.goLive),
        end: dayAfter(p.goLive),
        allDay: true,
        cancelled: p.status === "killed",
        detail: { project: p.name },
      });
    }
    for (const sprint of await db.select().from(sprints).where(inArray(sprints.projectId, projectIds))) {
      items.push({
        key: `sprint-review-${sprint.id}`,
        projectId: sprint.projectId,
        kind: "sprint_review",
        title: sprint.goal,
        start: day(sprint.endDate),
        end: dayAfter(sprint.endDate),
        allDay: true,
        cancelled: false,
        detail: { project: names.get(sprint.projectId) ?? "", number: sprint.number },
      });
    }
    for (const run of await db.select().from(validationRuns).where(inArray(validationRuns.projectId, projectIds))) {
      items.push({
        key: `validation-run-${run.id}`,
        projectId: run.projectId,
        kind: "validation_run",
        title: run.environment,
        start: day(run.openedAt),
        end: dayAfter(run.closedAt ?? run.openedAt),
        allDay: true,
        cancelled: false,
        detail: { project: names.get(run.projectId) ?? "", environment: run.environment },
      });
    }
  }
  const attending = db
    .select({ sessionId: trainingAttendance.sessionId })
    .from(trainingAttendance)
    .innerJoin(guardians, eq(guardians.id, trainingAttendance.guardianId))
    .where(eq(guardians.userId, userId));
  const sessions = await db
    .select({ session: trainingSessions, module: trainingModules.name, project: projects.name })
    .from(trainingSessions)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
    .innerJoin(projects, eq(projects.id, trainingSessions.projectId))
    .where(or(eq(trainingSessions.trainerId, userId), inArray(trainingSessions.id, attending)));
  for (const { session, module, project } of sessions) {
    items.push({
      key: trainingKey(session.id),
      projectId: session.projectId,
      kind: "training",
      title: module,
      start: session.startsAt,
      end: new Date(new Date(session.startsAt).getTime() + session.durationMinutes * 60_000).toISOString(),
      allDay: false,
      cancelled: false,
      detail: { project, mode: session.mode },
    });
  }
  return { items, projectIds };
}
