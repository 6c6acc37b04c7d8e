// Train-the-trainer: modules with materials, sessions (on site or remote), enrolment,
// attendance and scores, and the project's training calendar (.ics). Every change that can
// move a guardian's status recomputes it in the same transaction.
import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { guardians, projectMembers, sites, trainingAttendance, trainingMaterials, trainingModules, trainingSessions, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { type CommandScope, projectCommand } from "@/lib/data/command";
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

/** Every training change needs training.manage on the project (lib/data/command skeleton). */
const trainingCommand = <Result>(db: Db, ctx: RequestContext, projectId: string, run: (scope: CommandScope<undefined>) => Promise<Result>) =>
  projectCommand(db, ctx, { projectId, permission: "training.manage", run });

// ── Modules and materials ──────────────────────────────────────────────

export async function listModulesWithMaterials(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  const modules = await projectModules(db, projectId);
  const materials = modules.length
    ? await db
        .select()
        .from(trainingMaterials)
        .where(inArray(trainingMaterials.moduleId, modules.map((m) => m.id)))
        .orderBy(asc(trainingMaterials.createdAt))
    : [];
  // The stored file name is an internal detail: downloads go through readMaterialFile.
  const visible = materials.map(({ storedName, ...rest }) => {
    void storedName;
    return rest;
  });
  return modules.map((m) => ({ ...m, materials: visible.filter((x) => x.moduleId === m.id) }));
}

async function loadModule(tx: DbOrTx, projectId: string, moduleId: string, field = "moduleId"): Promise<Module> {
  const trainingModule = await first(tx
    .select()
    .from(trainingModules)
    .where(and(eq(trainingModules.id, moduleId), eq(trainingModules.projectId, projectId))));
  if (!trainingModule) {
    throw new AppError("invalid_input", "Choose one of this project's training modules.", "invalid_input", {
      fieldErrors: { [field]: ["Unknown training module."] },
    });
  }
  return trainingModule;
}

export async function createModule(db: Db, ctx: RequestContext, input: z.infer<typeof createModuleSchema>): Promise<Module> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const { projectId, ...fields } = input;
      void projectId;
      const trainingModule = await one(tx.insert(trainingModules).values({ ...fields, projectId: project.id }).returning());
      audit({ action: "training.module.create", objectType: "training_module", objectId: trainingModule.id, after: trainingModule });
      // A new required module un-certifies whoever has not passed it yet.
      if (trainingModule.required) await recomputeGuardianStatuses(tx, audit, project.id);
      return trainingModule;
  });
}

export async function updateModule(db: Db, ctx: RequestContext, input: z.infer<typeof updateModuleSchema>): Promise<Module> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const before = await loadModule(tx, project.id, input.moduleId);
      const updated = await one(tx
        .update(trainingModules)
        .set({ name: input.name, description: input.description, required: input.required, passMark: input.passMark })
        .where(and(eq(trainingModules.id, before.id), eq(trainingModules.projectId, project.id)))
        .returning());
      audit({ action: "training.module.update", objectType: "training_module", objectId: before.id, before, after: updated });
      if (before.required !== updated.required || before.passMark !== updated.passMark) await recomputeGuardianStatuses(tx, audit, project.id);
      return updated;
  });
}

export async function addMaterialLink(db: Db, ctx: RequestContext, input: z.infer<typeof addMaterialLinkSchema>) {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const trainingModule = await loadModule(tx, project.id, input.moduleId);
      const material = await one(tx
        .insert(trainingMaterials)
        .values({ moduleId: trainingModule.id, title: input.title, kind: "link", url: input.url })
        .returning());
      audit({ action: "training.material.add", objectType: "training_material", objectId: material.id, after: material });
      return material;
  });
}

/** A file material: checked and stored before the transaction, discarded if it fails. */
export async function addMaterialFile(db: Db, ctx: RequestContext, input: { projectId: string; moduleId: string; title: string; fileName: string; bytes: Buffer }) {
  // Cheap checks before touching the disk; repeated inside the transaction.
  await requireProjectPermission(db, ctx.actor, input.projectId, "training.manage");
  await loadModule(db, input.projectId, input.moduleId);
  const stored = storeUpload(input.fileName, input.bytes);
  try {
    return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
        const trainingModule = await loadModule(tx, project.id, input.moduleId);
        const material = await one(tx
          .insert(trainingMaterials)
          .values({ moduleId: trainingModule.id, title: input.title || stored.fileName, kind: "file", ...stored })
          .returning());
        const { storedName, ...audited } = material;
        void storedName;
        audit({ action: "training.material.add", objectType: "training_material", objectId: material.id, after: audited });
        return material;
      });
  } catch (error) {
    discardUpload(stored.storedName);
    throw error;
  }
}

/** The bytes of a file material, for a download with attachment headers. */
export async function readMaterialFile(db: DbOrTx, actor: Actor, projectId: string, materialId: string) {
  await loadProjectAccess(db, actor, projectId);
  const material = (await first(db
    .select({ material: trainingMaterials })
    .from(trainingMaterials)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingMaterials.moduleId))
    .where(and(eq(trainingMaterials.id, materialId), eq(trainingModules.projectId, projectId)))))?.material;
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

async function sessionViews(db: DbOrTx, projectId: string, sessionId?: string): Promise<SessionView[]> {
  const rows = await db
    .select({ session: trainingSessions, moduleName: trainingModules.name, moduleKind: trainingModules.kind, siteName: sites.name, trainerName: users.name })
    .from(trainingSessions)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
    .innerJoin(users, eq(users.id, trainingSessions.trainerId))
    .leftJoin(sites, eq(sites.id, trainingSessions.siteId))
    .where(and(eq(trainingSessions.projectId, projectId), sessionId ? eq(trainingSessions.id, sessionId) : undefined))
    .orderBy(asc(trainingSessions.startsAt));
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

export async function listSessions(db: DbOrTx, actor: Actor, projectId: string): Promise<SessionView[]> {
  await loadProjectAccess(db, actor, projectId);
  return await sessionViews(db, projectId);
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
    (await tx
      .select({ id: guardians.id, status: guardians.status })
      .from(guardians)
      .where(and(eq(guardians.projectId, projectId), inArray(guardians.id, ids))))
      .filter((g) => g.status !== "withdrawn")
      .map((g) => g.id),
  );
}

async function enrol(tx: DbOrTx, projectId: string, sessionId: string, ids: string[], field: string): Promise<string[]> {
  const unique = [...new Set(ids)];
  const active = await activeGuardianIds(tx, projectId, unique);
  const unknown = unique.filter((id) => !active.has(id));
  if (unknown.length) {
    throw new AppError("invalid_input", "Only active guardians of this project can attend.", "invalid_input", {
      fieldErrors: { [field]: ["Choose active guardians of this project."] },
    });
  }
  if (!unique.length) return [];
  return (await tx
    .insert(trainingAttendance)
    .values(unique.map((guardianId) => ({ sessionId, guardianId })))
    .onConflictDoNothing()
    .returning({ guardianId: trainingAttendance.guardianId }))
    .map((r) => r.guardianId);
}

export async function scheduleSession(db: Db, ctx: RequestContext, input: z.infer<typeof scheduleSessionSchema>): Promise<Session> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const trainingModule = await loadModule(tx, project.id, input.moduleId);
      if (input.mode === "on_site") {
        const site = await first(tx
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.id, input.siteId ?? ""), eq(sites.projectId, project.id))));
        if (!site) throw new AppError("invalid_input", "Choose one of this project's sites.", "invalid_input", { fieldErrors: { siteId: ["Unknown site."] } });
      }
      if (!(await trainerRows(tx, project.id)).some((t) => t.id === input.trainerId)) {
        throw new AppError("invalid_input", "The trainer must be a vendor member of this project.", "invalid_input", {
          fieldErrors: { trainerId: ["Choose a project manager or team member of this project."] },
        });
      }
      const session = await one(tx
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
        .returning());
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

async function loadSession(tx: DbOrTx, projectId: string, sessionId: string): Promise<Session> {
  const session = await first(tx
    .select()
    .from(trainingSessions)
    .where(and(eq(trainingSessions.id, sessionId), eq(trainingSessions.projectId, projectId))));
  if (!session) throw notFound("This training session");
  return session;
}

export async function enrolAttendees(db: Db, ctx: RequestContext, input: z.infer<typeof enrolAttendeesSchema>): Promise<string[]> {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const session = await loadSession(tx, project.id, input.sessionId);
      const enrolled = await enrol(tx, project.id, session.id, input.guardianIds, "guardianIds");
      if (enrolled.length) {
        audit({ action: "training.session.enrol", objectType: "training_session", objectId: session.id, after: { guardianIds: enrolled } });
        await recomputeGuardianStatuses(tx, audit, project.id, enrolled);
      }
      return enrolled;
  });
}

export async function recordAttendance(db: Db, ctx: RequestContext, input: z.infer<typeof recordAttendanceSchema>, now = new Date()) {
  return await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const session = await loadSession(tx, project.id, input.sessionId);
      const current = await tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
      const verdict = checkAttendance({ startsAt: session.startsAt, enrolledGuardianIds: current.map((c) => c.guardianId) }, input.records, now);
      if (verdict.refused) throw new AppError("rule_refused", verdict.message, verdict.reason, { missing: verdict.guardianIds });
      const at = now.toISOString();
      const changes = [];
      for (const record of input.records) {
        const before = current.find((c) => c.guardianId === record.guardianId)!;
        if (before.attended === record.attended && before.score === record.score) continue;
        await tx.update(trainingAttendance)
          .set({ attended: record.attended, score: record.score, recordedBy: ctx.actor.id, recordedAt: at })
          .where(and(eq(trainingAttendance.sessionId, session.id), eq(trainingAttendance.guardianId, record.guardianId)));
        changes.push({ guardianId: record.guardianId, before: { attended: before.attended, score: before.score }, after: { attended: record.attended, score: record.score } });
      }
      if (changes.length) {
        audit({ action: "training.attendance.record", objectType: "training_session", objectId: session.id, after: { changes } });
        await recomputeGuardianStatuses(tx, audit, project.id, changes.map((c) => c.guardianId));
      }
      return { changed: changes.length };
  });
}

/** Cancels a session nobody's attendance was recorded for; its enrolments go with it. */
export async function cancelSession(db: Db, ctx: RequestContext, input: { projectId: string; sessionId: string }) {
  await trainingCommand(db, ctx, input.projectId, async ({ tx, project, audit }) => {
      const session = await loadSession(tx, project.id, input.sessionId);
      const enrolments = await tx.select().from(trainingAttendance).where(eq(trainingAttendance.sessionId, session.id));
      const verdict = checkCancellation(enrolments);
      if (verdict.refused) throw new AppError("rule_refused", verdict.message, verdict.reason);
      await tx.delete(trainingSessions).where(and(eq(trainingSessions.id, session.id), eq(trainingSessions.projectId, project.id)));
      audit({
        action: "training.session.cancel",
        objectType: "training_session",
        objectId: session.id,
        before: { ...session, attendeeIds: enrolments.map((e) => e.guardianId) },
      });
      // Losing the only enrolment takes a guardian back to "nominated".
      if (enrolments.length) await recomputeGuardianStatuses(tx, audit, project.id, enrolments.map((e) => e.guardianId));
  });
}

// ── Calendar ───────────────────────────────────────────────────────────

/** The project's training sessions as an RFC 5545 calendar. */
export async function trainingCalendarIcs(db: DbOrTx, actor: Actor, projectId: string, host: string, now = new Date()): Promise<string> {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const sessions = await sessionViews(db, projectId);
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
