// Sites and guardians of a project: nomination, withdrawal, the roster, and the status
// recomputation every training change triggers (rules in lib/domain/guardian.ts).
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db, DbOrTx } from "@/db/client";
import { guardians, projectMembers, sites, trainingAttendance, trainingModules, trainingSessions, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, memberRoles, requireProjectPermission } from "@/lib/data/access";
import { seatOnDefaultBoards } from "@/lib/data/gate-setup";
import { projectPolicyGates } from "@/lib/data/projects";
import {
  decideGuardian,
  moduleProgress,
  type GuardianOutcome,
  type GuardianState,
  type ModuleRequirement,
  type TrainingRecord,
} from "@/lib/domain/guardian";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/errors";
import type { createSiteSchema, moveGuardianSchema, nominateGuardianSchema, withdrawGuardianSchema } from "@/lib/validation/readiness";

type Guardian = typeof guardians.$inferSelect;

function applied(outcome: GuardianOutcome): Exclude<GuardianOutcome, { refused: true }> {
  if (outcome.refused) throw new AppError("rule_refused", outcome.message, outcome.reason);
  return outcome;
}

// ── Reads ──────────────────────────────────────────────────────────────

export function listSites(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  return db.select().from(sites).where(eq(sites.projectId, projectId)).orderBy(asc(sites.name)).all();
}

export function projectModules(db: DbOrTx, projectId: string): (ModuleRequirement & { kind: string; description: string })[] {
  return db
    .select({
      id: trainingModules.id,
      name: trainingModules.name,
      kind: trainingModules.kind,
      description: trainingModules.description,
      required: trainingModules.required,
      passMark: trainingModules.passMark,
    })
    .from(trainingModules)
    .where(eq(trainingModules.projectId, projectId))
    .orderBy(asc(trainingModules.createdAt), asc(trainingModules.name))
    .all()
    .sort((a, b) => Number(b.required) - Number(a.required) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

// Required modules first, in the order people learn them.
const KIND_ORDER = ["usage", "administration", "configuration", "custom"];

/** Every enrolment of the given guardians, as the domain's training records. */
export function trainingRecordsOf(db: DbOrTx, projectId: string, guardianIds: string[]): Map<string, TrainingRecord[]> {
  const byGuardian = new Map<string, TrainingRecord[]>(guardianIds.map((id) => [id, []]));
  if (!guardianIds.length) return byGuardian;
  const rows = db
    .select({
      guardianId: trainingAttendance.guardianId,
      moduleId: trainingSessions.moduleId,
      attended: trainingAttendance.attended,
      score: trainingAttendance.score,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(and(eq(trainingSessions.projectId, projectId), inArray(trainingAttendance.guardianId, guardianIds)))
    .all();
  for (const r of rows) byGuardian.get(r.guardianId)?.push({ moduleId: r.moduleId, attended: r.attended, score: r.score });
  return byGuardian;
}

export function listGuardians(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  return guardianRows(db, projectId);
}

function guardianRows(db: DbOrTx, projectId: string) {
  return db
    .select({
      id: guardians.id,
      userId: guardians.userId,
      name: users.name,
      email: users.email,
      siteId: guardians.siteId,
      siteName: sites.name,
      status: guardians.status,
      nominatedAt: guardians.nominatedAt,
      certifiedAt: guardians.certifiedAt,
      withdrawnAt: guardians.withdrawnAt,
      version: guardians.version,
    })
    .from(guardians)
    .innerJoin(users, eq(users.id, guardians.userId))
    .innerJoin(sites, eq(sites.id, guardians.siteId))
    .where(eq(guardians.projectId, projectId))
    .orderBy(asc(sites.name), asc(users.name))
    .all();
}

export type GuardianView = ReturnType<typeof guardianRows>[number];

/** Per site: each guardian's progress per module (attended, best score, passed) and status. */
export function guardianRoster(db: DbOrTx, actor: Actor, projectId: string) {
  loadProjectAccess(db, actor, projectId);
  const modules = projectModules(db, projectId);
  const rows = guardianRows(db, projectId);
  const records = trainingRecordsOf(db, projectId, rows.map((g) => g.id));
  const siteList = db.select().from(sites).where(eq(sites.projectId, projectId)).orderBy(asc(sites.name)).all();
  return {
    modules,
    sites: siteList.map((site) => ({
      site,
      guardians: rows
        .filter((g) => g.siteId === site.id)
        .map((g) => ({ ...g, progress: moduleProgress(modules, records.get(g.id) ?? []) })),
    })),
  };
}

/** Client accounts of the project's organisation who could be nominated (active, not yet active guardians). */
export function nominationCandidates(db: DbOrTx, actor: Actor, projectId: string) {
  const { project } = loadProjectAccess(db, actor, projectId);
  const active = new Set(
    db
      .select({ userId: guardians.userId, status: guardians.status })
      .from(guardians)
      .where(eq(guardians.projectId, projectId))
      .all()
      .filter((g) => g.status !== "withdrawn")
      .map((g) => g.userId),
  );
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "client"), eq(users.organizationId, project.organizationId), isNull(users.disabledAt)))
    .orderBy(asc(users.name))
    .all()
    .filter((u) => !active.has(u.id));
}

/** The actor's own guardian record on the project, if any. */
export function guardianOf(db: DbOrTx, projectId: string, userId: string): Guardian | undefined {
  return db
    .select()
    .from(guardians)
    .where(and(eq(guardians.projectId, projectId), eq(guardians.userId, userId)))
    .get();
}

// ── Writes ─────────────────────────────────────────────────────────────

export function createSite(db: Db, ctx: RequestContext, input: z.infer<typeof createSiteSchema>) {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "guardian.nominate");
      const clash = tx
        .select({ id: sites.id })
        .from(sites)
        .where(and(eq(sites.projectId, project.id), eq(sites.name, input.name)))
        .get();
      if (clash) {
        throw new AppError("invalid_input", "A site with this name already exists.", "invalid_input", {
          fieldErrors: { name: ["A site with this name already exists in this project."] },
        });
      }
      const site = tx.insert(sites).values({ projectId: project.id, name: input.name, location: input.location }).returning().get();
      recordAudit(tx, ctx, { action: "site.create", objectType: "site", objectId: site.id, projectId: project.id, after: site });
      return site;
    },
    { behavior: "immediate" },
  );
}

function siteOf(tx: DbOrTx, projectId: string, siteId: string) {
  const site = tx
    .select()
    .from(sites)
    .where(and(eq(sites.id, siteId), eq(sites.projectId, projectId)))
    .get();
  if (!site) {
    throw new AppError("invalid_input", "Choose one of this project's sites.", "invalid_input", { fieldErrors: { siteId: ["Unknown site."] } });
  }
  return site;
}

const stateOf = (g: Guardian): GuardianState => ({ status: g.status, siteId: g.siteId });

export function nominateGuardian(db: Db, ctx: RequestContext, input: z.infer<typeof nominateGuardianSchema>): Guardian {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "guardian.nominate");
      const site = siteOf(tx, project.id, input.siteId);
      const user = tx.select().from(users).where(eq(users.id, input.userId)).get();
      // Another organisation's account is reported exactly like an unknown one.
      if (!user || user.disabledAt || user.role !== "client" || user.organizationId !== project.organizationId) {
        throw new AppError("invalid_input", "Choose an active account of the client organisation.", "invalid_input", {
          fieldErrors: { userId: ["Only active accounts of this project's client organisation can be guardians."] },
        });
      }
      const existing = guardianOf(tx, project.id, user.id);
      const records = existing ? (trainingRecordsOf(tx, project.id, [existing.id]).get(existing.id) ?? []) : [];
      const outcome = applied(
        decideGuardian(existing ? stateOf(existing) : null, { type: "nominate", siteId: site.id, modules: projectModules(tx, project.id), records }),
      );
      const now = new Date().toISOString();
      const fields = {
        siteId: outcome.next.siteId,
        status: outcome.next.status,
        nominatedBy: ctx.actor.id,
        nominatedAt: now,
        certifiedAt: outcome.next.status === "certified" ? now : null,
        withdrawnAt: null,
      };
      const guardian = existing
        ? tx
            .update(guardians)
            .set({ ...fields, version: existing.version + 1 })
            .where(and(eq(guardians.id, existing.id), eq(guardians.projectId, project.id)))
            .returning()
            .get()
        : tx
            .insert(guardians)
            .values({ ...fields, projectId: project.id, userId: user.id })
            .returning()
            .get();
      if (!memberRoles(tx, project.id, user.id).includes("guardian")) {
        tx.insert(projectMembers).values({ projectId: project.id, userId: user.id, role: "guardian" }).onConflictDoNothing().run();
        seatOnDefaultBoards(tx, project.id, user.id, "guardian", projectPolicyGates(tx, project));
        recordAudit(tx, ctx, {
          action: "project.member.add",
          objectType: "project",
          objectId: project.id,
          projectId: project.id,
          after: { userId: user.id, email: user.email, role: "guardian" },
        });
      }
      for (const event of outcome.events) {
        recordAudit(tx, ctx, {
          action: event.action,
          objectType: "guardian",
          objectId: guardian.id,
          projectId: project.id,
          before: event.before,
          after: { ...(event.after as object), userId: user.id, email: user.email },
        });
      }
      return guardian;
    },
    { behavior: "immediate" },
  );
}

function loadGuardian(tx: DbOrTx, projectId: string, guardianId: string): Guardian {
  const guardian = tx
    .select()
    .from(guardians)
    .where(and(eq(guardians.id, guardianId), eq(guardians.projectId, projectId)))
    .get();
  if (!guardian) throw notFound("This guardian");
  return guardian;
}

function writeGuardianChange(tx: DbOrTx, ctx: RequestContext, current: Guardian, outcome: Exclude<GuardianOutcome, { refused: true }>): Guardian {
  if (!outcome.events.length) return current;
  const now = new Date().toISOString();
  const next = outcome.next;
  const updated = tx
    .update(guardians)
    .set({
      status: next.status,
      siteId: next.siteId,
      version: current.version + 1,
      ...(next.status === "certified" && current.status !== "certified" ? { certifiedAt: now } : {}),
      ...(next.status !== "certified" ? { certifiedAt: null } : {}),
      ...(next.status === "withdrawn" ? { withdrawnAt: now } : {}),
    })
    .where(and(eq(guardians.id, current.id), eq(guardians.projectId, current.projectId), eq(guardians.version, current.version)))
    .returning()
    .get();
  if (!updated) throw new AppError("stale_version", "Someone else changed this guardian in the meantime. Reload and try again.", "stale_version");
  for (const event of outcome.events) {
    recordAudit(tx, ctx, {
      action: event.action,
      objectType: "guardian",
      objectId: current.id,
      projectId: current.projectId,
      before: event.before,
      after: event.after,
    });
  }
  return updated;
}

export function withdrawGuardian(db: Db, ctx: RequestContext, input: z.infer<typeof withdrawGuardianSchema>): Guardian {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "guardian.nominate");
      const current = loadGuardian(tx, project.id, input.guardianId);
      assertVersion(current.version, input.expectedVersion);
      return writeGuardianChange(tx, ctx, current, applied(decideGuardian(stateOf(current), { type: "withdraw" })));
    },
    { behavior: "immediate" },
  );
}

export function moveGuardian(db: Db, ctx: RequestContext, input: z.infer<typeof moveGuardianSchema>): Guardian {
  return db.transaction(
    (tx) => {
      const { project } = requireProjectPermission(tx, ctx.actor, input.projectId, "guardian.nominate");
      const current = loadGuardian(tx, project.id, input.guardianId);
      assertVersion(current.version, input.expectedVersion);
      const site = siteOf(tx, project.id, input.siteId);
      return writeGuardianChange(tx, ctx, current, applied(decideGuardian(stateOf(current), { type: "move", siteId: site.id })));
    },
    { behavior: "immediate" },
  );
}

/**
 * Re-derives the status of the given guardians (all of the project's when omitted) from
 * their training records, writing and auditing each change. Call inside the transaction
 * that changed attendance, scores or modules.
 */
export function recomputeGuardianStatuses(tx: DbOrTx, ctx: RequestContext, projectId: string, guardianIds?: string[]): void {
  const list = tx
    .select()
    .from(guardians)
    .where(and(eq(guardians.projectId, projectId), guardianIds ? inArray(guardians.id, guardianIds) : undefined))
    .all();
  if (!list.length) return;
  const modules = projectModules(tx, projectId);
  const records = trainingRecordsOf(tx, projectId, list.map((g) => g.id));
  for (const guardian of list) {
    const outcome = applied(decideGuardian(stateOf(guardian), { type: "recompute", modules, records: records.get(guardian.id) ?? [] }));
    writeGuardianChange(tx, ctx, guardian, outcome);
  }
}
