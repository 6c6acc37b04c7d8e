// Train-the-trainer: modules with materials, sessions (on site or remote), enrolment,
// attendance and scores, and the project's training calendar (.ics). Every change that can
// move a guardian's status recomputes it in the same transaction.
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { guardians, projectMembers, sites, trainingAttendance, trainingMaterials, trainingModules, trainingSessions, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { projectModules, recomputeGuardianStatuses } from "@/lib/data/guardians";
import { buildCalendar } from "@/lib/domain/icalendar";
import type { Actor } from "@/lib/domain/permissions";
import { discardUpload, readUpload, storeUpload } from "@/lib/data/uploads";
import { checkAttendance, checkCancellation } from "@/lib/domain/training";
import { AppError, notFound } from "@/lib/errors";
import type {
  addMaterialLinkSchema,
  createModuleSchema,
  enrolAttendeesSchema,
  recordAttendanceSchema,
  scheduleSessionSchema,
  updateModuleSchema,
} from "@/lib/validation/readiness";

type Module = typeof trainingModules.$inferSelect;
type Session = typeof trainingSessions.$inferSelect;

// ── Modules and materials ──────────────────────────────────────────────

export function listModulesWithMaterials(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  const modules = projectModules(db, projectId);
  const materials = modules.length
    ? db
        .select()
        .from(trainingMaterials)
        .where(inArray(trainingMaterials.moduleId, modules.map((m) => m.id)))
        .orderBy(asc(trainingMaterials.createdAt))
        .all()
    : [];
  // The stored file name is an internal detail: downloads go through readMaterialFile.
  const visible = materials.map(({ storedName, ...rest }) => {
    void storedName;
    return rest;
  });
  return modules.map((m) => ({ ...m, materials: visible.filter((x) => x.moduleId === m.id) }));
}

function loadModule(tx: DbOrTx, projectId: string, moduleId: string, field = "moduleId"): Module {
  const trainingModule = tx
    .select()
    .from(trainingModules)
    .where(and(eq(trainingModules.id, moduleId), eq(trainingModules.projectId, projectId)))
    .get();
  if (!trainingModule) {
    throw new AppError("invalid_input", "Choose one of this project's training modules.", "invalid_input", {
      fieldErrors: { [field]: ["Unknown training module."] },
    });
  }
  return trainingModule;
}

export function createModule(db: Db, ctx: RequestContext, input: z.infer<typeof createModuleSchema>): Module {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
      const { projectId, ...fields } = input;
      void projectId;
      const trainingModule = tx.insert(trainingModules).values({ ...fields, projectId: project.id }).returning().get();
      recordAudit(tx, ctx, { action: "training.module.create", objectType: "training_module", objectId: trainingModule.id, projectId: project.id, after: trainingModule });
      // A new required module un-certifies whoever has not passed it yet.
      if (trainingModule.required) recomputeGuardianStatuses(tx, ctx, project.id);
      return trainingModule;
    },
    { behavior: "immediate" },
  );
}

export function updateModule(db: Db, ctx: RequestContext, input: z.infer<typeof updateModuleSchema>): Module {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
      const before = loadModule(tx, project.id, input.moduleId);
      const updated = tx
        .update(trainingModules)
        .set({ name: input.name, description: input.description, required: input.required, passMark: input.passMark })
        .where(and(eq(trainingModules.id, before.id), eq(trainingModules.projectId, project.id)))
        .returning()
        .get();
      recordAudit(tx, ctx, { action: "training.module.update", objectType: "training_module", objectId: before.id, projectId: project.id, before, after: updated });
      if (before.required !== updated.required || before.passMark !== updated.passMark) recomputeGuardianStatuses(tx, ctx, project.id);
      return updated;
    },
    { behavior: "immediate" },
  );
}

export function addMaterialLink(db: Db, ctx: RequestContext, input: z.infer<typeof addMaterialLinkSchema>) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
      const trainingModule = loadModule(tx, project.id, input.moduleId);
      const material = tx
        .insert(trainingMaterials)
        .values({ moduleId: trainingModule.id, title: input.title, kind: "link", url: input.url })
        .returning()
        .get();
      recordAudit(tx, ctx, { action: "training.material.add", objectType: "training_material", objectId: material.id, projectId: project.id, after: material });
      return material;
    },
    { behavior: "immediate" },
  );
}

/** A file material: checked and stored before the transaction, discarded if it fails. */
export function addMaterialFile(db: Db, ctx: RequestContext, input: { projectId: string; moduleId: string; title: string; fileName: string; bytes: Buffer }) {
  // Cheap checks before touching the disk; repeated inside the transaction.
  requireProjectPermission(db, ctx.actor, input.projectId, "training.manage");
  loadModule(db, input.projectId, input.moduleId);
  const stored = storeUpload(input.fileName, input.bytes);
  try {
    return db.transaction(
      (tx) => {
        const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
        const trainingModule = loadModule(tx, project.id, input.moduleId);
        const material = tx
          .insert(trainingMaterials)
          .values({ moduleId: trainingModule.id, title: input.title || stored.fileName, kind: "file", ...stored })
          .returning()
          .get();
        const { storedName, ...audited } = material;
        void storedName;
        recordAudit(tx, ctx, { action: "training.material.add", objectType: "training_material", objectId: material.id, projectId: project.id, after: audited });
        return material;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    discardUpload(stored.storedName);
    throw error;
  }
}

/** The bytes of a file material, for a download with attachment headers. */
export function readMaterialFile(db: DbOrTx, actor: Actor, projectId: string, materialId: string) {
  loadProjectAccess(db, actor, projectId);
  const material = db
    .select({ material: trainingMaterials })
    .from(trainingMaterials)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingMaterials.moduleId))
    .where(and(eq(trainingMaterials.id, materialId), eq(trainingModules.projectId, projectId)))
    .get()?.material;
  if (!material || material.kind !== "file" || !material.storedName) throw notFound("This material");
  return {
    file: { fileName: material.fileName ?? "material", mediaType: material.mediaType ?? "application/octet-stream", size: material.size ?? 0 },
    bytes: readUpload(material.storedName),
  };
}

// ── Sessions ───────────────────────────────────────────────────────────

export type SessionView = Session & {
  moduleName: string;
  moduleKind: string;
  siteName: string | null;
  trainerName: string;
  attendees: { guardianId: string; name: string; siteName: string; attended: boolean | null; score: number | null }[];
};

function sessionViews(db: DbOrTx, projectId: string, sessionId?: string): SessionView[] {
  const rows = db
    .select({ session: trainingSessions, moduleName: trainingModules.name, moduleKind: trainingModules.kind, siteName: sites.name, trainerName: users.name })
    .from(trainingSessions)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
    .innerJoin(users, eq(users.id, trainingSessions.trainerId))
    .leftJoin(sites, eq(sites.id, trainingSessions.siteId))
    .where(and(eq(trainingSessions.projectId, projectId), sessionId ? eq(trainingSessions.id, sessionId) : undefined))
    .orderBy(asc(trainingSessions.startsAt))
    .all();
  const ids = rows.map((r) => r.session.id);
  const attendance = ids.length
    ? db
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
        .all()
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

export function listSessions(db: DbOrTx, actor: Actor, projectId: string): SessionView[] {
  loadProjectAccess(db, actor, projectId);
  return sessionViews(db, projectId);
}

export function getSession(db: DbOrTx, actor: Actor, projectId: string, sessionId: string): SessionView {
  loadProjectAccess(db, actor, projectId);
  const session = sessionViews(db, projectId, sessionId)[0];
  if (!session) throw notFound("This training session");
  return session;
}

/** Vendor members who can run a session: the project's PMs and team members. */
export function trainerCandidates(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  return trainerRows(db, projectId);
}

function trainerRows(db: DbOrTx, projectId: string) {
  const rows = db
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
    .orderBy(asc(users.name))
    .all();
  return rows;
}

function activeGuardianIds(tx: DbOrTx, projectId: string, ids: string[]): Set<string> {
  if (!ids.length) return new Set();
  return new Set(
    tx
      .select({ id: guardians.id, status: guardians.status })
      .from(guardians)
      .where(and(eq(guardians.projectId, projectId), inArray(guardians.id, ids)))
      .all()
      .filter((g) => g.status !== "withdrawn")
      .map((g) => g.id),
  );
}

function enrol(tx: DbOrTx, projectId: string, sessionId: string, ids: string[], field: string): string[] {
  const unique = [...new Set(ids)];
  const active = activeGuardianIds(tx, projectId, unique);
  const unknown = unique.filter((id) => !active.has(id));
  if (unknown.length) {
    throw new AppError("invalid_input", "Only active guardians of this project can attend.", "invalid_input", {
      fieldErrors: { [field]: ["Choose active guardians of this project."] },
    });
  }
  if (!unique.length) return [];
  return tx
    .insert(trainingAttendance)
    .values(unique.map((guardianId) => ({ sessionId, guardianId })))
    .onConflictDoNothing()
    .returning({ guardianId: trainingAttendance.guardianId })
    .all()
    .map((r) => r.guardianId);
}

export function scheduleSession(db: Db, ctx: RequestContext, input: z.infer<typeof scheduleSessionSchema>): Session {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
      const trainingModule = loadModule(tx, project.id, input.moduleId);
      if (input.mode === "on_site") {
        const site = tx
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.id, input.siteId ?? ""), eq(sites.projectId, project.id)))
          .get();
        if (!site) throw new AppError("invalid_input", "Choose one of this project's sites.", "invalid_input", { fieldErrors: { siteId: ["Unknown site."] } });
      }
      if (!trainerRows(tx, project.id).some((t) => t.id === input.trainerId)) {
        throw new AppError("invalid_input", "The trainer must be a vendor member of this project.", "invalid_input", {
          fieldErrors: { trainerId: ["Choose a project manager or team member of this project."] },
        });
      }
      const session = tx
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
        .returning()
        .get();
      const enrolled = enrol(tx, project.id, session.id, input.attendeeIds, "attendeeIds");
      recordAudit(tx, ctx, {
        action: "training.session.schedule",
        objectType: "training_session",
        objectId: session.id,
        projectId: project.id,
        after: { ...session, attendeeIds: enrolled },
      });
      // Enrolment moves nominated guardians into training.
      if (enrolled.length) recomputeGuardianStatuses(tx, ctx, project.id, enrolled);
      return session;
    },
    { behavior: "immediate" },
  );
}

function loadSession(tx: DbOrTx, projectId: string, sessionId: string): Session {
  const session = tx
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.projectId, projectId)))
    .get();
  if (!session) throw notFound("This training session");
  return session;
}

export function enrolAttendees(db: Db, ctx: RequestContext, input: z.infer<typeof enrolAttendeesSchema>): string[] {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
      const session = loadSession(tx, project.id, input.sessionId);
      const enrolled = enrol(tx, project.id, session.id, input.guardianIds, "guardianIds");
      if (enrolled.length) {
        recordAudit(tx, ctx, { action: "training.session.enrol", objectType: "training_session", objectId: session.id, projectId: project.id, after: { guardianIds: enrolled } });
        recomputeGuardianStatuses(tx, ctx, project.id, enrolled);
      }
      return enrolled;
    },
    { behavior: "immediate" },
  );
}

export function recordAttendance(db: Db, ctx: RequestContext, input: z.infer<typeof recordAttendanceSchema>, now = new Date()) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
      const session = loadSession(tx, project.id, input.sessionId);
      const current = tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id)).all();
      const verdict = checkAttendance({ startsAt: session.startsAt, enrolledGuardianIds: current.map((c) => c.guardianId) }, input.records, now);
      if (verdict.refused) throw new AppError("rule_refused", verdict.message, verdict.reason, { missing: verdict.guardianIds });
      const at = now.toISOString();
      const changes = [];
      for (const record of input.records) {
        const before = current.find((c) => c.guardianId === record.guardianId)!;
        if (before.attended === record.attended && before.score === record.score) continue;
        tx.update(trainingAttendance)
          .set({ attended: record.attended, score: record.score, recordedBy: ctx.actor.id, recordedAt: at })
          .where(and(eq(trainingAttendance.sessionId, session.id), eq(trainingAttendance.guardianId, record.guardianId)))
          .run();
        changes.push({ guardianId: record.guardianId, before: { attended: before.attended, score: before.score }, after: { attended: record.attended, score: record.score } });
      }
      if (changes.length) {
        recordAudit(tx, ctx, { action: "training.attendance.record", objectType: "training_session", objectId: session.id, projectId: project.id, after: { changes } });
        recomputeGuardianStatuses(tx, ctx, project.id, changes.map((c) => c.guardianId));
      }
      return { changed: changes.length };
    },
    { behavior: "immediate" },
  );
}

/** Cancels a session nobody's attendance was recorded for; its enrolments go with it. */
export function cancelSession(db: Db, ctx: RequestContext, input: { projectId: string; sessionId: string }) {
  db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "training.manage");
      const session = loadSession(tx, project.id, input.sessionId);
      const enrolments = tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id)).all();
      const verdict = checkCancellation(enrolments);
      if (verdict.refused) throw new AppError("rule_refused", verdict.message, verdict.reason);
      tx.delete(trainingSessions).where(and(eq(trainingSessions.id, session.id), eq(trainingSessions.projectId, project.id))).run();
      recordAudit(tx, ctx, {
        action: "training.session.cancel",
        objectType: "training_session",
        objectId: session.id,
        projectId: project.id,
        before: { ...session, attendeeIds: enrolments.map((e) => e.guardianId) },
      });
      // Losing the only enrolment takes a guardian back to "nominated".
      if (enrolments.length) recomputeGuardianStatuses(tx, ctx, project.id, enrolments.map((e) => e.guardianId));
    },
    { behavior: "immediate" },
  );
}

// ── Calendar ───────────────────────────────────────────────────────────

/** The project's training sessions as an RFC 5545 calendar. */
export function trainingCalendarIcs(db: DbOrTx, actor: Actor, projectId: string, host: string, now = new Date()): string {
  const { project } = loadProjectAccess(db, actor, projectId);
  const sessions = sessionViews(db, projectId);
  return buildCalendar({
    name: `${project.name}: training`,
    now,
    events: sessions.map((s) => ({
      uid: `${s.id}@${host}`,
      start: new Date(s.startsAt),
      durationMinutes: s.durationMinutes,
      summary: `Training: ${s.moduleName}`,
      location: s.mode === "on_site" ? (s.siteName ?? "On site") : (s.meetingUrl ?? "Remote"),
      description: [`Trainer: ${s.trainerName}`, s.mode === "remote" ? "Remote session" : "On site", s.notes].filter(Boolean).join("\n"),
      url: s.mode === "remote" ? (s.meetingUrl ?? undefined) : undefined,
    })),
  });
}
