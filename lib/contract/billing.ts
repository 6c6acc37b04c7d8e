// The contract of billing: a project's payment milestones and terms, moving a milestone on, and
// the CSV exports of a project and of the vendor's portfolio (DESIGN.md §2 PaymentMilestone).
import { z } from "zod";
import { BILLING_MODES, MILESTONE_STATUSES, SPRINT_STATUSES } from "@/db/enums";
import { invoiceReference } from "@/lib/validation/billing";
import { expectedVersion } from "@/lib/validation/common";
import { operation } from "./operation";
import { id, instant, pageOf, pageQuery, projectPath, version } from "./shared";

const cents = z.number().int().meta({ description: "Minor units (cents)." });

export const Milestone = z
  .object({
    id: z.uuid(),
    status: z.enum(MILESTONE_STATUSES),
    amount: cents,
    currency: z.string(),
    invoiceReference: z.string().nullable(),
    version,
  })
  .meta({ id: "Milestone" });

const ProjectMilestone = Milestone.extend({
  projectId: z.uuid(),
  sprintId: z.uuid(),
  sprintNumber: z.number().int(),
  sprintGoal: z.string(),
  sprintStatus: z.enum(SPRINT_STATUSES),
  billableAt: instant.nullable(),
  invoicedAt: instant.nullable(),
  paidAt: instant.nullable(),
}).meta({ id: "ProjectMilestone" });

const statusTotal = z.object({ count: z.number().int(), amount: cents });

const BillingTerms = z
  .object({
    billingMode: z.enum(BILLING_MODES),
    dayRate: cents,
    fixedSprintAmount: cents,
    currency: z.string(),
    version: version.meta({ description: "The project's version." }),
  })
  .meta({ id: "BillingTerms", description: "The contract's terms: per accepted person-day or fixed per sprint." });

const MilestoneTransition = z
  .discriminatedUnion("action", [
    z.object({ action: z.literal("invoice"), invoiceReference, expectedVersion }),
    z.object({ action: z.literal("mark_paid"), expectedVersion }),
  ])
  .meta({ id: "MilestoneTransition" });

export const listMilestonesOp = operation({
  id: "listMilestones",
  method: "get",
  path: "/api/v1/projects/{projectId}/milestones",
  tag: "Billing",
  summary: "Payment milestones of the project by sprint, with its terms and totals (PM, admin, client owner)",
  params: projectPath,
  query: pageQuery(50),
  success: {
    status: 200,
    description: "A page of milestones, the terms and the totals of every milestone by status",
    schema: pageOf(ProjectMilestone).extend({
      terms: BillingTerms,
      totals: z.array(
        z.object({
          currency: z.string(),
          totals: z.object({
            pending: statusTotal,
            billable: statusTotal,
            invoiced: statusTotal,
            paid: statusTotal,
          }),
        }),
      ),
    }),
  },
  errors: [403],
});

export const moveMilestoneOp = operation({
  id: "moveMilestone",
  method: "post",
  path: "/api/v1/projects/{projectId}/milestones/{milestoneId}",
  tag: "Billing",
  summary: "Invoice a billable milestone (invoice reference required) or mark an invoiced one paid (PM)",
  params: projectPath.extend({ milestoneId: id("payment milestone") }),
  body: MilestoneTransition,
  success: { status: 200, description: "The milestone, moved on", schema: Milestone },
  errors: [403, 409],
});

export const projectBillingCsvOp = operation({
  id: "projectBillingCsv",
  method: "get",
  path: "/api/v1/projects/{projectId}/billing.csv",
  tag: "Billing",
  summary: "The project's payment milestones as CSV",
  params: projectPath,
  success: { status: 200, description: "CSV attachment", mediaType: "text/csv" },
  errors: [403],
});

export const portfolioBillingCsvOp = operation({
  id: "portfolioBillingCsv",
  method: "get",
  path: "/api/v1/billing.csv",
  tag: "Billing",
  summary: "Every payment milestone the vendor account may see, as CSV",
  success: { status: 200, description: "CSV attachment", mediaType: "text/csv" },
  errors: [403],
});

export const billingOperations = [listMilestonesOp, moveMilestoneOp, projectBillingCsvOp, portfolioBillingCsvOp];
