// Go-live readiness, acceptance sign-offs and the handover to the helpdesk.
// Every write goes through projectCommand: authorize → lib/domain/go-live → write → audit.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first, transaction, one } from "@/db/client";
import {
  escalations,
  gateConditions,
  gates,
  goLiveAcceptances,
  goLiveSigners,
  goLiveSignOffs,
  guardians,
  handovers,
  projectMembers,
  projects,
  signInAttempts,
  sites,
  users,
  type Project,
} from "@/db/schema";
import { auditHead, type RequestContext } from "@/lib/audit";
import { assertVersion, loadProjectAccess, requireProjectPermission } from "@/lib/data/access";
import { projectCommand } from "@/lib/data/command";
import { fileAcceptanceCertificate, signOffsOf } from "@/lib/data/go-live-certificate";
import { notify } from "@/lib/data/notifications";
import { policyGatesOf } from "@/lib/data/policy-versions";
import { throttleUntil } from "@/lib/data/sign-in";
import { refused, validationSummary } from "@/lib/data/validation-runs";
import * as rules from "@/lib/domain/go-live";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, staleVersion } from "@/lib/errors";
import { verifyPassword } from "@/lib/password";
import type { configureAcceptanceSchema, handoverSchema, signOffSchema } from "@/lib/validation/go-live";

type Acceptance = typeof goLiveAcceptances.$inferSelect;

const OPEN_ESCALATION = ["open", "triaged", "in_progress"] as const;

/** Where the evidence of each checklist item lives. */
const EVIDENCE: Record<rules.ChecklistKey, string> = {
  homologation_passed: "validation",
  production_passed: "validation",
  guardians_certified: "guardians",
  no_blocking_escalations: "escalations",
  gates_passed: "gates",
};

export const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/** The facts readiness is computed from, read in one go (inside a transaction when writing). */
export async function readinessSnapshot(db: DbOrTx, project: Project): Promise<rules.ReadinessSnapshot> {
  const validation = await validationSummary(db, project.id);
  // Counted in JS: drizzle leaves columns unqualified in a correlated subquery of a one-table select.
  const siteRows = await db.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.projectId, project.id)).orderBy(asc(sites.name));
  const certifiedSites = (await db
    .select({ siteId: guardians.siteId })
    .from(guardians)
    .where(and(eq(guardians.projectId, project.id), eq(guardians.status, "certified"))))
    .map((g) => g.siteId);
  const blocking =
    (await first(db
      .select({ n: sql<number>`count(*)` })
      .from(escalations)
      .where(and(eq(escalations.projectId, project.id), eq(escalations.blocking, true), inArray(escalations.status, [...OPEN_ESCALATION])))))?.n ?? 0;
  const gateRows = await db.select({ id: gates.id, number: gates.number, status: gates.status }).from(gates).where(eq(gates.projectId, project.id));
  const openConditionGates = gateRows.length
    ? (await db
        .select({ gateId: gateConditions.gateId })
        .from(gateConditions)
        .where(and(inArray(gateConditions.gateId, gateRows.map((g) => g.id)), eq(gateConditions.status, "open"))))
        .map((c) => c.gateId)
    : [];
  return {
    latestHomologation: (validation.latestHomologation?.status as "passed" | "failed" | undefined) ?? null,
    latestProduction: (validation.latestProduction?.status as "passed" | "failed" | undefined) ?? null,
    openRun: validation.open?.environment ?? null,
    sites: siteRows.map((site) => ({ name: site.name, certifiedGuardians: certifiedSites.filter((id) => id === site.id).length })),
    openBlockingEscalations: Number(blocking),
    currentGate: project.currentGate,
    gates: gateRows.map((g) => ({ number: g.number, status: g.status, openConditions: openConditionGates.filter((id) => id === g.id).length })),
    // The project's policy version says which gates go-live needs (DESIGN.md §4b).
    gatesBeforeGoLive: rules.gatesBeforeGoLive(await policyGatesOf(db, project.policyVersionId)),
  };
}

async function acceptanceOf(db: DbOrTx, projectId: string): Promise<Acceptance | null> {
  return await first(db.select().from(goLiveAcceptances).where(eq(goLiveAcceptances.projectId, projectId))) ?? null;
}

async function acceptanceState(db: DbOrTx, acceptance: Acceptance | null): Promise<rules.AcceptanceState | null> {
  if (!acceptance) return null;
  return {
    status: acceptance.status,
    statement: acceptance.statement,
    signers: await db.select({ userId: goLiveSigners.userId, capacity: goLiveSigners.capacity }).from(goLiveSigners).where(eq(goLiveSigners.acceptanceId, acceptance.id)),
    signedUserIds: (await db.select({ userId: goLiveSignOffs.userId }).from(goLiveSignOffs).where(eq(goLiveSignOffs.acceptanceId, acceptance.id))).map((s) => s.userId),
  };
}

/** Who may be named as a signer: the project's client owners and its certified guardians. */
export async function eligibleSigners(db: DbOrTx, projectId: string) {
  const owners = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "client_owner")))
    .orderBy(asc(users.name));
  const certified = await db
    .select({ userId: users.id, name: users.name, email: users.email, site: sites.name })
    .from(guardians)
    .innerJoin(users, eq(users.id, guardians.userId))
    .innerJoin(sites, eq(sites.id, guardians.siteId))
    .where(and(eq(guardians.projectId, projectId), eq(guardians.status, "certified")))
    .orderBy(asc(users.name));
  return { clientOwners: owners, certifiedGuardians: certified };
}

/** The readiness page and GET /go-live: checklist with evidence links, signers, status. */
export async function getGoLive(db: DbOrTx, actor: Actor, projectId: string) {
  const access = await loadProjectAccess(db, actor, projectId);
  const { project } = access;
  const checklist = rules.readinessChecklist(await readinessSnapshot(db, project)).map((item) => ({
    ...item,
    href: `/projects/${project.id}/${EVIDENCE[item.key]}`,
  }));
  const acceptance = await acceptanceOf(db, project.id);
  const signers = acceptance
    ? (await db
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          capacity: goLiveSigners.capacity,
          signedAt: goLiveSignOffs.signedAt,
        })
        .from(goLiveSigners)
        .innerJoin(users, eq(users.id, goLiveSigners.userId))
        .leftJoin(goLiveSignOffs, and(eq(goLiveSignOffs.acceptanceId, goLiveSigners.acceptanceId), eq(goLiveSignOffs.userId, goLiveSigners.userId)))
        .where(eq(goLiveSigners.acceptanceId, acceptance.id))
        .orderBy(asc(goLiveSigners.capacity), asc(users.name)))
        .map((s) => ({ ...s, signed: Boolean(s.signedAt) }))
    : [];
  const handover = await first(db.select().from(handovers).where(eq(handovers.projectId, project.id))) ?? null;
  const ready = checklist.every((c) => c.done);
  const status = handover ? "handed_over" : acceptance ? acceptance.status : "not_set_up";
  const me = signers.find((s) => s.userId === actor.id);
  const goLiveGate = rules.goLiveGate(await policyGatesOf(db, project.policyVersionId));
  return {
    projectId: project.id,
    projectStatus: project.status,
    ready,
    checklist,
    /** The gate whose "Go-live acceptance" artifact files the signed certificate. */
    goLiveGate: goLiveGate ? { number: goLiveGate.number, name: goLiveGate.name } : null,
    status,
    acceptance: acceptance
      ? { id: acceptance.id, statement: acceptance.statement, statementSha256: sha256(acceptance.statement), completedAt: acceptance.completedAt, version: acceptance.version }
      : null,
    signers,
    stillToSign: signers.filter((s) => !s.signed).map((s) => ({ userId: s.userId, name: s.name, capacity: s.capacity })),
    handover: handover
      ? { handoverDate: handover.handoverDate, supportContacts: handover.supportContacts, openItems: handover.openItems, recordedAt: handover.recordedAt }
      : null,
    you: {
      canManage: access.can("golive.manage"),
      canRecordHandover: access.can("handover.record"),
      isSigner: Boolean(me),
      hasSigned: Boolean(me?.signed),
      canSign: Boolean(me && !me.signed && access.can("golive.sign") && ready && acceptance?.status === "open"),
    },
  };
}
export type GoLiveView = Awaited<ReturnType<typeof getGoLive>>;

/** The printable certificate: every sign-off with its statement hash and the audit head at signing. */
export async function getAcceptanceCertificate(db: DbOrTx, actor: Actor, projectId: string) {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const acceptance = await acceptanceOf(db, project.id);
  if (!acceptance) return null;
  const signOffs = await signOffsOf(db, acceptance.id);
  return {
    project: { id: project.id, name: project.name, status: project.status },
    statement: acceptance.statement,
    statementSha256: sha256(acceptance.statement),
    status: acceptance.status,
    completedAt: acceptance.completedAt,
    signOffs,
  };
}

/** The PM sets (or, before anyone signed, replaces) the statement and the required signers. */
export async function configureAcceptance(db: Db, ctx: RequestContext, input: z.infer<typeof configureAcceptanceSchema>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "golive.manage",
    run: async ({ tx, project, audit }) => {
      const current = await acceptanceOf(tx, project.id);
      // Checked here, not by the command's `load`: before the first acceptance there is nothing
      // to be stale, and the project's own version must not be checked in its place.
      if (current) assertVersion(current.version, input.expectedVersion);
      const eligible = await eligibleSigners(tx, project.id);
      const outcome = rules.configureAcceptance(await acceptanceState(tx, current), input, {
        clientOwners: eligible.clientOwners.map((o) => o.userId),
        certifiedGuardians: eligible.certifiedGuardians.map((g) => g.userId),
      });
      if (!outcome.ok) refused(outcome);
      const statement = rules.normalizeStatement(input.statement);
      let acceptance: Acceptance;
      if (current) {
        const updated = await first(tx
          .update(goLiveAcceptances)
          .set({ statement, version: current.version + 1 })
          .where(and(eq(goLiveAcceptances.id, current.id), eq(goLiveAcceptances.projectId, project.id), eq(goLiveAcceptances.version, current.version)))
          .returning());
        if (!updated) throw staleVersion("the acceptance");
        acceptance = updated;
        await tx.delete(goLiveSigners).where(eq(goLiveSigners.acceptanceId, current.id));
      } else {
        acceptance = await one(tx.insert(goLiveAcceptances).values({ projectId: project.id, statement }).returning());
      }
      await tx.insert(goLiveSigners)
        .values(input.signers.map((s) => ({ acceptanceId: acceptance.id, userId: s.userId, capacity: s.capacity })));
      audit(...outcome.events.map((event) => ({ action: event.action, objectType: "go_live_acceptance", objectId: acceptance.id, after: event.after })));
      await notify(tx, ctx.actor.id, {
        userIds: input.signers.map((s) => s.userId),
        projectId: project.id,
        kind: "golive.signers",
        title: `${project.name}: you are asked to sign the go-live acceptance`,
        href: `/projects/${project.id}/go-live`,
      });
      return acceptance;
    },
  });
}

function unmetAsProblem(outcome: rules.Refusal, checklist: rules.ChecklistItem[]): never {
  if (outcome.reason !== "go_live_not_ready") refused(outcome);
  throw new AppError("rule_refused", outcome.message, outcome.reason, {
    missing: checklist.filter((c) => !c.done).map(({ key, label, detail }) => ({ key, label, detail })),
  });
}

/**
 * A signer re-enters the password and confirms the statement. A wrong password writes nothing
 * of the go-live (no sign-off, no audit event) but is counted as a failed sign-in attempt for
 * that account and address, so guessing here locks signing and signing-in alike.
 */
export async function signGoLive(db: Db, ctx: RequestContext, input: z.infer<typeof signOffSchema>, now = new Date()) {
  // Cheap checks first, so nobody types a password into a form that cannot succeed.
  const { project } = await requireProjectPermission(db, ctx.actor, input.projectId, "golive.sign");
  const checklist = rules.readinessChecklist(await readinessSnapshot(db, project));
  const certifiedIds = async (tx: DbOrTx) => (await eligibleSigners(tx, project.id)).certifiedGuardians.map((g) => g.userId);
  const precheck = rules.signOff(await acceptanceState(db, await acceptanceOf(db, project.id)), checklist, { userId: ctx.actor.id, statement: input.statement }, await certifiedIds(db));
  if (!precheck.ok) unmetAsProblem(precheck, checklist);

  const user = await first(db.select().from(users).where(eq(users.id, ctx.actor.id)));
  const ip = ctx.ip ?? "unknown";
  const until = user ? await throttleUntil(db, user.email, ip, now) : null;
  if (until) {
    throw new AppError("rate_limited", `Too many wrong passwords. Try again after ${until.toISOString().slice(11, 16)} UTC.`, "too_many_attempts");
  }
  const valid = user && !user.disabledAt ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!valid || !user) {
    await transaction(db, (tx) => tx.insert(signInAttempts).values({ email: user?.email ?? ctx.actor.email, ip, succeeded: false, at: now.toISOString() }));
    throw new AppError("invalid_input", "The password is not correct. Nothing was signed.", "wrong_password", {
      fieldErrors: { password: ["The password is not correct."] },
    });
  }

  // Re-check everything under the write lock: the state may have changed while hashing.
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "golive.sign",
    run: async ({ tx, project: fresh, audit }) => {
      const acceptance = await acceptanceOf(tx, fresh.id);
      const freshChecklist = rules.readinessChecklist(await readinessSnapshot(tx, fresh));
      const outcome = rules.signOff(await acceptanceState(tx, acceptance), freshChecklist, { userId: ctx.actor.id, statement: input.statement }, await certifiedIds(tx));
      if (!outcome.ok) unmetAsProblem(outcome, freshChecklist);
      const signedAt = now.toISOString();
      const signOff = await one(tx
        .insert(goLiveSignOffs)
        .values({
          acceptanceId: acceptance!.id,
          userId: ctx.actor.id,
          signedAt,
          ip: ctx.ip,
          userAgent: ctx.userAgent,
          statement: acceptance!.statement,
          statementSha256: sha256(acceptance!.statement),
          auditHeadHash: await auditHead(tx),
        })
        .returning());
      const updated = await first(tx
        .update(goLiveAcceptances)
        .set({ version: acceptance!.version + 1, ...(outcome.completes ? { status: "signed" as const, completedAt: signedAt } : {}) })
        .where(and(eq(goLiveAcceptances.id, acceptance!.id), eq(goLiveAcceptances.projectId, fresh.id), eq(goLiveAcceptances.version, acceptance!.version)))
        .returning());
      if (!updated) throw new AppError("stale_version", "The acceptance changed while you were signing. Reload and try again.", "stale_version");
      for (const event of outcome.events) {
        // The completed acceptance is filed as the go-live artifact's latest version first, so
        // the completion event can say whether (and where) its certificate was filed.
        const certificate =
          event.action === "go_live_acceptance.complete"
            ? await fileAcceptanceCertificate(tx, ctx, audit, { project: fresh, acceptance: { ...updated, completedAt: signedAt }, statementSha256: signOff.statementSha256 })
            : undefined;
        audit({
          action: event.action,
          objectType: "go_live_acceptance",
          objectId: acceptance!.id,
          after: { ...event.after, statementSha256: signOff.statementSha256, auditHeadHash: signOff.auditHeadHash, ...(certificate ? { certificate } : {}) },
        });
      }
      if (outcome.completes) {
        const pms = await tx
          .select({ userId: projectMembers.userId })
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, fresh.id), eq(projectMembers.role, "project_manager")));
        await notify(tx, ctx.actor.id, {
          userIds: pms.map((p) => p.userId),
          projectId: fresh.id,
          kind: "golive.complete",
          title: `${fresh.name}: the go-live acceptance is signed by everyone`,
          href: `/projects/${fresh.id}/go-live`,
        });
      }
      return { signOff, acceptance: updated, complete: outcome.completes };
    },
  });
}

/** The handover to the helpdesk: the project becomes live and the implementation phase ends. */
export async function recordHandover(db: Db, ctx: RequestContext, input: z.infer<typeof handoverSchema>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "handover.record",
    run: async ({ tx, project, audit }) => {
      const existing = await first(tx.select({ id: handovers.id }).from(handovers).where(eq(handovers.projectId, project.id)));
      const outcome = rules.recordHandover(project.status, await acceptanceOf(tx, project.id), Boolean(existing));
      if (!outcome.ok) refused(outcome);
      const handover = await one(tx
        .insert(handovers)
        .values({
          projectId: project.id,
          handoverDate: input.handoverDate,
          supportContacts: input.supportContacts,
          openItems: input.openItems,
          recordedBy: ctx.actor.id,
          recordedAt: new Date().toISOString(),
        })
        .returning());
      const updated = await first(tx
        .update(projects)
        .set({ status: outcome.nextStatus, version: project.version + 1, updatedAt: new Date().toISOString() })
        .where(and(eq(projects.id, project.id), eq(projects.version, project.version)))
        .returning());
      if (!updated) throw new AppError("stale_version", "The project changed in the meantime. Reload and try again.", "stale_version");
      audit(
        {
          action: "handover.record",
          objectType: "handover",
          objectId: handover.id,
          after: { handoverDate: input.handoverDate, supportContacts: input.supportContacts.length, openItems: input.openItems.length },
        },
        ...outcome.events.map((event) => ({ action: event.action, objectType: "project", objectId: project.id, before: { status: project.status }, after: event.after })),
      );
      const members = await tx.select({ userId: projectMembers.userId }).from(projectMembers).where(eq(projectMembers.projectId, project.id));
      await notify(tx, ctx.actor.id, {
        userIds: members.map((m) => m.userId),
        projectId: project.id,
        kind: "project.live",
        title: `${project.name} is live and handed over to the helpdesk`,
        href: `/projects/${project.id}/go-live`,
      });
      return handover;
    },
  });
}
