// Payment milestones per project and across the portfolio (DESIGN.md §2 PaymentMilestone).
// Client owners see their own project's milestones; the portfolio view is vendor-only.
import { createTranslator } from "next-intl";
import { and, asc, eq, exists, gt } from "drizzle-orm";
import type { z } from "zod";
import { type Db, type DbOrTx, first } from "@/db/client";
import {
  clientOrganizations,
  paymentMilestones,
  projectMembers,
  projects,
  sprints,
  type MILESTONE_STATUSES,
} from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { requireProjectPermission } from "@/lib/data/access";
import { projectCommand } from "@/lib/data/command";
import { personOf, publishEvent } from "@/lib/data/domain-events";
import { decodeCursor } from "@/lib/data/cursor";
import { centsToDecimal, csvRows, decideMilestone, totalsByStatus, type MilestoneCommand } from "@/lib/domain/billing";
import type { Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/messages/catalogue";
import { isVendor, type Actor } from "@/lib/domain/permissions";
import { forbidden, notFound, refused, staleVersion } from "@/lib/errors";
import type { billingTermsSchema } from "@/lib/validation/billing";

export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

const milestoneColumns = {
  id: paymentMilestones.id,
  projectId: paymentMilestones.projectId,
  sprintId: paymentMilestones.sprintId,
  sprintNumber: sprints.number,
  sprintGoal: sprints.goal,
  sprintStatus: sprints.status,
  amount: paymentMilestones.amount,
  currency: paymentMilestones.currency,
  status: paymentMilestones.status,
  invoiceReference: paymentMilestones.invoiceReference,
  billableAt: paymentMilestones.billableAt,
  invoicedAt: paymentMilestones.invoicedAt,
  paidAt: paymentMilestones.paidAt,
  version: paymentMilestones.version,
};

/**
 * A project's terms, milestones by sprint number (all of them, or a page after the cursor's sprint
 * number) and the totals of every milestone by status.
 */
export async function projectBilling(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  page?: { limit: number; cursor?: string | null },
) {
  const access = await requireProjectPermission(db, actor, projectId, "billing.view");
  const after = page?.cursor ? decodeCursor(page.cursor, ["number"])[0] : null;
  const query = db
    .select(milestoneColumns)
    .from(paymentMilestones)
    .innerJoin(sprints, eq(sprints.id, paymentMilestones.sprintId))
    .where(and(eq(paymentMilestones.projectId, projectId), after === null ? undefined : gt(sprints.number, after)))
    .orderBy(asc(sprints.number));
  const milestones = await (page ? query.limit(page.limit + 1) : query);
  // The totals are the whole project's, whichever page is read.
  const all = page
    ? await db
        .select({
          status: paymentMilestones.status,
          amount: paymentMilestones.amount,
          currency: paymentMilestones.currency,
        })
        .from(paymentMilestones)
        .where(eq(paymentMilestones.projectId, projectId))
    : milestones;
  const p = access.project;
  return {
    // Terms are the contract's; internal notes never leave the vendor side.
    terms: {
      billingMode: p.billingMode,
      dayRate: p.dayRate,
      fixedSprintAmount: p.fixedSprintAmount,
      currency: p.currency,
      version: p.version,
    },
    milestones,
    totals: totalsByStatus(all),
    canManage: access.can("billing.manage"),
    ...(access.can("project.viewInternal") ? { internalNotes: p.internalNotes } : {}),
  };
}

/** Vendor only: admins see every project's milestones, staff the projects they manage. */
export async function portfolioBilling(
  db: DbOrTx,
  actor: Actor,
  options: { status?: MilestoneStatus; limit?: number } = {},
) {
  if (!isVendor(actor))
    throw forbidden("The portfolio billing view is for the vendor team.", { problem: "billingVendorOnly" });
  const managed =
    actor.role === "admin"
      ? undefined
      : exists(
          db
            .select({ one: projectMembers.userId })
            .from(projectMembers)
            .where(
              and(
                eq(projectMembers.projectId, paymentMilestones.projectId),
                eq(projectMembers.userId, actor.id),
                eq(projectMembers.role, "project_manager"),
              ),
            ),
        );
  const where = and(managed, options.status ? eq(paymentMilestones.status, options.status) : undefined);
  const totalsRows = await db
    .select({
      status: paymentMilestones.status,
      amount: paymentMilestones.amount,
      currency: paymentMilestones.currency,
    })
    .from(paymentMilestones)
    .where(managed);
  const rows = await db
    .select({ ...milestoneColumns, projectName: projects.name, clientName: clientOrganizations.name })
    .from(paymentMilestones)
    .innerJoin(sprints, eq(sprints.id, paymentMilestones.sprintId))
    .innerJoin(projects, eq(projects.id, paymentMilestones.projectId))
    .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
    .where(where)
    .orderBy(asc(projects.name), asc(sprints.number))
    .limit(options.limit ?? 500);
  return { totals: totalsByStatus(totalsRows), milestones: rows };
}

async function loadMilestone(tx: DbOrTx, projectId: string, milestoneId: string) {
  const m = await first(
    tx
      .select()
      .from(paymentMilestones)
      .where(and(eq(paymentMilestones.id, milestoneId), eq(paymentMilestones.projectId, projectId))),
  );
  if (!m) throw notFound("This payment milestone");
  return m;
}

async function transition(
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; milestoneId: string; expectedVersion?: number },
  command: MilestoneCommand,
) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "billing.manage",
    load: (tx, project) => loadMilestone(tx, project.id, input.milestoneId),
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, target: m, audit }) => {
      const outcome = decideMilestone(m.status, command, new Date().toISOString());
      if (!outcome.ok) refused(outcome.refusal);
      const updated = await first(
        tx
          .update(paymentMilestones)
          .set({ ...outcome.change, version: m.version + 1 })
          .where(
            and(
              eq(paymentMilestones.id, m.id),
              eq(paymentMilestones.projectId, project.id),
              eq(paymentMilestones.version, m.version),
            ),
          )
          .returning(),
      );
      if (!updated) throw staleVersion("this milestone");
      if (updated.status === "billable" || updated.status === "invoiced") {
        await publishEvent(tx, updated.status === "billable" ? "milestone.billable" : "milestone.invoiced", project, {
          milestone: {
            id: updated.id,
            sprintId: updated.sprintId,
            status: updated.status,
            amount: updated.amount,
            currency: updated.currency,
            invoiceReference: updated.invoiceReference,
          },
          by: personOf(ctx.actor),
        });
      }
      audit({
        action: outcome.action,
        objectType: "payment_milestone",
        objectId: m.id,
        before: { status: m.status },
        after: outcome.change,
      });
      return updated;
    },
  });
}

export const invoiceMilestone = async (
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; milestoneId: string; invoiceReference: string; expectedVersion?: number },
) => await transition(db, ctx, input, { type: "invoice", invoiceReference: input.invoiceReference });

export const markMilestonePaid = async (
  db: Db,
  ctx: RequestContext,
  input: { projectId: string; milestoneId: string; expectedVersion?: number },
) => await transition(db, ctx, input, { type: "mark_paid" });

/** The agreed terms: per accepted person-day or a fixed amount per sprint. Pending milestones follow. */
export async function updateBillingTerms(db: Db, ctx: RequestContext, input: z.infer<typeof billingTermsSchema>) {
  return await projectCommand(db, ctx, {
    projectId: input.projectId,
    permission: "billing.manage",
    expectedVersion: input.expectedVersion,
    run: async ({ tx, project, audit }) => {
      const set = {
        billingMode: input.billingMode,
        dayRate: input.dayRate,
        fixedSprintAmount: input.fixedSprintAmount,
        currency: input.currency,
      };
      const updated = await first(
        tx
          .update(projects)
          .set({ ...set, version: project.version + 1, updatedAt: new Date().toISOString() })
          .where(and(eq(projects.id, project.id), eq(projects.version, project.version)))
          .returning(),
      );
      if (!updated) throw staleVersion("this project");
      audit({
        action: "billing.terms.update",
        objectType: "project",
        objectId: project.id,
        before: {
          billingMode: project.billingMode,
          dayRate: project.dayRate,
          fixedSprintAmount: project.fixedSprintAmount,
          currency: project.currency,
        },
        after: set,
      });
      return updated;
    },
  });
}

/** The header row in the reader's language; the columns and their order never change. */
async function csvHeader(locale: Locale): Promise<string[]> {
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "billingCsv" });
  return [
    t("project"),
    t("client"),
    t("sprint"),
    t("sprintGoal"),
    t("status"),
    t("amount"),
    t("currency"),
    t("invoiceReference"),
    t("billableAt"),
    t("invoicedAt"),
    t("paidAt"),
  ];
}

type CsvRow = {
  sprintNumber: number;
  sprintGoal: string;
  status: string;
  amount: number;
  currency: string;
  invoiceReference: string | null;
  billableAt: string | null;
  invoicedAt: string | null;
  paidAt: string | null;
};

const toCsvRow = (projectName: string, clientName: string, m: CsvRow) => [
  projectName,
  clientName,
  m.sprintNumber,
  m.sprintGoal,
  m.status,
  centsToDecimal(m.amount),
  m.currency,
  m.invoiceReference,
  m.billableAt,
  m.invoicedAt,
  m.paidAt,
];

export async function projectBillingCsv(db: DbOrTx, actor: Actor, projectId: string, locale: Locale = "en") {
  const billing = await projectBilling(db, actor, projectId);
  const project = (await first(
    db
      .select({ name: projects.name, clientName: clientOrganizations.name })
      .from(projects)
      .innerJoin(clientOrganizations, eq(clientOrganizations.id, projects.organizationId))
      .where(eq(projects.id, projectId)),
  ))!;
  return {
    name: project.name,
    csv: csvRows([
      await csvHeader(locale),
      ...billing.milestones.map((m) => toCsvRow(project.name, project.clientName, m)),
    ]),
  };
}

export async function portfolioBillingCsv(db: DbOrTx, actor: Actor, locale: Locale = "en") {
  const { milestones } = await portfolioBilling(db, actor, { limit: 100_000 });
  return csvRows([await csvHeader(locale), ...milestones.map((m) => toCsvRow(m.projectName, m.clientName, m))]);
}
