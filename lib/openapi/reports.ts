import { jsonResponse, projectIdParam, standardErrors, writeErrors, problem, type Paths } from "./shared";

const line = {
  type: "object",
  required: ["text"],
  properties: { text: { type: "string" }, date: { type: "string", format: "date" } },
};

export const reportSchemas = {
  StatusReportSummary: {
    type: "object",
    required: ["id", "weekOf", "isoWeek", "generatedAt", "health"],
    properties: {
      id: { type: "string", format: "uuid" },
      weekOf: { type: "string", format: "date", description: "Monday of the ISO week" },
      isoWeek: { type: "string", examples: ["2026-W47"] },
      generatedAt: { type: "string", format: "date-time" },
      health: { enum: ["green", "amber", "red"] },
    },
  },
  StatusReport: {
    type: "object",
    required: ["id", "projectId", "weekOf", "generatedAt", "snapshot", "markdown"],
    properties: {
      id: { type: "string", format: "uuid" },
      projectId: { type: "string", format: "uuid" },
      weekOf: { type: "string", format: "date" },
      generatedAt: { type: "string", format: "date-time" },
      markdown: {
        type: "string",
        description: "The report as markdown (without vendor-internal figures for client accounts)",
      },
      snapshot: {
        type: "object",
        description:
          "Frozen at generation; never recomputed. `internal` is present only for vendor staff who may see internal figures.",
        properties: {
          project: { type: "object" },
          isoWeek: { type: "string" },
          period: { type: "object", properties: { from: { type: ["string", "null"] }, to: { type: "string" } } },
          progress: {
            type: "object",
            properties: {
              gatesDecided: { type: "array", items: line },
              sprintsAccepted: { type: "array", items: line },
              scopeChanges: { type: "array", items: line },
            },
          },
          gateStatus: { type: "object" },
          sprintStatus: { type: "array", items: { type: "object" } },
          risks: {
            type: "array",
            items: {
              type: "object",
              properties: {
                text: { type: "string" },
                severity: { enum: ["high", "medium", "low"] },
                source: { type: "string" },
              },
            },
          },
          decisions: { type: "array", items: line },
          nextSteps: { type: "array", items: line },
          internal: { type: "object" },
        },
      },
    },
  },
};

const reportIdParam = { name: "reportId", in: "path", required: true, schema: { type: "string", format: "uuid" } };

export const reportPaths: Paths = {
  "/api/v1/projects/{id}/schedule": {
    get: {
      summary:
        "The macro schedule: gates, sprints, training sessions and migration waves, with the mermaid Gantt drawn from them",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("The schedule", {
          type: "object",
          required: ["items", "mermaid"],
          properties: {
            mermaid: { type: "string", description: "Mermaid gantt source; user text escaped" },
            items: {
              type: "array",
              items: {
                type: "object",
                required: ["group", "kind", "label", "start", "state"],
                properties: {
                  group: { type: "string" },
                  kind: { enum: ["Gate", "Go-live", "Sprint", "Training", "Migration"] },
                  label: { type: "string" },
                  start: { type: "string", format: "date" },
                  end: { type: "string", format: "date", description: "Inclusive; absent for milestones" },
                  state: { enum: ["done", "active", "late", "planned"] },
                },
              },
            },
          },
        }),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/status-reports": {
    get: {
      summary: "The project's weekly status reports, newest first",
      parameters: [
        projectIdParam,
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 25 } },
        { name: "cursor", in: "query", schema: { type: "string" } },
      ],
      responses: {
        "200": jsonResponse("A page of reports", {
          type: "object",
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/StatusReportSummary" } },
            nextCursor: { type: ["string", "null"] },
          },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary:
        "Generate (freeze) this ISO week's status report (project managers); 409 `report_exists` if the week already has one",
      parameters: [projectIdParam],
      requestBody: {
        required: false,
        content: { "application/json": { schema: { type: "object", additionalProperties: false } } },
      },
      responses: { "201": jsonResponse("Generated", { $ref: "#/components/schemas/StatusReport" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/status-reports/{reportId}": {
    get: {
      summary: "One status report (client accounts get it without vendor-internal fields)",
      parameters: [projectIdParam, reportIdParam],
      responses: {
        "200": jsonResponse("The report", { $ref: "#/components/schemas/StatusReport" }),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/status-reports/{reportId}/markdown": {
    get: {
      summary: "Download one status report as markdown (attachment)",
      parameters: [projectIdParam, reportIdParam],
      responses: {
        "200": { description: "The markdown file", content: { "text/markdown": { schema: { type: "string" } } } },
        "401": problem("Not authenticated"),
        "404": problem("Unknown or not visible to this user"),
      },
    },
  },
};
