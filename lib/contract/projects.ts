// The contract of projects: the portfolio list, creating a project, one project, and its audit trail.
import { z } from "zod";
import { HEALTH, PROJECT_ROLES, PROJECT_STATUSES, SIZE_CLASSES } from "@/db/enums";
import { LOCALES } from "@/lib/i18n/locale";
import { auditDatesInOrder, auditFilterFields } from "@/lib/validation/audit";
import { createProjectSchema } from "@/lib/validation/projects";
import { operation } from "./operation";
import { calendarDate, instant, pageOf, pageQuery, projectPath, version } from "./shared";

export const Project = z
  .object({
    id: z.uuid(),
    name: z.string(),
    clientOrganization: z.object({ id: z.uuid(), name: z.string() }),
    status: z.enum(PROJECT_STATUSES),
    sizeClass: z.enum(SIZE_CLASSES),
    language: z.enum(LOCALES).meta({
      description: "The client's language: weekly status reports are frozen in it and the go-live statement is in it.",
    }),
    currentGate: z
      .number()
      .int()
      .min(1)
      .max(12)
      .meta({ description: "Gates run N → 1 as the project's policy version numbers them (at most 12)." }),
    health: z.enum(HEALTH),
    healthReasons: z.array(z.string()),
    startDate: calendarDate,
    targetGoLiveDate: calendarDate,
    modules: z.array(z.string()),
    sowReference: z.string(),
    description: z.string(),
    version,
    internalNotes: z.string().optional().meta({ description: "Vendor-internal: absent for client accounts." }),
  })
  .meta({ id: "Project" });

export const ProjectInput = createProjectSchema.meta({ id: "ProjectInput" });

export const listProjectsOp = operation({
  id: "listProjects",
  method: "get",
  path: "/api/v1/projects",
  tag: "Projects",
  summary: "The projects this account may see, by name",
  query: pageQuery(25).extend({
    q: z.string().trim().max(100).optional().meta({ description: "Part of the project's or the client's name." }),
    status: z.enum(PROJECT_STATUSES).optional(),
  }),
  success: { status: 200, description: "A page of projects", schema: pageOf(Project) },
  errors: [422],
});

export const createProjectOp = operation({
  id: "createProject",
  method: "post",
  path: "/api/v1/projects",
  tag: "Projects",
  summary: "Create a project (PM, admin)",
  body: ProjectInput,
  success: { status: 201, description: "The created project", schema: Project },
  errors: [403, 404, 409, 422],
});

export const getProjectOp = operation({
  id: "getProject",
  method: "get",
  path: "/api/v1/projects/{projectId}",
  tag: "Projects",
  summary: "A project with its current gate, health, dates and the caller's roles",
  params: projectPath,
  success: {
    status: 200,
    description: "The project",
    schema: Project.extend({
      yourRoles: z.array(z.enum(PROJECT_ROLES)).meta({ description: "The caller's roles in this project." }),
      boardMember: z.boolean().meta({ description: "Whether the caller sits on a gate's review board." }),
    }),
  },
});

export const AuditEvent = z
  .object({
    id: z.uuid(),
    seq: z.number().int().meta({ description: "Position in the global hash chain." }),
    at: instant,
    actor: z
      .object({ id: z.string().nullable(), email: z.string().nullable() })
      .nullable()
      .meta({ description: "Null for events written by the system." }),
    actorRole: z.string().nullable(),
    action: z.string().meta({ examples: ["gate.submit"] }),
    objectType: z.string().meta({ examples: ["gate"] }),
    objectId: z.string(),
    projectId: z.string().nullable(),
    before: z.unknown().meta({ description: "The object's relevant fields before the change (any JSON)." }),
    after: z.unknown().meta({ description: "The object's relevant fields after the change (any JSON)." }),
    ip: z.string().nullable().meta({ description: "Only for readers who see vendor-internal fields." }),
    userAgent: z.string().nullable().meta({ description: "Only for readers who see vendor-internal fields." }),
    hash: z.string().meta({ description: "SHA-256 over the previous hash and the event's canonical content." }),
    previousHash: z.string(),
    withheld: z.array(z.string()).meta({
      description:
        "Paths of fields withheld from this reader: client accounts, integrators and board-only members do not " +
        "see vendor-internal notes, cost or amount figures, IP addresses or user agents. Such an event cannot be " +
        "re-hashed by that reader.",
    }),
  })
  .meta({ id: "AuditEvent" });

export const listProjectAuditOp = operation({
  id: "listProjectAudit",
  method: "get",
  path: "/api/v1/projects/{projectId}/audit",
  tag: "Audit",
  summary: "The project's audit events, newest first, filtered",
  params: projectPath,
  query: pageQuery(50)
    .extend(auditFilterFields)
    .refine(...auditDatesInOrder),
  success: { status: 200, description: "A page of audit events", schema: pageOf(AuditEvent) },
  errors: [422],
});

export const projectOperations = [listProjectsOp, createProjectOp, getProjectOp, listProjectAuditOp];
