// OpenAPI paths of client readiness: sites, guardians, training, escalations.
import { jsonBody, jsonResponse, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const list = (name: string) => ({ type: "object", properties: { items: { type: "array", items: ref(name) } } });
const idParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", format: "uuid" } });
const uuid = { type: "string", format: "uuid" };

export const readinessSchemas = {
  Site: {
    type: "object",
    properties: {
      id: uuid,
      projectId: uuid,
      name: { type: "string" },
      location: { type: "string" },
      createdAt: { type: "string", format: "date-time" },
    },
  },
  Guardian: {
    type: "object",
    properties: {
      id: uuid,
      userId: uuid,
      name: { type: "string" },
      email: { type: "string" },
      site: { type: "object", properties: { id: uuid, name: { type: "string" } } },
      status: { enum: ["nominated", "in_training", "certified", "withdrawn"] },
      nominatedAt: { type: "string", format: "date-time" },
      certifiedAt: { type: ["string", "null"], format: "date-time" },
      withdrawnAt: { type: ["string", "null"], format: "date-time" },
      version: { type: "integer" },
      progress: {
        type: "array",
        items: {
          type: "object",
          properties: {
            moduleId: uuid,
            attended: { type: "boolean" },
            bestScore: { type: ["integer", "null"] },
            passed: { type: "boolean" },
          },
        },
      },
    },
  },
  TrainingModule: {
    type: "object",
    properties: {
      id: uuid,
      kind: { enum: ["usage", "administration", "configuration", "custom"] },
      name: { type: "string" },
      description: { type: "string" },
      required: { type: "boolean" },
      passMark: { type: "integer", minimum: 0, maximum: 100 },
      materials: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: uuid,
            title: { type: "string" },
            kind: { enum: ["file", "link"] },
            url: { type: ["string", "null"] },
          },
        },
      },
    },
  },
  TrainingSession: {
    type: "object",
    properties: {
      id: uuid,
      moduleId: uuid,
      moduleName: { type: "string" },
      startsAt: { type: "string", format: "date-time" },
      durationMinutes: { type: "integer" },
      mode: { enum: ["on_site", "remote"] },
      siteId: { type: ["string", "null"] },
      siteName: { type: ["string", "null"] },
      meetingUrl: { type: ["string", "null"] },
      trainerId: uuid,
      trainerName: { type: "string" },
      notes: { type: "string" },
      attendees: {
        type: "array",
        items: {
          type: "object",
          properties: {
            guardianId: uuid,
            name: { type: "string" },
            siteName: { type: "string" },
            attended: { type: ["boolean", "null"] },
            score: { type: ["integer", "null"] },
          },
        },
      },
    },
  },
  Escalation: {
    type: "object",
    properties: {
      id: uuid,
      projectId: uuid,
      raisedBy: uuid,
      raisedByName: { type: "string" },
      title: { type: "string" },
      description: { type: "string" },
      severity: { enum: ["low", "medium", "high", "critical"] },
      blocking: { type: "boolean" },
      status: { enum: ["open", "triaged", "in_progress", "resolved", "closed"] },
      assigneeId: { type: ["string", "null"] },
      assigneeName: { type: ["string", "null"] },
      resolution: { type: ["string", "null"] },
      version: { type: "integer" },
      createdAt: { type: "string", format: "date-time" },
      updatedAt: { type: "string", format: "date-time" },
    },
  },
};

export const readinessPaths: Paths = {
  "/api/v1/projects/{id}/sites": {
    parameters: [projectIdParam],
    get: {
      summary: "Sites (client units/locations) of the project",
      responses: { "200": jsonResponse("Sites", list("Site")), ...standardErrors },
    },
    post: {
      summary: "Create a site (PM or client owner)",
      requestBody: jsonBody({
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, location: { type: "string" } },
      }),
      responses: { "201": jsonResponse("Created", ref("Site")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/guardians": {
    parameters: [projectIdParam],
    get: {
      summary: "Guardians with their status and progress per training module",
      responses: {
        "200": jsonResponse("Guardians", {
          type: "object",
          properties: {
            modules: { type: "array", items: ref("TrainingModule") },
            items: { type: "array", items: ref("Guardian") },
          },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary: "Nominate a client user of the project's organisation as guardian for a site (PM or client owner)",
      description:
        "Adds the user as a project member with the guardian role if needed. Re-nominating a withdrawn guardian keeps their training record. 409 `already_guardian` when already active.",
      requestBody: jsonBody({
        type: "object",
        required: ["userId", "siteId"],
        properties: { userId: uuid, siteId: uuid },
      }),
      responses: { "201": jsonResponse("Nominated", { type: "object" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/guardians/{guardianId}": {
    parameters: [projectIdParam, idParam("guardianId")],
    patch: {
      summary: "Withdraw a guardian or move them to another site",
      requestBody: jsonBody({
        oneOf: [
          {
            type: "object",
            required: ["action"],
            properties: { action: { const: "withdraw" }, expectedVersion: { type: "integer" } },
          },
          {
            type: "object",
            required: ["action", "siteId"],
            properties: { action: { const: "move" }, siteId: uuid, expectedVersion: { type: "integer" } },
          },
        ],
      }),
      responses: { "200": jsonResponse("Updated", { type: "object" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/training-modules": {
    parameters: [projectIdParam],
    get: {
      summary: "Training modules with their materials",
      responses: { "200": jsonResponse("Modules", list("TrainingModule")), ...standardErrors },
    },
    post: {
      summary:
        "Create a training module (PM or team member); a new required module is re-checked against every guardian",
      requestBody: jsonBody({
        type: "object",
        required: ["kind", "name", "passMark"],
        properties: {
          kind: { enum: ["usage", "administration", "configuration", "custom"] },
          name: { type: "string" },
          description: { type: "string" },
          required: { type: "boolean" },
          passMark: { type: "integer", minimum: 0, maximum: 100 },
        },
      }),
      responses: { "201": jsonResponse("Created", ref("TrainingModule")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/training-modules/{moduleId}/materials": {
    parameters: [projectIdParam, idParam("moduleId")],
    post: {
      summary: "Add a material: a file (multipart `file`, optional `title`) or a link (JSON)",
      description:
        "Files: at most 20 MB, type from an allow-list checked against the content; stored with SHA-256 under a generated name. 413 when too large, 415 when the type is refused.",
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary" }, title: { type: "string" } },
            },
          },
          "application/json": {
            schema: {
              type: "object",
              required: ["title", "url"],
              properties: { title: { type: "string" }, url: { type: "string", format: "uri" } },
            },
          },
        },
      },
      responses: {
        "201": jsonResponse("Added", { type: "object" }),
        ...writeErrors,
        "413": { description: "Too large" },
        "415": { description: "Type not accepted" },
      },
    },
  },
  "/api/v1/projects/{id}/training-materials/{materialId}/file": {
    parameters: [projectIdParam, idParam("materialId")],
    get: {
      summary: "Download a file material (always as an attachment)",
      responses: {
        "200": {
          description: "The file",
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/training-sessions": {
    parameters: [projectIdParam],
    get: {
      summary: "Training sessions (the calendar), with attendees, attendance and scores",
      responses: { "200": jsonResponse("Sessions", list("TrainingSession")), ...standardErrors },
    },
    post: {
      summary: "Schedule a session (PM or team member): on site at a site, or remote with a meeting link",
      requestBody: jsonBody({
        type: "object",
        required: ["moduleId", "startsAt", "durationMinutes", "mode", "trainerId"],
        properties: {
          moduleId: uuid,
          startsAt: { type: "string", format: "date-time", description: "With an offset or Z; stored in UTC" },
          durationMinutes: { type: "integer", minimum: 15, maximum: 600 },
          mode: { enum: ["on_site", "remote"] },
          siteId: uuid,
          meetingUrl: { type: "string", format: "uri" },
          trainerId: { ...uuid, description: "A vendor PM or team member of the project" },
          notes: { type: "string" },
          attendeeIds: { type: "array", items: uuid, description: "Guardian ids to enrol" },
        },
      }),
      responses: { "201": jsonResponse("Scheduled", { type: "object" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/training-sessions/{sessionId}": {
    parameters: [projectIdParam, idParam("sessionId")],
    get: {
      summary: "One training session",
      responses: { "200": jsonResponse("Session", ref("TrainingSession")), ...standardErrors },
    },
    delete: {
      summary:
        "Cancel a session (PM or team member); refused with 409 `session_has_attendance` once attendance was recorded",
      responses: { "204": { description: "Cancelled" }, ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/training-sessions/{sessionId}/attendance": {
    parameters: [projectIdParam, idParam("sessionId")],
    post: {
      summary: "Enrol guardians in the session",
      requestBody: jsonBody({
        type: "object",
        required: ["guardianIds"],
        properties: { guardianIds: { type: "array", items: uuid } },
      }),
      responses: { "200": jsonResponse("The session", ref("TrainingSession")), ...writeErrors },
    },
    put: {
      summary: "Record attendance and assessment scores; guardian statuses are recomputed",
      description: "409 `session_not_started`, `not_enrolled` or `score_without_attendance`.",
      requestBody: jsonBody({
        type: "object",
        required: ["records"],
        properties: {
          records: {
            type: "array",
            items: {
              type: "object",
              required: ["guardianId", "attended"],
              properties: {
                guardianId: uuid,
                attended: { type: "boolean" },
                score: { type: ["integer", "null"], minimum: 0, maximum: 100 },
              },
            },
          },
        },
      }),
      responses: { "200": jsonResponse("The session", ref("TrainingSession")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/training-sessions.ics": {
    parameters: [projectIdParam],
    get: {
      summary: "The training calendar as iCalendar (RFC 5545)",
      responses: {
        "200": { description: "text/calendar", content: { "text/calendar": { schema: { type: "string" } } } },
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/escalations": {
    parameters: [projectIdParam],
    get: {
      summary: "Escalations of the project, newest first",
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        { name: "cursor", in: "query", schema: { type: "string" } },
      ],
      responses: {
        "200": jsonResponse("A page of escalations", {
          type: "object",
          properties: { items: { type: "array", items: ref("Escalation") }, nextCursor: { type: ["string", "null"] } },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary: "Raise an escalation (certified guardians only)",
      description:
        "403 without the guardian role; 409 `guardian_not_certified` (with the modules still to pass in `detail`), `guardian_withdrawn` or `not_guardian`.",
      requestBody: jsonBody({
        type: "object",
        required: ["title", "description", "severity"],
        properties: {
          title: { type: "string" },
          description: { type: "string" },
          severity: { enum: ["low", "medium", "high", "critical"] },
          blocking: { type: "boolean" },
        },
      }),
      responses: { "201": jsonResponse("Raised", ref("Escalation")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/escalations/{escalationId}": {
    parameters: [projectIdParam, idParam("escalationId")],
    get: {
      summary: "One escalation",
      responses: { "200": jsonResponse("Escalation", ref("Escalation")), ...standardErrors },
    },
    patch: {
      summary: "Triage (vendor team): open → triaged → in_progress → resolved → closed",
      requestBody: jsonBody({
        type: "object",
        properties: {
          status: { enum: ["open", "triaged", "in_progress", "resolved", "closed"] },
          severity: { enum: ["low", "medium", "high", "critical"] },
          blocking: { type: "boolean" },
          assigneeId: { type: ["string", "null"], format: "uuid" },
          resolution: { type: "string" },
          expectedVersion: { type: "integer" },
        },
      }),
      responses: { "200": jsonResponse("Updated", ref("Escalation")), ...writeErrors },
    },
  },
};
