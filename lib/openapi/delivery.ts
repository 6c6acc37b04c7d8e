// API v1 paths of iterative delivery: roadmap scope, sprints and acceptance, estimates, billing.
import { jsonBody, jsonResponse, problem, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

const sprintIdParam = { name: "sprintId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const scopeItemIdParam = {
  name: "scopeItemId",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};
const milestoneIdParam = {
  name: "milestoneId",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const date = { type: "string", format: "date" };
const versionBody = jsonBody(
  { type: "object", properties: { expectedVersion: { type: "integer" } } },
  "Optional expectedVersion for optimistic concurrency",
);
const csv = (description: string) => ({ description, content: { "text/csv": { schema: { type: "string" } } } });

const missingItem = {
  type: "object",
  required: ["key", "name", "reason"],
  properties: { key: { type: "string" }, name: { type: "string" }, reason: { type: "string" } },
};

export const deliverySchemas = {
  ScopeItem: {
    type: "object",
    required: ["id", "title", "category", "priority", "estimateDays", "status"],
    properties: {
      id: { type: "string", format: "uuid" },
      title: { type: "string" },
      category: {
        enum: ["configuration", "interconnection", "localization", "migration", "training", "reporting", "other"],
      },
      priority: { enum: ["must", "should", "could", "wont"] },
      estimateDays: { type: "number" },
      status: { enum: ["proposed", "planned", "in_progress", "done", "dropped"] },
      releaseId: { type: ["string", "null"] },
      sprintId: { type: ["string", "null"] },
      version: { type: "integer" },
    },
  },
  ScopeItemInput: {
    type: "object",
    required: ["title", "category", "priority", "estimateDays"],
    properties: {
      title: { type: "string" },
      category: {
        enum: ["configuration", "interconnection", "localization", "migration", "training", "reporting", "other"],
      },
      priority: { enum: ["must", "should", "could", "wont"] },
      estimateDays: { type: "number", minimum: 0 },
      releaseId: { type: "string", format: "uuid" },
      reason: { type: "string", description: "Required once the MVP scope is baselined" },
    },
  },
  Milestone: {
    type: "object",
    required: ["status", "amount", "currency"],
    properties: {
      id: { type: "string" },
      status: { enum: ["pending", "billable", "invoiced", "paid"] },
      amount: { type: "integer", description: "Minor units (cents)" },
      currency: { type: "string" },
      invoiceReference: { type: ["string", "null"] },
      version: { type: "integer" },
    },
  },
  Sprint: {
    type: "object",
    required: ["id", "number", "goal", "status", "startDate", "endDate", "capacityDays"],
    properties: {
      id: { type: "string", format: "uuid" },
      number: { type: "integer" },
      goal: { type: "string" },
      status: { enum: ["planned", "active", "in_review", "accepted", "rejected"] },
      startDate: date,
      endDate: date,
      capacityDays: { type: "number" },
      committedDays: { type: "number" },
      committedItems: { type: "integer" },
      acceptanceComment: { type: ["string", "null"] },
      decidedAt: { type: ["string", "null"] },
      version: { type: "integer" },
      milestone: { ...ref("Milestone"), description: "Only for accounts that may see billing" },
    },
  },
  SprintDetail: {
    allOf: [
      ref("Sprint"),
      {
        type: "object",
        properties: {
          scopeItems: { type: "array", items: ref("ScopeItem") },
          deployments: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" },
                releaseVersion: { type: "string" },
                environment: { enum: ["development", "homologation", "production"] },
                deployedOn: date,
                recordedBy: { type: "string" },
              },
            },
          },
          acceptanceBlockers: {
            type: "array",
            items: missingItem,
            description: "What still blocks the acceptance (evidence, production deployment)",
          },
        },
      },
    ],
  },
  SprintInput: {
    type: "object",
    required: ["goal", "startDate", "endDate", "capacityDays"],
    properties: {
      goal: { type: "string" },
      startDate: date,
      endDate: date,
      capacityDays: { type: "number", minimum: 0 },
      scopeItemIds: {
        type: "array",
        items: { type: "string", format: "uuid" },
        description: "Committed items; their estimates may not exceed the capacity",
      },
      releaseId: { type: "string", format: "uuid" },
    },
  },
  EstimatePoint: {
    type: "object",
    properties: {
      takenAt: { type: "string", format: "date-time" },
      kind: { enum: ["baseline", "sprint_close"] },
      label: { type: "string" },
      doneDays: { type: "number" },
      remainingDays: { type: "number" },
      velocity: { type: ["number", "null"] },
      forecastGoLive: date,
      forecastGoLiveEarliest: date,
      forecastGoLiveLatest: date,
      forecastCost: { type: ["integer", "null"], description: "Cents; null for client accounts" },
      currency: { type: "string" },
    },
  },
};

export const deliveryPaths: Paths = {
  "/api/v1/projects/{id}/releases": {
    get: {
      summary: "Releases of the roadmap (release 1 is the MVP)",
      parameters: [projectIdParam],
      responses: { "200": jsonResponse("Releases", { type: "object" }), ...standardErrors },
    },
    post: {
      summary: "Add a release (PM)",
      parameters: [projectIdParam],
      requestBody: jsonBody({
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" }, scope: { type: "string" }, targetDate: date },
      }),
      responses: { "201": jsonResponse("Created", { type: "object" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/scope-items": {
    get: {
      summary: "Scope items, paginated",
      parameters: [
        projectIdParam,
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 50 } },
        { name: "cursor", in: "query", schema: { type: "string" } },
        {
          name: "releaseId",
          in: "query",
          schema: { type: "string" },
          description: "A release id, or `none` for unassigned items",
        },
        { name: "category", in: "query", schema: { type: "string" } },
        { name: "status", in: "query", schema: { type: "string" } },
        { name: "q", in: "query", schema: { type: "string" } },
      ],
      responses: {
        "200": jsonResponse("A page of scope items", {
          type: "object",
          properties: { items: { type: "array", items: ref("ScopeItem") }, nextCursor: { type: ["string", "null"] } },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary: "Add a scope item (PM); the change is logged, with its reason after the baseline",
      parameters: [projectIdParam],
      requestBody: jsonBody(ref("ScopeItemInput")),
      responses: { "201": jsonResponse("Created", ref("ScopeItem")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/scope-items/{scopeItemId}": {
    get: {
      summary: "A scope item",
      parameters: [projectIdParam, scopeItemIdParam],
      responses: { "200": jsonResponse("The item", ref("ScopeItem")), ...standardErrors },
    },
    patch: {
      summary: "Change a scope item (PM); logged, `reason` required after the baseline",
      parameters: [projectIdParam, scopeItemIdParam],
      requestBody: jsonBody({
        allOf: [
          ref("ScopeItemInput"),
          {
            type: "object",
            required: ["status"],
            properties: {
              status: { enum: ["proposed", "planned", "in_progress", "done", "dropped"] },
              expectedVersion: { type: "integer" },
            },
          },
        ],
      }),
      responses: { "200": jsonResponse("The item", ref("ScopeItem")), ...writeErrors },
    },
    delete: {
      summary: "Remove a scope item (PM): kept as dropped with its change log; `reason` required after the baseline",
      parameters: [projectIdParam, scopeItemIdParam],
      requestBody: jsonBody({
        type: "object",
        properties: { reason: { type: "string" }, expectedVersion: { type: "integer" } },
      }),
      responses: { "204": { description: "Removed" }, ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/scope-baselines": {
    get: {
      summary: "Approved MVP scope baselines, newest first",
      parameters: [projectIdParam],
      responses: { "200": jsonResponse("Baselines", { type: "object" }), ...standardErrors },
    },
    post: {
      summary: "Approve the current MVP scope as the next baseline (client owner); takes a baseline estimate snapshot",
      parameters: [projectIdParam],
      responses: { "201": jsonResponse("The baseline", { type: "object" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/sprints": {
    get: {
      summary: "The project's sprints, newest first",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("Sprints", {
          type: "object",
          properties: { items: { type: "array", items: ref("Sprint") } },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary: "Plan a sprint (PM): goal, dates, capacity and committed scope items (refused over capacity)",
      parameters: [projectIdParam],
      requestBody: jsonBody(ref("SprintInput")),
      responses: {
        "201": jsonResponse("Planned; `warnings` when the commitment is close to the capacity", {
          allOf: [
            ref("Sprint"),
            { type: "object", properties: { warnings: { type: "array", items: { type: "string" } } } },
          ],
        }),
        ...writeErrors,
      },
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}": {
    get: {
      summary: "A sprint with its items, deployments and what blocks its acceptance",
      parameters: [projectIdParam, sprintIdParam],
      responses: { "200": jsonResponse("The sprint", ref("SprintDetail")), ...standardErrors },
    },
    patch: {
      summary: "Change the plan of a planned or active sprint (PM); refused over capacity",
      parameters: [projectIdParam, sprintIdParam],
      requestBody: jsonBody({
        allOf: [ref("SprintInput"), { type: "object", properties: { expectedVersion: { type: "integer" } } }],
      }),
      responses: { "200": jsonResponse("The sprint, with `warnings`", ref("SprintDetail")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}/start": {
    post: {
      summary: "Start a planned sprint (PM)",
      parameters: [projectIdParam, sprintIdParam],
      requestBody: versionBody,
      responses: { "200": jsonResponse("Started", ref("SprintDetail")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}/review": {
    post: {
      summary: "Submit an active sprint for the client's review (PM, team)",
      parameters: [projectIdParam, sprintIdParam],
      requestBody: versionBody,
      responses: { "200": jsonResponse("In review", ref("SprintDetail")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}/deployments": {
    post: {
      summary: "Record a deployment of the sprint's increment (PM, team)",
      parameters: [projectIdParam, sprintIdParam],
      requestBody: jsonBody({
        type: "object",
        required: ["releaseVersion", "environment", "deployedOn"],
        properties: {
          releaseVersion: { type: "string" },
          environment: { enum: ["development", "homologation", "production"] },
          deployedOn: date,
        },
      }),
      responses: { "201": jsonResponse("Recorded", { type: "object" }), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}/acceptance": {
    post: {
      summary: "Accept or reject a sprint in review (client owner only)",
      description:
        "Acceptance needs the evidence of every activity of the chosen quality standard (passed or waived) and a production deployment; otherwise 409 with `missing` listing each gap. Acceptance makes the payment milestone billable and adds a point to the estimate trail. A rejection needs a comment.",
      parameters: [projectIdParam, sprintIdParam],
      requestBody: jsonBody({
        type: "object",
        required: ["decision"],
        properties: {
          decision: { enum: ["accept", "reject"] },
          comment: { type: "string" },
          expectedVersion: { type: "integer" },
        },
      }),
      responses: {
        "200": jsonResponse("Decided", ref("SprintDetail")),
        ...writeErrors,
        "409": {
          description: "Refused: not in review, a stale version, or evidence/deployment missing",
          content: {
            "application/problem+json": {
              schema: {
                allOf: [
                  ref("Problem"),
                  { type: "object", properties: { missing: { type: "array", items: missingItem } } },
                ],
              },
            },
          },
        },
      },
    },
  },
  "/api/v1/projects/{id}/estimates": {
    get: {
      summary: "The estimate trail (baseline and every sprint close) with the burn-up",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("Trail", {
          type: "object",
          properties: {
            targetGoLive: date,
            points: { type: "array", items: ref("EstimatePoint") },
            burnUp: { type: "array" },
            slipDays: { type: ["integer", "null"] },
          },
        }),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/milestones": {
    get: {
      summary: "Payment milestones of the project (PM, admin, client owner)",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("Milestones with totals by status", {
          type: "object",
          properties: { items: { type: "array", items: ref("Milestone") } },
        }),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/milestones/{milestoneId}": {
    post: {
      summary: "Invoice a billable milestone (invoice reference required) or mark an invoiced one paid (PM)",
      parameters: [projectIdParam, milestoneIdParam],
      requestBody: jsonBody({
        oneOf: [
          {
            type: "object",
            required: ["action", "invoiceReference"],
            properties: {
              action: { const: "invoice" },
              invoiceReference: { type: "string" },
              expectedVersion: { type: "integer" },
            },
          },
          {
            type: "object",
            required: ["action"],
            properties: { action: { const: "mark_paid" }, expectedVersion: { type: "integer" } },
          },
        ],
      }),
      responses: { "200": jsonResponse("Moved on", ref("Milestone")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/billing.csv": {
    get: {
      summary: "The project's payment milestones as CSV",
      parameters: [projectIdParam],
      responses: { "200": csv("CSV attachment"), ...standardErrors },
    },
  },
  "/api/v1/billing.csv": {
    get: {
      summary: "Every payment milestone the vendor account may see, as CSV",
      responses: { "200": csv("CSV attachment"), "401": standardErrors["401"], "403": problem("Client accounts") },
    },
  },
};
