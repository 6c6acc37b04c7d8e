// The contract of sprints: planning, the plan's changes and the start (DESIGN.md §4.2).
import { z } from "zod";
import {
  ENVIRONMENTS,
  MILESTONE_STATUSES,
  MOSCOW,
  SCOPE_CATEGORIES,
  SCOPE_STATUSES,
  SPRINT_STATUSES,
} from "@/db/enums";
import { expectedVersion } from "@/lib/validation/common";
import {
  acceptanceFields,
  deploymentFields,
  planFields,
  rejectionExplainedRule,
  sprintDatesInOrder,
} from "@/lib/validation/sprints";
import { actionInput, operation } from "./operation";
import { calendarDate, id, instant, pageOf, pageQuery, projectPath, version } from "./shared";

export const sprintPath = projectPath.extend({ sprintId: id("sprint") });

export const ScopeItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    category: z.enum(SCOPE_CATEGORIES),
    priority: z.enum(MOSCOW),
    estimateDays: z.number(),
    status: z.enum(SCOPE_STATUSES),
    releaseId: z.uuid().nullable(),
    sprintId: z.uuid().nullable(),
    version,
  })
  .meta({ id: "ScopeItem" });

export const MissingItem = z
  .object({ key: z.string(), name: z.string(), reason: z.string() })
  .meta({ id: "MissingItem", description: "Something a workflow step still needs, in a person's words." });

const sprintFields = {
  id: z.uuid(),
  number: z.number().int(),
  goal: z.string(),
  status: z.enum(SPRINT_STATUSES),
  startDate: calendarDate,
  endDate: calendarDate,
  capacityDays: z.number(),
  committedDays: z.number(),
  releaseId: z.uuid().nullable(),
  acceptanceComment: z.string().nullable(),
  decidedAt: instant.nullable(),
  version,
};

export const Sprint = z
  .object({
    ...sprintFields,
    committedItems: z.number().int(),
    milestone: z
      .object({ status: z.enum(MILESTONE_STATUSES), amount: z.number().int(), currency: z.string() })
      .optional()
      .meta({ description: "The payment milestone; only for accounts that may see billing." }),
  })
  .meta({ id: "Sprint" });

export const SprintDetail = z
  .object({
    ...sprintFields,
    decidedBy: z.string().nullable().meta({ description: "Who accepted or rejected the sprint." }),
    scopeItems: z.array(ScopeItem),
    deployments: z.array(
      z.object({
        id: z.uuid(),
        releaseVersion: z.string(),
        environment: z.enum(ENVIRONMENTS),
        deployedOn: calendarDate,
        recordedBy: z.string(),
      }),
    ),
    acceptanceBlockers: z
      .array(MissingItem)
      .meta({ description: "What still blocks the acceptance (evidence, the production deployment)." }),
    milestone: z
      .object({
        id: z.uuid(),
        status: z.enum(MILESTONE_STATUSES),
        amount: z.number().int().meta({ description: "Minor units (cents)." }),
        currency: z.string(),
        invoiceReference: z.string().nullable(),
        version,
      })
      .optional()
      .meta({ description: "The payment milestone; only for accounts that may see billing." }),
  })
  .meta({ id: "SprintDetail" });

const ExpectedVersionInput = z.object({ expectedVersion }).meta({ id: "ExpectedVersion" });

const warnings = z.array(z.string()).meta({ description: "Advice that did not stop the change (over capacity…)." });
/** A sprint as a plan change, the start or the review left it, with the advice it gave. */
const SprintChanged = SprintDetail.extend({ warnings }).meta({ id: "SprintChanged" });

export const SprintPlanInput = z
  .object(planFields)
  .refine(...sprintDatesInOrder)
  .meta({ id: "SprintPlanInput" });

export const SprintPlanChange = z
  .object({ expectedVersion, ...planFields })
  .refine(...sprintDatesInOrder)
  .meta({ id: "SprintPlanChange" });

export const listSprintsOp = operation({
  id: "listSprints",
  method: "get",
  path: "/api/v1/projects/{projectId}/sprints",
  tag: "Sprints",
  summary: "Sprints of the project, newest first",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of sprints", schema: pageOf(Sprint) },
  errors: [403, 422],
});

export const planSprintOp = operation({
  id: "planSprint",
  method: "post",
  path: "/api/v1/projects/{projectId}/sprints",
  tag: "Sprints",
  summary: "Plan a sprint (PM)",
  description: "The committed items' estimates may exceed the capacity only with a warning.",
  params: projectPath,
  body: SprintPlanInput,
  success: { status: 201, description: "The planned sprint", schema: Sprint.extend({ warnings }) },
  errors: [403, 409, 422],
});

export const getSprintOp = operation({
  id: "getSprint",
  method: "get",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}",
  tag: "Sprints",
  summary: "A sprint with its items, deployments and what blocks its acceptance",
  params: sprintPath,
  success: { status: 200, description: "The sprint", schema: SprintDetail },
  errors: [403],
});

export const changeSprintPlanOp = operation({
  id: "changeSprintPlan",
  method: "patch",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}",
  tag: "Sprints",
  summary: "Change the plan of a planned or active sprint (PM)",
  params: sprintPath,
  body: SprintPlanChange,
  success: { status: 200, description: "The sprint as changed", schema: SprintChanged },
  errors: [403, 409, 422],
});

export const startSprintOp = operation({
  id: "startSprint",
  method: "post",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/start",
  tag: "Sprints",
  summary: "Start a planned sprint (PM)",
  params: sprintPath,
  body: ExpectedVersionInput,
  success: { status: 200, description: "The started sprint", schema: SprintChanged },
  errors: [403, 409, 422],
});

export const submitSprintForReviewOp = operation({
  id: "submitSprintForReview",
  method: "post",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/review",
  tag: "Sprints",
  summary: "Submit an active sprint for the sprint review (PM)",
  params: sprintPath,
  body: ExpectedVersionInput,
  success: { status: 200, description: "The sprint in review", schema: SprintChanged },
  errors: [403, 409, 422],
});

export const recordDeploymentOp = operation({
  id: "recordDeployment",
  method: "post",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/deployments",
  tag: "Sprints",
  summary: "Record a deployment of the sprint's increment (PM, team)",
  params: sprintPath,
  body: z.object(deploymentFields).meta({ id: "DeploymentInput" }),
  success: {
    status: 201,
    description: "The recorded deployment",
    schema: z.object({
      id: z.uuid(),
      releaseVersion: z.string(),
      environment: z.enum(ENVIRONMENTS),
      deployedOn: calendarDate,
    }),
  },
  errors: [403, 409],
});

export const decideSprintAcceptanceOp = operation({
  id: "decideSprintAcceptance",
  method: "post",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/acceptance",
  tag: "Sprints",
  summary: "Accept or reject a sprint in review (client owner only)",
  description:
    "Acceptance needs the evidence of every activity of the chosen quality standard (passed or waived) and a " +
    "production deployment; otherwise 409 with `missing` listing each gap. Acceptance makes the payment " +
    "milestone billable and adds a point to the estimate trail. A rejection needs a comment.",
  params: sprintPath,
  body: z
    .object(acceptanceFields)
    .refine(...rejectionExplainedRule)
    .meta({ id: "SprintAcceptanceInput" }),
  success: { status: 200, description: "The decided sprint", schema: SprintDetail },
  errors: [403, 409],
});

/** What the sprint form actions take: the path's ids and the body, validated by the operation's schemas. */
export const planSprintInput = actionInput(planSprintOp);
export const changeSprintPlanInput = actionInput(changeSprintPlanOp);
export const sprintCommandInput = actionInput(startSprintOp);
export const recordDeploymentInput = actionInput(recordDeploymentOp);
export const sprintAcceptanceInput = actionInput(decideSprintAcceptanceOp);

export const sprintOperations = [
  listSprintsOp,
  planSprintOp,
  getSprintOp,
  changeSprintPlanOp,
  startSprintOp,
  submitSprintForReviewOp,
  recordDeploymentOp,
  decideSprintAcceptanceOp,
];
