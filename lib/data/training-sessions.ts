// Training sessions (on site or remote) with their trainer and enrolled guardians: listing,
// scheduling and cancelling. Enrolment moves guardians into training in the same transaction.
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import {
  guardians,
  projectMembers,
  sites,
  trainingAttendance,
  trainingModules,
  trainingSessions,
  users,
} from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import type { TRAINING_MODULE_KINDS } from "@/db/enums";
import { loadProjectAccess } from "@/lib/data/access";
import { afterKey, decodeCursor } from "@/lib/data/cursor";
import { recomputeGuardianStatuses, unknownProjectSite } from "@/lib/data/guardians";
import { cancelTrainingEntry } from "@/lib/data/calendar-entries";
import { loadModule, trainingCommand } from "@/lib/data/training-modules";
import type { Actor } from "@/lib/domain/permissions";
import { checkCancellation } from "@/lib/domain/training";
import { AppError, notFound, refused } from "@/lib/errors";
import type { scheduleSessionSchema } from "@/lib/validation/readiness";

type Session = typeof trainingSessions.$inferSelect;

export type SessionView = Session & {
  moduleName: string;
  moduleKind: (typeof TRAINING_MODULE_KINDS)[number];
  siteName: string | null;
  trainerName: string;
  attendees: { guardianId: string; name: string; siteName: string; attended: boolean | null; score: number | null }[];
};

type SessionPage = { limit: number; cursor?: string | null };

/**
 * The sessions of a project (or the one asked for), with module, site, trainer and attendees, by
 * start; with `page`, at most `limit + 1` after the cursor's (startsAt, id).
 */
export async function sessionViews(
  db: DbOrTx,
  projectId: string,
  sessionId?: string,
  page?: SessionPage,
): Promise<SessionView[]> {
  const after = page?.cursor ? decodeCursor(page.cursor, ["string", "string"]) : null;
  const query = db
    .select({
      session: trainingSessions,
      moduleName: trainingModules.name,
      moduleKind: trainingModules.kind,
      siteName: sites.name,
      trainerName: users.name,
    })
    .from(trainingSessions)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
    .innerJoin(users, eq(users.id, trainingSessions.trainerId))
    .leftJoin(sites, eq(sites.id, trainingSessions.siteId))
    .where(
      and(
        eq(trainingSessions.projectId, projectId),
        sessionId ? eq(trainingSessions.id, sessionId) : undefined,
        afterKey([trainingSessions.startsAt, trainingSessions.id], after),
      ),
    )
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
  const rows = await (page ? query.limit(page.limit + 1) : query);
  const ids = rows.map((r) => r.session.id);
  const attendance = ids.length
    ? await db
        .select({
          sessionId: trainingAttendance.sessionId,
          guardianId: trainingAttendance.guardianId,
          attended: trainingAttendance.attended,
          score: trainingAttendance.score,
          name: users.name,
          siteName: sites.name,
        })
        .from(trainingAttendance)
        .innerJoin(guardians, eq(guardians.id, trainingAttendance.guardianId))
        .innerJoin(users, eq(users.id, guardians.userId))
        .innerJoin(sites, eq(sites.id, guardians.siteId))
        .where(inArray(trainingAttendance.sessionId, ids))
        .orderBy(asc(users.name))
    : [];
  return rows.map((r) => ({
    ...r.session,
    moduleName: r.moduleName,
    moduleKind: r.moduleKind,
    siteName: r.siteName,
    trainerName: r.trainerName,
    attendees: attendance
      .filter((a) => a.sessionId === r.session.id)
      .map(({ guardianId, name, siteName, attended, score }) => ({ guardianId, name, siteName, attended, score })),
  }));
}

export async function listSessions(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: SessionPage,
): Promise<SessionView[]> {
  await loadProjectAccess(db, actor, projectId);
  return await sessionViews(db, projectId, undefined, page);
}

export async function getSession(db: DbOrTx, actor: Actor, projectId: string, sessionId: string): Promise<SessionView> {
  await loadProjectAccess(db, actor, projectId);
  const session = (await sessionViews(db, projectId, sessionId))[0];
  if (!session) throw notFound("This training session");
  return session;
}

/** Vendor members who can run a session: the project's PMs and team members. */
export async function trainerCandidates(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  return await trainerRows(db, projectId);
}

async function trainerRows(db: DbOrTx, projectId: string) {
  const rows = await db
    .selectDistinct({ id: users.id, name: users.name, email: users.email })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(
      and(
        eq(projectMembers.projectId, projectId),
        inArray(projectMembers.role, ["project_manager", "team_member"]),
        ne(users.role, "client"),
        isNull(users.disabledAt),
      ),
    )
    .orderBy(asc(users.name));
  return rows;
}

async function activeGuardianIds(tx: DbOrTx, projectId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  return new Set(
    (
      await tx
        .select({ id: guardians.id, status: guardians.status })
        .from(guardians)
        .where(and(eq(guardians.projectId, projectId), inArray(guardians.id, ids)))
    )
      .filter((g) => g.status !== "withdrawn")
      .map((g) => g.id),
  );
}

/** Enrols active guardians of the project; a 422 on `field` names anyone else. Returns who was newly enrolled. */
export async function enrol(
  tx: DbOrTx,
  projectId: string,
  sessionId: string,
  ids: string[],
  field: string,
): Promise<string[]> {
  const unique = [...new Set(ids)];
  const active = await activeGuardianIds(tx, projectId, unique);
  const unknown = unique.filter((id) => !active.has(id));
  if (unknown.length) {
    throw new AppError(
      "invalid_input",
      "Only active guardians of this project can attend.",
      "invalid_input",
      {
        fieldErrors: { [field]: ["Choose active guardians of this project."] },
      },
      { problem: "activeGuardiansOnly", fields: { [field]: "chooseActiveGuardians" } },
    );
  }
  if (!unique.length) return [];
  return (
    await tx
      .insert(trainingAttendance)
      .values(unique.map((guardianId) => ({ sessionId, guardianId })))
      .onConflictDoNothing()
      .returning({ guardianId: trainingAttendance.guardianId })
  ).map((r) => r.guardianId);
}

export async function scheduleSession(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof scheduleSessionSchema>,
): Promise<Session> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
    const trainingModule = await loadModule(tx, project.id, input.moduleId);
    if (input.mode === "on_site") {
      const site = await first(
        tx
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.id, input.siteId ?? ""), eq(sites.projectId, project.id))),
      );
      if (!site) throw unknownProjectSite();
    }
    if (!(await trainerRows(tx, project.id)).some((t) => t.id === input.trainerId)) {
      throw new AppError(
        "invalid_input",
        "The trainer must be a vendor member of this project.",
        "invalid_input",
        {
          fieldErrors: { trainerId: ["Choose a project manager or team member of this project."] },
        },
        { problem: "trainerVendorMember", fields: { trainerId: "chooseVendorMember" } },
      );
    }
    const session = await one(
      tx
        .insert(trainingSessions)
        .values({
          projectId: project.id,
          moduleId: trainingModule.id,
          startsAt: input.startsAt,
          durationMinutes: input.durationMinutes,
          mode: input.mode,
          siteId: input.mode === "on_site" ? input.siteId : null,
          meetingUrl: input.mode === "remote" ? input.meetingUrl : null,
          trainerId: input.trainerId,
          notes: input.notes,
        })
        .returning(),
    );
    const enrolled = await enrol(tx, project.id, session.id, input.attendeeIds, "attendeeIds");
    audit({
      action: "training.session.schedule",
      objectType: "training_session",
      objectId: session.id,
      after: { ...session, attendeeIds: enrolled },
    });
    // Enrolment moves nominated guardians into training.
    if (enrolled.length) await recomputeGuardianStatuses(tx, audit, project.id, enrolled);
    return session;
  });
}

export async function loadSession(tx: DbOrTx, projectId: string, sessionId: string): Promise<Session> {
  const session = await first(
    tx
      .select()
      .from(trainingSessions)
      .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.projectId, projectId))),
  );
  if (!session) throw notFound("This training session");
  return session;
}

/** Cancels a session nobody's attendance was recorded for; its enrolments go with it. */
export async function cancelSession(db: Db, ctx: RequestContext, input: { projectId: string; sessionId: string }) {
  await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
    const session = await loadSession(tx, project.id, input.sessionId);
    const enrolments = await tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
    const verdict = checkCancellation(enrolments);
    if (!verdict.ok) refused(verdict.refusal);
    await tx
      .delete(trainingSessions)
      .where(and(eq(trainingSessions.id, session.id), eq(trainingSessions.projectId, project.id)));
    // Subscribed calendars of the trainer and attendees get the cancellation, not silence.
    await cancelTrainingEntry(
      tx,
      session,
      enrolments.map((e) => e.guardianId),
    );
    audit({
      action: "training.session.cancel",
      objectType: "training_session",
      objectId: session.id,
      before: { ...session, attendeeIds: enrolments.map((e) => e.guardianId) },
    });
    // Losing the only enrolment takes a guardian back to "nominated".
    if (enrolments.length)
      await recomputeGuardianStatuses(
        tx,
        audit,
        project.id,
        enrolments.map((e) => e.guardianId),
      );
  });
}
