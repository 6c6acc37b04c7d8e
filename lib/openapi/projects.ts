import { jsonBody, jsonResponse, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

export const projectSchemas = {
  Project: {
    type: "object",
    required: [
      "id",
      "name",
      "clientOrganization",
      "status",
      "sizeClass",
      "currentGate",
      "health",
      "startDate",
      "targetGoLiveDate",
    ],
    properties: {
      id: { type: "string", format: "uuid" },
      name: { type: "string" },
      clientOrganization: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      status: { enum: ["active", "on_hold", "killed", "live", "closed"] },
      sizeClass: { enum: ["small", "standard", "large"] },
      currentGate: {
        type: "integer",
        minimum: 1,
        maximum: 12,
        description: "Gates run N → 1 as the project's policy version numbers them (at most 12).",
      },
      health: { enum: ["green", "amber", "red"] },
      healthReasons: { type: "array", items: { type: "string" } },
      startDate: { type: "string", format: "date" },
      targetGoLiveDate: { type: "string", format: "date" },
      modules: { type: "array", items: { type: "string" } },
      sowReference: { type: "string" },
      version: { type: "integer" },
    },
  },
  ProjectInput: {
    type: "object",
    required: ["organizationId", "name", "startDate", "targetGoLiveDate", "sizeClass"],
    properties: {
      organizationId: { type: "string", format: "uuid" },
      name: { type: "string" },
      description: { type: "string" },
      modules: { type: "array", items: { type: "string" } },
      sowReference: { type: "string" },
      startDate: { type: "string", format: "date" },
      targetGoLiveDate: { type: "string", format: "date" },
      sizeClass: { enum: ["small", "standard", "large"] },
      policyId: {
        type: "string",
        format: "uuid",
        description:
          "A policy from GET /api/v1/policies; default: the light-gating policy. The project binds to its latest version and starts at its highest gate.",
      },
      clientOwnerId: {
        type: "string",
        format: "uuid",
        description: "A client account of the project's organisation; becomes `client_owner`.",
      },
      members: {
        type: "array",
        description:
          "Other key people, seated on the default boards their role has in the policy. Gates get planned dates proposed from the start and go-live dates.",
        items: {
          type: "object",
          required: ["userId", "role"],
          properties: {
            userId: { type: "string", format: "uuid" },
            role: {
              enum: ["project_manager", "team_member", "integrator", "client_owner", "guardian", "client_viewer"],
            },
          },
        },
      },
    },
  },
};

export const projectPaths: Paths = {
  "/api/health": {
    get: {
      summary: "Health check: ok when the database answers",
      security: [],
      responses: { "200": jsonResponse("Healthy", { type: "object", properties: { status: { const: "ok" } } }) },
    },
  },
  "/api/v1/projects": {
    get: {
      summary: "List the projects visible to the caller",
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 25 } },
        { name: "cursor", in: "query", schema: { type: "string" } },
        { name: "q", in: "query", schema: { type: "string" } },
        { name: "status", in: "query", schema: { enum: ["active", "on_hold", "killed", "live", "closed"] } },
      ],
      responses: {
        "200": jsonResponse("A page of projects", {
          type: "object",
          properties: {
            items: { type: "array", items: { $ref: "#/components/schemas/Project" } },
            nextCursor: { type: ["string", "null"] },
          },
        }),
        "401": standardErrors["401"],
      },
    },
    post: {
      summary: "Create a project (vendor staff and admins)",
      requestBody: jsonBody({ $ref: "#/components/schemas/ProjectInput" }),
      responses: { "201": jsonResponse("Created", { $ref: "#/components/schemas/Project" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}": {
    get: {
      summary: "A project with its current gate, health and dates",
      parameters: [projectIdParam],
      responses: { "200": jsonResponse("The project", { $ref: "#/components/schemas/Project" }), ...standardErrors },
    },
  },
};
