// Escalations: raised by certified guardians, triaged by the vendor team
// (rules in lib/domain/escalation.ts).
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { z } from "zod";
import { type Db, type DbOrTx, first, one } from "@/db/client";
import { escalations, projectMembers, users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { loadProjectAccess, type ProjectAccess } from "@/lib/data/access";
import { afterKey, decodeCursor, pageOf } from "@/lib/data/cursor";
import { projectCommand } from "@/lib/data/command";
import { guardianOf, projectModules, trainingRecordsOf } from "@/lib/data/guardians";
import { refreshProjectHealth } from "@/lib/data/health";
import { personOf, publishEvent } from "@/lib/data/domain-events";
import { notify } from "@/lib/data/notifications";
import { mayRaiseEscalation, triageEscalation as decideTriage, type EscalationStatus } from "@/lib/domain/escalation";
import { missingForCertification } from "@/lib/domain/guardian";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, forbidden, notFound, refused, staleVersion } from "@/lib/errors";
import type { raiseEscalationSchema, triageEscalationSchema } from "@/lib/validation/readiness";

type Escalation = typeof escalations.$inferSelect;

const raiser = alias(users, "raiser");
const assignee = alias(users, "assignee");

type RowOptions = {
  status?: EscalationStatus[];
  id?: string;
  before?: readonly [createdAt: string, id: string];
  limit?: number;
};

async function escalationRows(db: DbOrTx, projectId: string, options: RowOptions = {}) {
  return (
    await db
      .select({
        escalation: escalations,
        raisedByName: raiser.name,
        raisedByEmail: raiser.email,
        assigneeName: assignee.name,
      })
      .from(escalations)
      .innerJoin(raiser, eq(raiser.id, escalations.raisedBy))
      .leftJoin(assignee, eq(assignee.id, escalations.assigneeId))
      .where(
        and(
          eq(escalations.projectId, projectId),
          options.status ? inArray(escalations.status, options.status) : undefined,
          options.id ? eq(escalations.id, options.id) : undefined,
          afterKey([escalations.createdAt, escalations.id], options.before ?? null, "desc"),
        ),
      )
      .orderBy(desc(escalations.createdAt), desc(escalations.id))
      .limit(options.limit ?? Number.MAX_SAFE_INTEGER)
  ).map((r) => ({
    ...r.escalation,
    raisedByName: r.raisedByName,
    raisedByEmail: r.raisedByEmail,
    assigneeName: r.assigneeName,
  }));
}

export type EscalationView = Awaited<ReturnType<typeof escalationRows>>[number];

/** A page of escalations, newest first (the API's `?limit=&cursor=`). */
export async function pageEscalations(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  const rows = await escalationRows(db, projectId, {
    before: page.cursor ? decodeCursor(page.cursor, ["string", "string"]) : undefined,
    limit: page.limit + 1,
  });
  return pageOf(rows, page.limit, (e) => [e.createdAt, e.id]);
}

/** Every member of the project reads its escalations (they carry no vendor-internal data). */
export async function listEscalations(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  options: { status?: EscalationStatus[] } = {},
) {
  await loadProjectAccess(db, actor, projectId);
  return await escalationRows(db, projectId, options);
}

export async function getEscalation(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  escalationId: string,
): Promise<EscalationView> {
  await loadProjectAccess(db, actor, projectId);
  const row = (await escalationRows(db, projectId, { id: escalationId }))[0];
  if (!row) throw notFound("This escalation");
  return row;
}

/** Whether this actor may raise an escalation here, and if not, the explanation. */
async function raiseVerdict(db: DbOrTx, access: ProjectAccess, actor: Actor) {
  const guardian = await guardianOf(db, access.project.id, actor.id);
  const missing = guardian
    ? missingForCertification(
        await projectModules(db, access.project.id),
        (await trainingRecordsOf(db, access.project.id, [guardian.id])).get(guardian.id) ?? [],
      )
    : [];
  return mayRaiseEscalation({
    hasGuardianRole: access.can("escalation.raise"),
    guardianStatus: guardian?.status ?? null,
    missing,
  });
}

export async function escalationRaiseCheck(db: DbOrTx, actor: Actor, projectId: string) {
  const access = await loadProjectAccess(db, actor, projectId);
  return await raiseVerdict(db, access, actor);
}

/** Vendor members who can be assigned an escalation. */
export async function escalationAssignees(db: DbOrTx, actor: Actor, projectId: string) {
  await loadProjectAccess(db, actor, projectId);
  return await vendorMembers(db, projectId);
}

async function vendorMembers(db: DbOrTx, projectId: string) {
  return (
    await db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(projectMembers)
      .innerJoin(users, eq(users.id, projectMembers.userId))
      .where(
        and(eq(projectMembers.projectId, projectId), inArray(projectMembers.role, ["project_manager", "team_member"])),
      )
  ).sort((a, b) => a.name.localeCompare(b.name));
}

/** An escalation as its events name it. */
const escalationRefOf = (e: Escalation) => ({ id: e.id, title: e.title, severity: e.severity, status: e.status });

export async function raiseEscalation(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof raiseEscalationSchema>,
): Promise<Escalation> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "view",
    run: async ({ tx, access, project, audit }) => {
      const verdict = await raiseVerdict(tx, access, ctx.actor);
      if (!verdict.ok) {
        // Without the guardian role it is a permission matter (403); a guardian who is not
        // certified yet is refused by the workflow rule (409). Both say why.
        if (!access.can("escalation.raise")) throw forbidden(verdict.refusal.message, { refusal: verdict.refusal });
        refused(verdict.refusal);
      }
      const now = new Date().toISOString();
      const escalation = await one(
        tx
          .insert(escalations)
          .values({
            projectId: project.id,
            raisedBy: ctx.actor.id,
            title: input.title,
            description: input.description,
            severity: input.severity,
            blocking: input.blocking,
            createdAt: now,
            updatedAt: now,
          })
          .returning(),
      );
      audit({ action: "escalation.raise", objectType: "escalation", objectId: escalation.id, after: escalation });
      // Open blocking escalations turn the project red.
      await refreshProjectHealth(tx, project.id);
      await publishEvent(tx, "escalation.raised", project, {
        escalation: escalationRefOf(escalation),
        raisedBy: personOf(ctx.actor),
      });
      const pms = (
        await tx
          .select({ userId: projectMembers.userId })
          .from(projectMembers)
          .where(and(eq(projectMembers.projectId, project.id), eq(projectMembers.role, "project_manager")))
      ).map((m) => m.userId);
      await notify(tx, ctx.actor.id, {
        userIds: pms,
        projectId: project.id,
        kind: "escalation.raised",
        title: `${input.blocking ? "Blocking " : ""}${input.severity} escalation on ${project.name}: ${input.title}`,
        params: { blocking: input.blocking, severity: input.severity, project: project.name, title: input.title },
        href: `/projects/${project.id}/escalations#escalation-${escalation.id}`,
      });
      return escalation;
    },
  });
}

async function loadEscalation(tx: DbOrTx, projectId: string, escalationId: string): Promise<Escalation> {
  const escalation = await first(
    tx
      .select()
      .from(escalations)
      .where(and(eq(escalations.id, escalationId), eq(escalations.projectId, projectId))),
  );
  if (!escalation) throw notFound("This escalation");
  return escalation;
}

export async function triageEscalation(
  db: Db,
  ctx: RequestContext,
  input: z.infer<typeof triageEscalationSchema>,
): Promise<Escalation> {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "escalation.triage",
    load: (tx, project) => loadEscalation(tx, project.id, input.escalationId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, target: current, audit }) => {
      if (input.assigneeId && !(await vendorMembers(tx, project.id)).some((m) => m.id === input.assigneeId)) {
        throw new AppError(
          "invalid_input",
          "Assign a vendor member of this project.",
          "invalid_input",
          {
            fieldErrors: { assigneeId: ["Choose a project manager or team member of this project."] },
          },
          { problem: "assignVendorMember", fields: { assigneeId: "chooseVendorMember" } },
        );
      }
      const outcome = decideTriage(current, {
        status: input.status,
        severity: input.severity,
        blocking: input.blocking,
        assigneeId: input.assigneeId,
        resolution: input.resolution,
      });
      if (!outcome.ok) refused(outcome.refusal);
      if (!Object.keys(outcome.changed).length) return current;
      const updated = await first(
        tx
          .update(escalations)
          .set({ ...outcome.next, version: current.version + 1, updatedAt: new Date().toISOString() })
          .where(
            and(
              eq(escalations.id, current.id),
              eq(escalations.projectId, project.id),
              eq(escalations.version, current.version),
            ),
          )
          .returning(),
      );
      if (!updated) throw staleVersion("this escalation");
      const before = Object.fromEntries(Object.keys(outcome.changed).map((k) => [k, current[k as keyof Escalation]]));
      audit({
        action: "escalation.triage",
        objectType: "escalation",
        objectId: current.id,
        before,
        after: outcome.changed,
      });
      await refreshProjectHealth(tx, project.id);
      if (outcome.changed.status === "resolved") {
        await publishEvent(tx, "escalation.resolved", project, {
          escalation: escalationRefOf(updated),
          resolvedBy: personOf(ctx.actor),
        });
      }
      if (outcome.changed.status) {
        await notify(tx, ctx.actor.id, {
          userIds: [current.raisedBy],
          projectId: project.id,
          kind: "escalation.status",
          title: `Your escalation "${current.title}" is now ${outcome.changed.status.replace("_", " ")}`,
          params: { title: current.title, status: outcome.changed.status },
          href: `/projects/${project.id}/escalations#escalation-${current.id}`,
        });
      }
      return updated;
    },
  });
}

/** Open blocking escalations of a project: what go-live readiness checks. */
export async function openBlockingEscalations(db: DbOrTx, projectId: string) {
  return (await escalationRows(db, projectId, { status: ["open", "triaged", "in_progress"] })).filter(
    (e) => e.blocking,
  );
}
