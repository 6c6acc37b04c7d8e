// A guardian's own work: upcoming training sessions, required modules not yet passed, and
// the pending scenarios of open validation runs in the projects where they are a guardian.
import { and, asc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import {
  guardians,
  projects,
  trainingAttendance,
  trainingModules,
  trainingSessions,
  validationRuns,
  validationScenarios,
} from "@/db/schema";
import type { Actor } from "@/lib/domain/permissions";

export type GuardianTasks = {
  guardian: boolean;
  sessions: {
    projectId: string;
    projectName: string;
    sessionId: string;
    moduleName: string;
    startsAt: string;
    mode: string;
    invited: boolean;
  }[];
  modulesToPass: { projectId: string; projectName: string; moduleId: string; moduleName: string; passMark: number }[];
  validation: {
    projectId: string;
    projectName: string;
    runId: string;
    environment: string;
    pendingScenarios: number;
  }[];
};

export async function guardianTasks(db: DbOrTx, actor: Actor, now = new Date().toISOString()): Promise<GuardianTasks> {
  const mine = await db
    .select({ id: guardians.id, projectId: guardians.projectId, projectName: projects.name })
    .from(guardians)
    .innerJoin(projects, eq(projects.id, guardians.projectId))
    .where(
      and(
        eq(guardians.userId, actor.id),
        ne(guardians.status, "withdrawn"),
        inArray(projects.status, ["active", "on_hold", "live"]),
        // A client account only ever counts on its own organisation's projects.
        actor.role === "client" ? eq(projects.organizationId, actor.organizationId ?? "-") : undefined,
      ),
    );
  if (mine.length === 0) return { guardian: false, sessions: [], modulesToPass: [], validation: [] };
  const projectIds = mine.map((g) => g.projectId);
  const guardianIds = mine.map((g) => g.id);
  const nameOf = new Map(mine.map((g) => [g.projectId, g.projectName]));

  const sessions = (
    await db
      .select({
        projectId: trainingSessions.projectId,
        sessionId: trainingSessions.id,
        moduleName: trainingModules.name,
        startsAt: trainingSessions.startsAt,
        mode: trainingSessions.mode,
        invited: sql<number>`exists (select 1 from ${trainingAttendance} where ${trainingAttendance.sessionId}
            = ${trainingSessions.id}
            and ${inArray(trainingAttendance.guardianId, guardianIds)})`,
      })
      .from(trainingSessions)
      .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
      .where(and(inArray(trainingSessions.projectId, projectIds), gte(trainingSessions.startsAt, now)))
      .orderBy(asc(trainingSessions.startsAt))
      .limit(20)
  ).map((s) => ({ ...s, projectName: nameOf.get(s.projectId)!, invited: Boolean(s.invited) }));

  const passed = sql`exists (select 1 from ${trainingAttendance}
    join ${trainingSessions} on ${trainingSessions.id} = ${trainingAttendance.sessionId}
    where ${trainingSessions.moduleId} = ${trainingModules.id}
    and ${inArray(trainingAttendance.guardianId, guardianIds)}
    and ${eq(trainingAttendance.attended, true)} and ${trainingAttendance.score} >= ${trainingModules.passMark})`;
  const modulesToPass = (
    await db
      .select({
        projectId: trainingModules.projectId,
        moduleId: trainingModules.id,
        moduleName: trainingModules.name,
        passMark: trainingModules.passMark,
      })
      .from(trainingModules)
      .where(
        and(inArray(trainingModules.projectId, projectIds), eq(trainingModules.required, true), sql`not ${passed}`),
      )
      .orderBy(asc(trainingModules.name))
  ).map((m) => ({ ...m, projectName: nameOf.get(m.projectId)! }));

  const validation = (
    await db
      .select({
        projectId: validationRuns.projectId,
        runId: validationRuns.id,
        environment: validationRuns.environment,
        pendingScenarios: sql<number>`count(${validationScenarios.id})`,
      })
      .from(validationRuns)
      .innerJoin(
        validationScenarios,
        and(eq(validationScenarios.runId, validationRuns.id), eq(validationScenarios.result, "pending")),
      )
      .where(and(inArray(validationRuns.projectId, projectIds), eq(validationRuns.status, "open")))
      .groupBy(validationRuns.id)
  ).map((v) => ({ ...v, projectName: nameOf.get(v.projectId)!, pendingScenarios: Number(v.pendingScenarios) }));

  return { guardian: true, sessions, modulesToPass, validation };
}
