// Sites and guardians of a project: nomination, withdrawal, the roster, and the status
// recomputation every training change triggers (rules in lib/domain/guardian.ts).
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
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
import type { TRAINING_MODULE_KINDS } from "@/db/enums";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, memberRoles } from "@/lib/data/access";
import { type CommandEvent, projectCommand } from "@/lib/data/command";
import { afterKey, decodeCursor } from "@/lib/data/cursor";
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
import { AppError, notFound, refused, staleVersion } from "@/lib/errors";
import type { createSiteInput, nominateGuardianInput } from "@/lib/contract/guardians";
import type { moveGuardianSchema, withdrawGuardianSchema } from "@/lib/validation/readiness";

type Guardian = typeof guardians.$inferSelect;
type TrainingModuleKind = (typeof TRAINING_MODULE_KINDS)[number];
/** Where a command queues its audit events (the command scope's `audit`). */
type Audit = (...events: CommandEvent[]) => void;

function applied(outcome: GuardianOutcome): Exclude<GuardianOutcome, { ok: false }> {
  if (!outcome.ok) refused(outcome.refusal);
  return outcome;
}

// ── Reads ──────────────────────────────────────────────────────────────

/** The project's sites by name; with `page`, at most `limit + 1` after the cursor's (name, id). */
export async function listSites(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  const after = page?.cursor ? decodeCursor(page.cursor, ["string", "string"]) : null;
  const query = db
    .select()
    .from(sites)
    .where(and(eq(sites.projectId, projectId), afterKey([sites.name, sites.id], after)))
    .orderBy(asc(sites.name), asc(sites.id));
  return await (page ? query.limit(page.limit + 1) : query);
}

/** What a module is to guardians and their training (no project, no dates). */
export const moduleColumns = {
  id: trainingModules.id,
  name: trainingModules.name,
  kind: trainingModules.kind,
  description: trainingModules.description,
  required: trainingModules.required,
  passMark: trainingModules.passMark,
};

export async function projectModules(
  db: DbOrTx,
  projectId: string,
): Promise<(ModuleRequirement & { kind: TrainingModuleKind; description: string })[]> {
  return (
    await db
      .select(moduleColumns)
      .from(trainingModules)
      .where(eq(trainingModules.projectId, projectId))
      .orderBy(asc(trainingModules.createdAt), asc(trainingModules.name))
  ).sort((a, b) => Number(b.required) - Number(a.required) || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

// Required modules first, in the order people learn them.
const KIND_ORDER = ["usage", "administration", "configuration", "custom"];

/** Every enrolment of the given guardians, as the domain's training records. */
export async function trainingRecordsOf(
  db: DbOrTx,
  projectId: string,
  guardianIds: string[],
): Promise<Map<string, TrainingRecord[]>> {
  const byGuardian = new Map<string, TrainingRecord[]>(guardianIds.map((id) => [id, []]));
  if (!guardianIds.length) return byGuardian;
  const rows = await db
    .select({
      guardianId: trainingAttendance.guardianId,
      moduleId: trainingSessions.moduleId,
      attended: trainingAttendance.attended,
      score: trainingAttendance.score,
    })
    .from(trainingAttendance)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(and(eq(trainingSessions.projectId, projectId), inArray(trainingAttendance.guardianId, guardianIds)));
  for (const r of rows)
    byGuardian.get(r.guardianId)?.push({ moduleId: r.moduleId, attended: r.attended, score: r.score });
  return byGuardian;
}

export async function listGuardians(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  return await guardianRows(db, projectId);
}

/** By site, then name; with `page`, at most `limit + 1` after the cursor's (site name, name, id). */
async function guardianRows(db: DbOrTx, projectId: string, page?: { limit: number; cursor?: string | null }) {
  const after = page?.cursor ? decodeCursor(page.cursor, ["string", "string", "string"]) : null;
  const query = db
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
    .where(and(eq(guardians.projectId, projectId), afterKey([sites.name, users.name, guardians.id], after)))
    .orderBy(asc(sites.name), asc(users.name), asc(guardians.id));
  return await (page ? query.limit(page.limit + 1) : query);
}

export type GuardianView = Awaited<ReturnType<typeof guardianRows>>[number];

/** Per site: each guardian's progress per module (attended, best score, passed) and status. */
export async function guardianRoster(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  const modules = await projectModules(db, projectId);
  const rows = await guardianRows(db, projectId);
  const records = await trainingRecordsOf(
    db,
    projectId,
    rows.map((g) => g.id),
  );
  const siteList = await db.select().from(sites).where(eq(sites.projectId, projectId)).orderBy(asc(sites.name));
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

/** A page of guardians with their progress per module, by site then name (API v1). */
export async function guardianPage(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  const modules = await projectModules(db, projectId);
  const rows = await guardianRows(db, projectId, page);
  const records = await trainingRecordsOf(
    db,
    projectId,
    rows.map((g) => g.id),
  );
  return {
    modules,
    guardians: rows.map((g) => ({ ...g, progress: moduleProgress(modules, records.get(g.id) ?? []) })),
  };
}

/** Client accounts of the project's organisation who could be nominated (active, not yet active guardians). */
export async function nominationCandidates(db: DbOrTx, actor: Actor, projectId: string) {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const active = new Set(
    (
      await db
        .select({ userId: guardians.userId, status: guardians.status })
        .from(guardians)
        .where(eq(guardians.projectId, projectId))
    )
      .filter((g) => g.status !== "withdrawn")
      .map((g) => g.userId),
  );
  return (
    await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(and(eq(users.role, "client"), eq(users.organizationId, project.organizationId), isNull(users.disabledAt)))
      .orderBy(asc(users.name))
  ).filter((u) => !active.has(u.id));
}

/** The actor's own guardian record on the project, if any. */
export async function guardianOf(db: DbOrTx, projectId: string, userId: string): Promise<Guardian | undefined> {
  return await first(
    db
      .select()
      .from(guardians)
      .where(and(eq(guardians.projectId, projectId), eq(guardians.userId, userId))),
  );
}

// ── Writes ─────────────────────────────────────────────────────────────

export async function createSite(db: Db, ctx: RequestContext, input: z.infer<typeof createSiteInput>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "guardian.nominate",
    run: async ({ tx, project, audit }) => {
      const clash = await first(
        tx
          .select({ id: sites.id })
          .from(sites)
          .where(and(eq(sites.projectId, project.id), eq(sites.name, input.name))),
      );
      if (clash) {
        throw new AppError(
          "invalid_input",
          "A site with this name already exists.",
          "invalid_input",
          {
            fieldErrors: { name: ["A site with this name already exists in this project."] },
          },
          { problem: "siteNameTaken", fields: { name: "siteNameTakenInProject" } },
        );
      }
      const site = await one(
        tx.insert(sites).values({ projectId: project.id, name: input.name, location: input.location }).returning(),
      );
      audit({ action: "site.create", objectType: "site", objectId: site.id, after: site });
      return site;
    },
  });
}

async function siteOf(tx: DbOrTx, projectId: string, siteId: string) {
  const site = await first(
    tx
      .select()
      .from(sites)
      .where(and(eq(sites.id, siteId), eq(sites.projectId, projectId))),
  );
  if (!site) {
    throw unknownProjectSite();
  }
  return site;
}

const stateOf = (g: Guardian): GuardianState => ({ status: g.status, siteId: g.siteId });

export async function nominateGuardian(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof nominateGuardianInput>,
): Promise<Guardian> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "guardian.nominate",
    run: async ({ tx, project, audit }) => {
      const site = await siteOf(tx, project.id, input.siteId);
      const user = await first(tx.select().from(users).where(eq(users.id, input.userId)));
      // Another organisation's account is reported exactly like an unknown one.
      if (!user || user.disabledAt || user.role !== "client" || user.organizationId !== project.organizationId) {
        throw new AppError(
          "invalid_input",
          "Choose an active account of the client organisation.",
          "invalid_input",
          {
            fieldErrors: { userId: ["Only active accounts of this project's client organisation can be guardians."] },
          },
          { problem: "chooseActiveClientAccount", fields: { userId: "guardianAccountRequired" } },
        );
      }
      const existing = await guardianOf(tx, project.id, user.id);
      const records = existing ? ((await trainingRecordsOf(tx, project.id, [existing.id])).get(existing.id) ?? []) : [];
      const outcome = applied(
        decideGuardian(existing ? stateOf(existing) : null, {
          type: "nominate",
          siteId: site.id,
          modules: await projectModules(tx, project.id),
          records,
        }),
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
        ? await one(
            tx
              .update(guardians)
              .set({ ...fields, version: existing.version + 1 })
              .where(and(eq(guardians.id, existing.id), eq(guardians.projectId, project.id)))
              .returning(),
          )
        : await one(
            tx
              .insert(guardians)
              .values({ ...fields, projectId: project.id, userId: user.id })
              .returning(),
          );
      if (!(await memberRoles(tx, project.id, user.id)).includes("guardian")) {
        await tx
          .insert(projectMembers)
          .values({ projectId: project.id, userId: user.id, role: "guardian" })
          .onConflictDoNothing();
        await seatOnDefaultBoards(tx, project.id, user.id, "guardian", await projectPolicyGates(tx, project));
        audit({
          action: "project.member.add",
          objectType: "project",
          objectId: project.id,
          after: { userId: user.id, email: user.email, role: "guardian" },
        });
      }
      audit(
        ...outcome.events.map((event) => ({
          action: event.action,
          objectType: "guardian",
          objectId: guardian.id,
          before: event.before,
          after: { ...(event.after as object), userId: user.id, email: user.email },
        })),
      );
      return guardian;
    },
  });
}

async function loadGuardian(tx: DbOrTx, projectId: string, guardianId: string): Promise<Guardian> {
  const guardian = await first(
    tx
      .select()
      .from(guardians)
      .where(and(eq(guardians.id, guardianId), eq(guardians.projectId, projectId))),
  );
  if (!guardian) throw notFound("This guardian");
  return guardian;
}

async function writeGuardianChange(
  tx: DbOrTx,
  audit: Audit,
  current: Guardian,
  outcome: Exclude<GuardianOutcome, { ok: false }>,
): Promise<Guardian> {
  if (!outcome.events.length) return current;
  const now = new Date().toISOString();
  const next = outcome.next;
  const updated = await first(
    tx
      .update(guardians)
      .set({
        status: next.status,
        siteId: next.siteId,
        version: current.version + 1,
        ...(next.status === "certified" && current.status !== "certified" ? { certifiedAt: now } : {}),
        ...(next.status !== "certified" ? { certifiedAt: null } : {}),
        ...(next.status === "withdrawn" ? { withdrawnAt: now } : {}),
      })
      .where(
        and(
          eq(guardians.id, current.id),
          eq(guardians.projectId, current.projectId),
          eq(guardians.version, current.version),
        ),
      )
      .returning(),
  );
  if (!updated) throw staleVersion("this guardian");
  audit(
    ...outcome.events.map((event) => ({
      action: event.action,
      objectType: "guardian",
      objectId: current.id,
      before: event.before,
      after: event.after,
    })),
  );
  return updated;
}

export async function withdrawGuardian(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof withdrawGuardianSchema>,
): Promise<Guardian> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "guardian.nominate",
    load: (tx, project) => loadGuardian(tx, project.id, input.guardianId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, target: current, audit }) =>
      await writeGuardianChange(tx, audit, current, applied(decideGuardian(stateOf(current), { type: "withdraw" }))),
  });
}

export async function moveGuardian(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof moveGuardianSchema>,
): Promise<Guardian> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "guardian.nominate",
    load: (tx, project) => loadGuardian(tx, project.id, input.guardianId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, target: current, audit }) => {
      const site = await siteOf(tx, project.id, input.siteId);
      return await writeGuardianChange(
        tx,
        audit,
        current,
        applied(decideGuardian(stateOf(current), { type: "move", siteId: site.id })),
      );
    },
  });
}

/**
 * Re-derives the status of the given guardians (all of the project's when omitted) from
 * their training records, writing each change and queueing its audit events on the command
 * that changed attendance, scores or modules (so they follow that command's own event).
 */
/** 422 for a site that is not one of the project's (guardians and training sessions are held at a site). */
export const unknownProjectSite = () =>
  new AppError(
    "invalid_input",
    "Choose one of this project's sites.",
    "invalid_input",
    { fieldErrors: { siteId: ["Unknown site."] } },
    { problem: "chooseProjectSite", fields: { siteId: "unknownSite" } },
  );

export async function recomputeGuardianStatuses(
  tx: DbOrTx,
  audit: Audit,
  projectId: string,
  guardianIds?: string[],
): Promise<void> {
  const list = await tx
    .select()
    .from(guardians)
    .where(and(eq(guardians.projectId, projectId), guardianIds ? inArray(guardians.id, guardianIds) : undefined));
  if (!list.length) return;
  const modules = await projectModules(tx, projectId);
  const records = await trainingRecordsOf(
    tx,
    projectId,
    list.map((g) => g.id),
  );
  for (const guardian of list) {
    const outcome = applied(
      decideGuardian(stateOf(guardian), { type: "recompute", modules, records: records.get(guardian.id) ?? [] }),
    );
    await writeGuardianChange(tx, audit, guardian, outcome);
  }
}
