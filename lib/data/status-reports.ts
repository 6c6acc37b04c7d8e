// Weekly status reports: gather the facts, freeze the snapshot (lib/domain/status-report),
// store it with its markdown, and read it back — without the vendor-internal section for
// anyone who may not see internal figures.
import { and, asc, desc, eq, gt, gte, inArray, or } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction, one } from "@/db/client";
import type { HEALTH } from "@/db/enums";
import {
  clientOrganizations,
  escalations,
  estimateSnapshots,
  gateConditions,
  gateDecisions,
  gates,
  paymentMilestones,
  projectMembers,
  projects,
  scopeBaselines,
  scopeChanges,
  scopeItems,
  sprints,
  statusReports,
  trainingModules,
  trainingSessions,
  type Project,
} from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { loadProjectAccess } from "@/lib/data/access";
import { afterKey, decodeCursor, pageOf } from "@/lib/data/cursor";
import { type CommandEvent, projectCommand } from "@/lib/data/command";
import { refreshProjectHealth } from "@/lib/data/health";
import { notify } from "@/lib/data/notifications";
import { readHealthReasons } from "@/lib/domain/health";
import type { Actor } from "@/lib/domain/permissions";
import {
  buildStatusReport,
  clientSnapshot,
  isoWeekOf,
  type ReportFacts,
  type StatusReportSnapshot,
} from "@/lib/domain/status-report";
import { statusReportMarkdown } from "@/lib/domain/status-report-markdown";
import { publishedAuditHead } from "@/lib/data/audit-checkpoints";
import { AppError, notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/messages/catalogue";

export async function gatherReportFacts(tx: DbOrTx, project: Project, now: string): Promise<ReportFacts> {
  const projectId = project.id;
  const verdict = await refreshProjectHealth(tx, projectId, now.slice(0, 10));
  const client = await first(
    tx
      .select({ name: clientOrganizations.name })
      .from(clientOrganizations)
      .where(eq(clientOrganizations.id, project.organizationId)),
  );
  const previous = await first(
    tx
      .select({ generatedAt: statusReports.generatedAt })
      .from(statusReports)
      .where(eq(statusReports.projectId, projectId))
      .orderBy(desc(statusReports.generatedAt))
      .limit(1),
  );
  const since = previous?.generatedAt ?? null;
  const after = <T>(column: T) => (since ? gt(column as never, since) : undefined);

  const gateRows = await tx.select().from(gates).where(eq(gates.projectId, projectId));
  const gateById = new Map(gateRows.map((g) => [g.id, g]));
  const decisions = gateRows.length
    ? await tx
        .select()
        .from(gateDecisions)
        .where(
          and(
            inArray(
              gateDecisions.gateId,
              gateRows.map((g) => g.id),
            ),
            after(gateDecisions.decidedAt),
          ),
        )
        .orderBy(asc(gateDecisions.decidedAt))
    : [];
  const conditions = gateRows.length
    ? await tx
        .select()
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
        .orderBy(asc(gateConditions.dueDate))
    : [];
  const changes = await tx
    .select({ title: scopeItems.title, change: scopeChanges.change, reason: scopeChanges.reason, at: scopeChanges.at })
    .from(scopeChanges)
    .innerJoin(scopeItems, eq(scopeItems.id, scopeChanges.scopeItemId))
    .where(and(eq(scopeChanges.projectId, projectId), after(scopeChanges.at)))
    .orderBy(asc(scopeChanges.at))
    .limit(50);
  const billable = (
    await tx
      .select({ amount: paymentMilestones.amount })
      .from(paymentMilestones)
      .where(and(eq(paymentMilestones.projectId, projectId), eq(paymentMilestones.status, "billable")))
  ).reduce((sum, m) => sum + m.amount, 0);
  const forecast = await first(
    tx
      .select()
      .from(estimateSnapshots)
      .where(eq(estimateSnapshots.projectId, projectId))
      .orderBy(desc(estimateSnapshots.takenAt))
      .limit(1),
  );

  return {
    project: {
      id: project.id,
      name: project.name,
      clientName: client?.name ?? "",
      status: project.status,
      currentGate: project.currentGate,
      targetGoLiveDate: project.targetGoLiveDate,
      health: verdict?.health ?? project.health,
      healthReasons: verdict?.reasons ?? readHealthReasons(project.healthReasons, project.health),
    },
    since,
    generatedAt: now,
    gates: gateRows.map((g) => ({
      number: g.number,
      name: g.name,
      status: g.status,
      plannedDate: g.plannedDate,
      decidedAt: g.decidedAt,
    })),
    gateDecisions: decisions.map((d) => ({
      number: gateById.get(d.gateId)!.number,
      name: gateById.get(d.gateId)!.name,
      decision: d.decision,
      rationale: d.rationale,
      decidedAt: d.decidedAt,
    })),
    sprints: await tx
      .select({
        number: sprints.number,
        goal: sprints.goal,
        status: sprints.status,
        startDate: sprints.startDate,
        endDate: sprints.endDate,
        decidedAt: sprints.decidedAt,
      })
      .from(sprints)
      .where(
        and(
          eq(sprints.projectId, projectId),
          since
            ? or(inArray(sprints.status, ["planned", "active", "in_review", "rejected"]), gt(sprints.decidedAt, since))
            : undefined,
        ),
      )
      .orderBy(asc(sprints.number))
      .limit(30),
    scopeChanges: changes,
    scopeBaselines: await tx
      .select({
        version: scopeBaselines.version,
        totalDays: scopeBaselines.totalDays,
        approvedAt: scopeBaselines.approvedAt,
      })
      .from(scopeBaselines)
      .where(and(eq(scopeBaselines.projectId, projectId), after(scopeBaselines.approvedAt))),
    openEscalations: await tx
      .select({
        title: escalations.title,
        severity: escalations.severity,
        blocking: escalations.blocking,
        status: escalations.status,
      })
      .from(escalations)
      .where(
        and(eq(escalations.projectId, projectId), inArray(escalations.status, ["open", "triaged", "in_progress"])),
      ),
    openConditions: conditions.map((c) => ({
      gateNumber: gateById.get(c.gateId)!.number,
      text: c.text,
      dueDate: c.dueDate,
    })),
    upcomingTraining: await tx
      .select({ moduleName: trainingModules.name, startsAt: trainingSessions.startsAt, mode: trainingSessions.mode })
      .from(trainingSessions)
      .innerJoin(trainingModules, eq(trainingModules.id, trainingSessions.moduleId))
      .where(and(eq(trainingSessions.projectId, projectId), gte(trainingSessions.startsAt, now)))
      .orderBy(asc(trainingSessions.startsAt))
      .limit(5),
    internal: {
      notes: project.internalNotes,
      billableAmount: billable,
      currency: project.currency,
      forecastGoLive: forecast?.forecastGoLive ?? null,
      forecastCost: forecast?.forecastCost ?? null,
    },
  };
}

/**
 * Freezes one report in the caller's transaction, outside any user's command (the weekly job,
 * the seed); refused when this ISO week already has one.
 */
export async function freezeReport(tx: DbOrTx, ctx: RequestContext | null, project: Project, now: string) {
  return await writeReport(tx, ctx?.actor.id ?? null, project, now, async (event) => {
    await recordAudit(tx, ctx, { ...event, projectId: project.id });
  });
}

/** The report's snapshot, row, audit event (handed to `audit`) and notification. */
async function writeReport(
  tx: DbOrTx,
  actorId: string | null,
  project: Project,
  now: string,
  audit: (event: CommandEvent) => Promise<void> | void,
) {
  const week = isoWeekOf(now);
  const existing = await first(
    tx
      .select({ id: statusReports.id })
      .from(statusReports)
      .where(and(eq(statusReports.projectId, project.id), eq(statusReports.weekOf, week.monday))),
  );
  if (existing) {
    throw new AppError(
      "rule_refused",
      `The report for week ${week.label} already exists; it is frozen and cannot be generated again.`,
      "report_exists",
      { missing: [{ reportId: existing.id }] },
      { problem: "reportExists", params: { week: week.label } },
    );
  }
  // Frozen in the project's language (the client's), whoever generates it.
  const language = { locale: project.language, messages: await loadMessages(project.language) };
  const snapshot: StatusReportSnapshot = {
    ...buildStatusReport(await gatherReportFacts(tx, project, now), language),
    // The signed head of the audit trail as the report is frozen, published with it outside the database.
    auditHead: await publishedAuditHead(tx),
  };
  const report = await one(
    tx
      .insert(statusReports)
      .values({
        projectId: project.id,
        weekOf: snapshot.weekOf,
        generatedAt: now,
        generatedBy: actorId,
        snapshot: snapshot as unknown as Record<string, unknown>,
        markdown: statusReportMarkdown(snapshot, language),
      })
      .returning(),
  );
  await audit({
    action: "status_report.generate",
    objectType: "status_report",
    objectId: report.id,
    after: { weekOf: report.weekOf, isoWeek: snapshot.isoWeek },
  });
  // Everyone on the project hears that the week's report is out (the steering committee reads it).
  const members = await tx
    .select({ userId: projectMembers.userId })
    .from(projectMembers)
    .where(eq(projectMembers.projectId, project.id));
  await notify(tx, actorId, {
    userIds: members.map((m) => m.userId),
    projectId: project.id,
    kind: "status_report.generated",
    title: `Status report ${snapshot.isoWeek} for ${project.name}`,
    params: { week: snapshot.isoWeek, project: project.name },
    href: `/projects/${project.id}/reports/${report.id}`,
  });
  return report;
}

/** The button and the API: needs report.generate on the project. */
export async function generateStatusReport(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string },
  now = new Date().toISOString(),
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "report.generate",
    run: async ({ tx, project, audit }) => {
      const report = await writeReport(tx, ctx.actor.id, project, now, audit);
      return { id: report.id, weekOf: report.weekOf, generatedAt: report.generatedAt };
    },
  });
}

/** `npm run reports:weekly`: one report per active project for the current ISO week unless it exists. */
export async function generateWeeklyReports(db: Db, now = new Date().toISOString()) {
  const week = isoWeekOf(now);
  const due = await db.select({ id: projects.id }).from(projects).where(eq(projects.status, "active"));
  let generated = 0;
  let skipped = 0;
  for (const { id } of due) {
    // One transaction per project: a failure in one project never loses the others.
    const made = await transaction(db, async (tx) => {
      const project = await first(tx.select().from(projects).where(eq(projects.id, id)));
      if (!project || project.status !== "active") return false;
      const exists = await first(
        tx
          .select({ id: statusReports.id })
          .from(statusReports)
          .where(and(eq(statusReports.projectId, id), eq(statusReports.weekOf, week.monday))),
      );
      if (exists) return false;
      await freezeReport(tx, null, project, now);
      return true;
    });
    if (made) generated++;
    else skipped++;
  }
  return { week: week.label, generated, skipped };
}

export type StatusReportListItem = {
  id: string;
  weekOf: string;
  isoWeek: string;
  generatedAt: string;
  health: (typeof HEALTH)[number];
};

/** The project's reports, newest first: a page of `limit` after the cursor's (generatedAt, id). */
export async function listStatusReports(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  options: { limit: number; cursor?: string | null },
) {
  await loadProjectAccess(db, actor, projectId);
  const after = options.cursor ? decodeCursor(options.cursor, ["string", "string"]) : null;
  const rows = await db
    .select({
      id: statusReports.id,
      weekOf: statusReports.weekOf,
      generatedAt: statusReports.generatedAt,
      snapshot: statusReports.snapshot,
    })
    .from(statusReports)
    .where(
      and(
        eq(statusReports.projectId, projectId),
        afterKey([statusReports.generatedAt, statusReports.id], after, "desc"),
      ),
    )
    .orderBy(desc(statusReports.generatedAt), desc(statusReports.id))
    .limit(options.limit + 1);
  return pageOf(
    rows,
    options.limit,
    (r) => [r.generatedAt, r.id],
    (r): StatusReportListItem => {
      const s = r.snapshot as unknown as StatusReportSnapshot;
      const health = s.project.health as StatusReportListItem["health"];
      return { id: r.id, weekOf: r.weekOf, isoWeek: s.isoWeek, generatedAt: r.generatedAt, health };
    },
  );
}

/** One report as this actor may read it: snapshot and markdown without internal figures unless allowed. */
export async function getStatusReport(db: DbOrTx, actor: Actor, projectId: string, reportId: string) {
  const access = await loadProjectAccess(db, actor, projectId);
  const row = await first(
    db
      .select()
      .from(statusReports)
      .where(and(eq(statusReports.id, reportId), eq(statusReports.projectId, projectId))),
  );
  if (!row) throw notFound("This status report");
  const full = row.snapshot as unknown as StatusReportSnapshot;
  const internal = access.can("project.viewInternal");
  const snapshot = internal ? full : clientSnapshot(full);
  const frozenIn = full.language ?? "en";
  return {
    id: row.id,
    projectId: row.projectId,
    weekOf: row.weekOf,
    generatedAt: row.generatedAt,
    snapshot,
    language: frozenIn,
    // The stored markdown is the vendor's copy; others get the same frozen snapshot rendered without
    // internals, in the language it was frozen in.
    markdown: internal
      ? row.markdown
      : statusReportMarkdown(snapshot, { locale: frozenIn, messages: await loadMessages(frozenIn) }),
    canGenerate: access.can("report.generate"),
  };
}

/**
 * The markdown download for a reader: the stored copy when it is theirs to read in their language;
 * otherwise the same frozen snapshot with the headings, labels, dates and amounts in the reader's
 * language (its sentences stay as they were frozen).
 */
export async function statusReportDownload(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  reportId: string,
  reader: Locale,
) {
  const report = await getStatusReport(db, actor, projectId, reportId);
  const markdown =
    reader === report.language
      ? report.markdown
      : statusReportMarkdown(report.snapshot, { locale: reader, messages: await loadMessages(reader) });
  return { snapshot: report.snapshot, markdown };
}
