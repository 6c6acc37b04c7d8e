// Go-live readiness: the checklist's facts (validation runs, certified guardians per site, blocking
// escalations, the gates the policy requires) and the go-live page's whole view (GET /go-live).
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { type DbOrTx, first } from "@/db/client";
import {
  escalations,
  gateConditions,
  gates,
  goLiveSignOffs,
  goLiveSigners,
  guardians,
  handovers,
  sites,
  users,
  type Project,
} from "@/db/schema";
import { loadProjectAccess } from "@/lib/data/access";
import { acceptanceOf, sha256 } from "@/lib/data/go-live-acceptance";
import { policyGatesOf } from "@/lib/data/policy-versions";
import { validationSummary } from "@/lib/data/validation-runs";
import * as rules from "@/lib/domain/go-live";
import { defaultAcceptanceStatement } from "@/lib/domain/go-live-statement";
import type { Actor } from "@/lib/domain/permissions";
import { loadMessages } from "@/messages/catalogue";

const OPEN_ESCALATION = ["open", "triaged", "in_progress"] as const;

/** Where the evidence of each checklist item lives. */
const EVIDENCE: Record<rules.ChecklistKey, string> = {
  homologation_passed: "validation",
  production_passed: "validation",
  guardians_certified: "guardians",
  no_blocking_escalations: "escalations",
  gates_passed: "gates",
};

/** The facts readiness is computed from, read in one go (inside a transaction when writing). */
export async function readinessSnapshot(db: DbOrTx, project: Project): Promise<rules.ReadinessSnapshot> {
  const validation = await validationSummary(db, project.id);
  // Counted in JS: drizzle leaves columns unqualified in a correlated subquery of a one-table select.
  const siteRows = await db
    .select({ id: sites.id, name: sites.name })
    .from(sites)
    .where(eq(sites.projectId, project.id))
    .orderBy(asc(sites.name));
  const certifiedSites = (
    await db
      .select({ siteId: guardians.siteId })
      .from(guardians)
      .where(and(eq(guardians.projectId, project.id), eq(guardians.status, "certified")))
  ).map((g) => g.siteId);
  const blocking =
    (
      await first(
        db
          .select({ n: sql<number>`count(*)` })
          .from(escalations)
          .where(
            and(
              eq(escalations.projectId, project.id),
              eq(escalations.blocking, true),
              inArray(escalations.status, [...OPEN_ESCALATION]),
            ),
          ),
      )
    )?.n ?? 0;
  const gateRows = await db
    .select({ id: gates.id, number: gates.number, status: gates.status })
    .from(gates)
    .where(eq(gates.projectId, project.id));
  const openConditionGates = gateRows.length
    ? (
        await db
          .select({ gateId: gateConditions.gateId })
          .from(gateConditions)
          .where(
            and(
              inArray(
                gateConditions.gateId,
                gateRows.map((g) => g.id),
              ),
              eq(gateConditions.status, "open"),
            ),
          )
      ).map((c) => c.gateId)
    : [];
  return {
    latestHomologation: (validation.latestHomologation?.status as "passed" | "failed" | undefined) ?? null,
    latestProduction: (validation.latestProduction?.status as "passed" | "failed" | undefined) ?? null,
    openRun: validation.open?.environment ?? null,
    sites: siteRows.map((site) => ({
      name: site.name,
      certifiedGuardians: certifiedSites.filter((id) => id === site.id).length,
    })),
    openBlockingEscalations: Number(blocking),
    currentGate: project.currentGate,
    gates: gateRows.map((g) => ({
      number: g.number,
      status: g.status,
      openConditions: openConditionGates.filter((id) => id === g.id).length,
    })),
    // The project's policy version says which gates go-live needs (DESIGN.md §4b).
    gatesBeforeGoLive: rules.gatesBeforeGoLive(await policyGatesOf(db, project.policyVersionId)),
  };
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
    ? (
        await db
          .select({
            userId: users.id,
            name: users.name,
            email: users.email,
            capacity: goLiveSigners.capacity,
            signedAt: goLiveSignOffs.signedAt,
          })
          .from(goLiveSigners)
          .innerJoin(users, eq(users.id, goLiveSigners.userId))
          .leftJoin(
            goLiveSignOffs,
            and(
              eq(goLiveSignOffs.acceptanceId, goLiveSigners.acceptanceId),
              eq(goLiveSignOffs.userId, goLiveSigners.userId),
            ),
          )
          .where(eq(goLiveSigners.acceptanceId, acceptance.id))
          .orderBy(asc(goLiveSigners.capacity), asc(users.name))
      ).map((s) => ({ ...s, signed: Boolean(s.signedAt) }))
    : [];
  const handover = (await first(db.select().from(handovers).where(eq(handovers.projectId, project.id)))) ?? null;
  const ready = checklist.every((c) => c.done);
  const status = handover ? ("handed_over" as const) : acceptance ? acceptance.status : ("not_set_up" as const);
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
    /** The client's language (the project's): the proposed statement is written in it. */
    language: project.language,
    /** The statement proposed to the PM before one is saved, in the project's language. */
    defaultStatement: defaultAcceptanceStatement({
      locale: project.language,
      messages: await loadMessages(project.language),
    }),
    acceptance: acceptance
      ? {
          id: acceptance.id,
          statement: acceptance.statement,
          statementSha256: sha256(acceptance.statement),
          completedAt: acceptance.completedAt,
          version: acceptance.version,
        }
      : null,
    signers,
    stillToSign: signers
      .filter((s) => !s.signed)
      .map((s) => ({ userId: s.userId, name: s.name, capacity: s.capacity })),
    handover: handover
      ? {
          handoverDate: handover.handoverDate,
          supportContacts: handover.supportContacts,
          openItems: handover.openItems,
          recordedAt: handover.recordedAt,
        }
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
