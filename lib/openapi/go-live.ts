// API v1: validation runs, go-live readiness, acceptance sign-offs and the handover.
import { jsonBody, jsonResponse, problem, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

const runIdParam = { name: "runId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const scenarioIdParam = { name: "scenarioId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const run = { $ref: "#/components/schemas/ValidationRun" };
const goLive = { $ref: "#/components/schemas/GoLive" };
const expectedVersion = {
  type: "integer",
  description: "The run's version you saw; a stale write is refused with 409.",
};

export const goLiveSchemas = {
  ValidationScenario: {
    type: "object",
    required: ["id", "position", "title", "source", "result", "notes"],
    properties: {
      id: { type: "string", format: "uuid" },
      position: { type: "integer" },
      title: { type: "string" },
      source: { type: "string", description: "module:<name>, scope:<scopeItemId> or manual" },
      result: { enum: ["pending", "pass", "fail"] },
      notes: { type: "string" },
      recordedBy: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
      recordedAt: { type: ["string", "null"], format: "date-time" },
    },
  },
  ValidationRun: {
    type: "object",
    required: ["id", "environment", "status", "openedAt", "scenarios", "version"],
    properties: {
      id: { type: "string", format: "uuid" },
      environment: { enum: ["homologation", "production"] },
      status: { enum: ["open", "passed", "failed"] },
      openedAt: { type: "string", format: "date-time" },
      openedBy: { type: "object", properties: { id: { type: "string" }, name: { type: "string" } } },
      closedAt: { type: ["string", "null"], format: "date-time" },
      closedBy: { type: ["object", "null"], properties: { id: { type: "string" }, name: { type: "string" } } },
      closingNote: { type: ["string", "null"] },
      version: { type: "integer" },
      scenarios: { type: "array", items: { $ref: "#/components/schemas/ValidationScenario" } },
    },
  },
  GoLive: {
    type: "object",
    required: ["ready", "checklist", "signers", "status"],
    properties: {
      ready: { type: "boolean", description: "Every checklist item is done: signing is possible." },
      goLiveGate: {
        type: ["object", "null"],
        description:
          "The gate of the project's policy that holds the go-live acceptance (the gates before it are in the checklist).",
        properties: { number: { type: "integer" }, name: { type: "string" } },
      },
      checklist: {
        type: "array",
        items: {
          type: "object",
          required: ["key", "label", "done"],
          properties: {
            key: {
              enum: [
                "homologation_passed",
                "production_passed",
                "guardians_certified",
                "no_blocking_escalations",
                "gates_passed",
              ],
            },
            label: { type: "string" },
            done: { type: "boolean" },
            detail: { type: "string" },
            href: { type: "string", description: "The page with the evidence" },
          },
        },
      },
      signers: {
        type: "array",
        items: {
          type: "object",
          properties: {
            userId: { type: "string" },
            name: { type: "string" },
            email: { type: "string" },
            capacity: { enum: ["client_owner", "guardian"] },
            signed: { type: "boolean" },
            signedAt: { type: ["string", "null"], format: "date-time" },
          },
        },
      },
      stillToSign: {
        type: "array",
        items: {
          type: "object",
          properties: { userId: { type: "string" }, name: { type: "string" }, capacity: { type: "string" } },
        },
      },
      status: { enum: ["not_set_up", "open", "signed", "handed_over"] },
      projectStatus: { enum: ["active", "on_hold", "killed", "live", "closed"] },
      acceptance: {
        type: ["object", "null"],
        properties: {
          id: { type: "string" },
          statement: { type: "string" },
          statementSha256: { type: "string" },
          completedAt: { type: ["string", "null"] },
          version: { type: "integer" },
        },
      },
      handover: {
        type: ["object", "null"],
        properties: {
          handoverDate: { type: "string", format: "date" },
          supportContacts: { type: "array" },
          openItems: { type: "array", items: { type: "string" } },
        },
      },
    },
  },
};

export const goLivePaths: Paths = {
  "/api/v1/projects/{id}/validation-runs": {
    parameters: [projectIdParam],
    get: {
      summary: "The project's validation runs, newest first, with their scenarios",
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 200, default: 20 } },
        { name: "cursor", in: "query", schema: { type: "string" } },
      ],
      responses: {
        "200": jsonResponse("A page of runs", {
          type: "object",
          properties: { items: { type: "array", items: run }, nextCursor: { type: ["string", "null"] } },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary: "Open a validation run (homologation first; production only after a passed homologation run)",
      description:
        "Needs validation.manage (project manager or client owner). The checklist is generated from the project's modules and scope items.",
      requestBody: jsonBody({
        type: "object",
        required: ["environment"],
        properties: { environment: { enum: ["homologation", "production"] } },
      }),
      responses: { "201": jsonResponse("The opened run", run), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/validation-runs/{runId}": {
    parameters: [projectIdParam, runIdParam],
    get: { summary: "One validation run", responses: { "200": jsonResponse("The run", run), ...standardErrors } },
  },
  "/api/v1/projects/{id}/validation-runs/{runId}/scenarios": {
    parameters: [projectIdParam, runIdParam],
    post: {
      summary: "Add a scenario to an open run's checklist",
      requestBody: jsonBody({
        type: "object",
        required: ["title"],
        properties: { title: { type: "string" }, expectedVersion },
      }),
      responses: { "201": jsonResponse("The run", run), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/validation-runs/{runId}/scenarios/{scenarioId}": {
    parameters: [projectIdParam, runIdParam, scenarioIdParam],
    delete: {
      summary: "Remove a scenario without a result from an open run",
      parameters: [{ name: "expectedVersion", in: "query", schema: { type: "integer" } }],
      responses: { "200": jsonResponse("The run", run), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/validation-runs/{runId}/scenarios/{scenarioId}/move": {
    parameters: [projectIdParam, runIdParam, scenarioIdParam],
    post: {
      summary: "Move a scenario one place up or down",
      requestBody: jsonBody({
        type: "object",
        required: ["direction"],
        properties: { direction: { enum: ["up", "down"] }, expectedVersion },
      }),
      responses: { "200": jsonResponse("The run", run), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/validation-runs/{runId}/scenarios/{scenarioId}/result": {
    parameters: [projectIdParam, runIdParam, scenarioIdParam],
    post: {
      summary: "Record a scenario's result (guardians)",
      requestBody: jsonBody({
        type: "object",
        required: ["result"],
        properties: {
          result: { enum: ["pass", "fail"] },
          notes: { type: "string", description: "Required when the result is fail" },
          expectedVersion,
        },
      }),
      responses: { "200": jsonResponse("The run", run), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/validation-runs/{runId}/close": {
    parameters: [projectIdParam, runIdParam],
    post: {
      summary: "The client owner's OK: close the run (passed when every scenario passed, else failed with a note)",
      requestBody: jsonBody({ type: "object", properties: { note: { type: "string" }, expectedVersion } }),
      responses: { "200": jsonResponse("The closed run", run), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/go-live": {
    parameters: [projectIdParam],
    get: {
      summary: "Go-live readiness checklist and sign-off state",
      responses: { "200": jsonResponse("Readiness", goLive), ...standardErrors },
    },
  },
  "/api/v1/projects/{id}/go-live/acceptance": {
    parameters: [projectIdParam],
    put: {
      summary: "Set the acceptance statement and the required signers (project manager; frozen once anyone signed)",
      requestBody: jsonBody({
        type: "object",
        required: ["statement", "signers"],
        properties: {
          statement: { type: "string" },
          signers: {
            type: "array",
            items: {
              type: "object",
              required: ["userId", "capacity"],
              properties: { userId: { type: "string" }, capacity: { enum: ["client_owner", "guardian"] } },
            },
          },
          expectedVersion: { type: "integer" },
        },
      }),
      responses: { "200": jsonResponse("Readiness", goLive), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/go-live/sign-offs": {
    parameters: [projectIdParam],
    post: {
      summary: "Sign the go-live acceptance: re-enter the password and confirm the statement",
      description:
        "409 `go_live_not_ready` with the unmet checklist items in `missing` while the checklist is incomplete. A wrong password is refused with 422 `wrong_password` and records nothing (it counts as a failed sign-in attempt; after five, 429 `too_many_attempts` for 15 minutes).",
      requestBody: jsonBody({
        type: "object",
        required: ["password", "statement"],
        properties: { password: { type: "string" }, statement: { type: "string" } },
      }),
      responses: {
        "201": jsonResponse("The sign-off", {
          type: "object",
          properties: {
            id: { type: "string" },
            userId: { type: "string" },
            signedAt: { type: "string", format: "date-time" },
            ip: { type: ["string", "null"] },
            userAgent: { type: ["string", "null"] },
            statementSha256: { type: "string" },
            auditHeadHash: { type: "string" },
            acceptanceComplete: { type: "boolean" },
          },
        }),
        ...writeErrors,
        "429": problem("Too many wrong passwords"),
      },
    },
  },
  "/api/v1/projects/{id}/go-live/certificate": {
    parameters: [projectIdParam],
    get: {
      summary: "The acceptance certificate: signers, times, statement hash, audit head hash at each signature",
      responses: { "200": jsonResponse("Certificate", { type: "object" }), ...standardErrors },
    },
  },
  "/api/v1/projects/{id}/go-live/handover": {
    parameters: [projectIdParam],
    post: {
      summary: "Record the handover to the helpdesk (after a complete acceptance); the project becomes live",
      requestBody: jsonBody({
        type: "object",
        required: ["handoverDate", "supportContacts"],
        properties: {
          handoverDate: { type: "string", format: "date" },
          supportContacts: {
            type: "array",
            items: {
              type: "object",
              required: ["name", "email"],
              properties: {
                name: { type: "string" },
                email: { type: "string" },
                phone: { type: "string" },
                role: { type: "string" },
              },
            },
          },
          openItems: { type: "array", items: { type: "string" } },
        },
      }),
      responses: { "201": jsonResponse("Readiness", goLive), ...writeErrors },
    },
  },
};
