// The contract of escalations: raised by certified guardians, triaged by the vendor team (DESIGN.md §4.4).
import { z } from "zod";
import { ESCALATION_SEVERITIES, ESCALATION_STATUSES } from "@/db/enums";
import { escalationFields, triageFields } from "@/lib/validation/readiness";
import { actionInput, operation } from "./operation";
import { id, instant, pageOf, pageQuery, projectPath, version } from "./shared";

const escalationPath = projectPath.extend({ escalationId: id("escalation") });

const escalationRecord = {
  id: z.uuid(),
  projectId: z.uuid(),
  raisedBy: z.uuid(),
  title: z.string(),
  description: z.string(),
  severity: z.enum(ESCALATION_SEVERITIES),
  blocking: z.boolean().meta({ description: "Whether it holds go-live back while open." }),
  status: z.enum(ESCALATION_STATUSES),
  assigneeId: z.uuid().nullable(),
  resolution: z.string().nullable(),
  version,
  createdAt: instant,
  updatedAt: instant,
};

export const Escalation = z
  .object({
    ...escalationRecord,
    raisedByName: z.string(),
    raisedByEmail: z.string(),
    assigneeName: z.string().nullable(),
  })
  .meta({ id: "Escalation" });

export const listEscalationsOp = operation({
  id: "listEscalations",
  method: "get",
  path: "/api/v1/projects/{projectId}/escalations",
  tag: "Escalations",
  summary: "The project's escalations, newest first",
  params: projectPath,
  query: pageQuery(50),
  success: { status: 200, description: "A page of escalations", schema: pageOf(Escalation) },
  errors: [422],
});

export const raiseEscalationOp = operation({
  id: "raiseEscalation",
  method: "post",
  path: "/api/v1/projects/{projectId}/escalations",
  tag: "Escalations",
  summary: "Raise an escalation (certified guardians of the project)",
  params: projectPath,
  body: z.object(escalationFields).meta({ id: "EscalationInput" }),
  success: {
    status: 201,
    description: "The raised escalation",
    schema: z.object(escalationRecord).meta({ id: "RaisedEscalation" }),
  },
  errors: [403, 409],
});

export const getEscalationOp = operation({
  id: "getEscalation",
  method: "get",
  path: "/api/v1/projects/{projectId}/escalations/{escalationId}",
  tag: "Escalations",
  summary: "One escalation",
  params: escalationPath,
  success: { status: 200, description: "The escalation", schema: Escalation },
});

export const triageEscalationOp = operation({
  id: "triageEscalation",
  method: "patch",
  path: "/api/v1/projects/{projectId}/escalations/{escalationId}",
  tag: "Escalations",
  summary: "Triage: any of status, severity, blocking, assigneeId (null to unassign), resolution (vendor team)",
  params: escalationPath,
  body: z.object(triageFields).meta({ id: "EscalationTriage" }),
  success: { status: 200, description: "The escalation as triaged", schema: Escalation },
  errors: [403, 409],
});

/** What the escalation forms' actions take: the path's ids and the body, validated by the operations' schemas. */
export const raiseEscalationInput = actionInput(raiseEscalationOp);
export const triageEscalationInput = actionInput(triageEscalationOp);

export const escalationOperations = [listEscalationsOp, raiseEscalationOp, getEscalationOp, triageEscalationOp];
