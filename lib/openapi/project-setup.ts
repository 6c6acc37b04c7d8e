// OpenAPI description of setting a project up: the policies to choose from, members, gate
// boards, planned dates and meeting a decision's conditions.
import { jsonBody, jsonResponse, problem, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

const PROJECT_ROLE = {
  enum: ["project_manager", "team_member", "integrator", "client_owner", "guardian", "client_viewer"],
};
const numberParam = { name: "number", in: "path", required: true, schema: { type: "integer", minimum: 1, maximum: 7 } };
const userIdParam = { name: "userId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const noContent = (description: string) => ({ description });
const boardLocked = problem(
  "Refused: the gate is in review or decided, so its board is fixed (`board_locked`), or the last project manager would leave",
);

export const projectSetupSchemas = {
  PolicyChoice: {
    type: "object",
    required: ["id", "name", "version", "gates"],
    properties: {
      id: { type: "string", format: "uuid", description: "Pass as `policyId` when creating a project." },
      name: { type: "string" },
      description: { type: "string" },
      version: { type: "integer", description: "The latest published version; a new project binds to it." },
      versionId: { type: "string", format: "uuid" },
      isDefault: { type: "boolean", description: "The light-gating policy, used when `policyId` is left out." },
      gates: {
        type: "array",
        description: "In the order they are passed (highest number first).",
        items: {
          type: "object",
          required: ["number", "name", "objectives"],
          properties: { number: { type: "integer" }, name: { type: "string" }, objectives: { type: "string" } },
        },
      },
    },
  },
  ProjectMember: {
    type: "object",
    required: ["userId", "email", "name", "roles"],
    properties: {
      userId: { type: "string", format: "uuid" },
      email: { type: "string" },
      name: { type: "string" },
      roles: { type: "array", items: PROJECT_ROLE },
    },
  },
  NewProjectMember: {
    type: "object",
    required: ["role"],
    description:
      "An existing account, by `userId` or by `email` (exactly one). Client accounts only of the project's organisation, in client roles; vendor accounts only in vendor roles.",
    properties: {
      userId: { type: "string", format: "uuid" },
      email: { type: "string", format: "email" },
      role: PROJECT_ROLE,
    },
  },
  GateBoard: {
    type: "object",
    properties: {
      number: { type: "integer" },
      status: { enum: ["pending", "in_review", "go", "conditional_go", "hold", "recycled", "killed"] },
      editable: { type: "boolean", description: "False once the gate is in review or decided." },
      board: {
        type: "array",
        items: {
          type: "object",
          properties: {
            userId: { type: "string" },
            email: { type: "string" },
            name: { type: "string" },
            side: { enum: ["vendor", "client"] },
            required: { type: "boolean" },
          },
        },
      },
    },
  },
  BoardSeatInput: {
    type: "object",
    required: ["userId"],
    properties: {
      userId: { type: "string", format: "uuid" },
      required: { type: "boolean", default: false, description: "Their vote is needed to pass." },
      alsoOnRemainingGates: {
        type: "boolean",
        default: false,
        description: "Also seat them, with the same `required`, on every later gate not yet in review or decided.",
      },
    },
  },
};

export const projectSetupPaths: Paths = {
  "/api/v1/policies": {
    get: {
      summary: "Published gate policies to set a project up with (vendor staff and admins; clients get 403)",
      responses: {
        "200": jsonResponse("Every policy's latest published version", {
          type: "object",
          properties: { items: { type: "array", items: ref("PolicyChoice") } },
        }),
        "401": standardErrors["401"],
        "403": standardErrors["403"],
      },
    },
  },
  "/api/v1/projects/{id}/members": {
    get: {
      summary: "The project's members and their project roles",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("Members", {
          type: "object",
          properties: { items: { type: "array", items: ref("ProjectMember") } },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary:
        "Add a member in a role (project manager). They take their seats on the open gates' default boards for that role.",
      parameters: [projectIdParam],
      requestBody: jsonBody(ref("NewProjectMember")),
      responses: { "201": jsonResponse("The member with all their roles", ref("ProjectMember")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/members/{userId}": {
    delete: {
      summary: "Remove one role (`?role=`) or every role of a member (project manager); the last project manager stays",
      parameters: [projectIdParam, userIdParam, { name: "role", in: "query", schema: PROJECT_ROLE }],
      responses: { "204": noContent("Removed"), ...writeErrors, "409": boardLocked },
    },
  },
  "/api/v1/projects/{id}/gates/{number}/board": {
    get: {
      summary: "A gate's review board",
      parameters: [projectIdParam, numberParam],
      responses: { "200": jsonResponse("The board", ref("GateBoard")), ...standardErrors },
    },
    post: {
      summary: "Seat someone on the board or change whether they are required (project manager)",
      parameters: [projectIdParam, numberParam],
      requestBody: jsonBody(ref("BoardSeatInput")),
      responses: { "200": jsonResponse("The board", ref("GateBoard")), ...writeErrors, "409": boardLocked },
    },
  },
  "/api/v1/projects/{id}/gates/{number}/board/{userId}": {
    delete: {
      summary: "Take someone off the board (project manager)",
      parameters: [projectIdParam, numberParam, userIdParam],
      responses: { "204": noContent("Removed"), ...writeErrors, "409": boardLocked },
    },
  },
  "/api/v1/projects/{id}/gates/{number}": {
    patch: {
      summary: "Plan the gate (project manager): a date not before the project's start, or null",
      parameters: [projectIdParam, numberParam],
      requestBody: jsonBody({
        type: "object",
        required: ["plannedDate"],
        properties: {
          plannedDate: { type: ["string", "null"], format: "date" },
          expectedVersion: { type: "integer", description: "The gate's `version` you saw; 409 when it moved on." },
        },
      }),
      responses: { "200": jsonResponse("The gate", ref("Gate")), ...writeErrors },
    },
  },
  "/api/v1/projects/{id}/conditions/{conditionId}/meet": {
    post: {
      summary:
        "Mark a decision's condition met (its owner or the project manager); the note is kept in the audit trail",
      parameters: [
        projectIdParam,
        { name: "conditionId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
      ],
      requestBody: jsonBody({ type: "object", properties: { note: { type: "string", maxLength: 500 } } }),
      responses: {
        "200": jsonResponse("The condition", {
          type: "object",
          properties: {
            id: { type: "string" },
            text: { type: "string" },
            ownerId: { type: "string" },
            dueDate: { type: "string", format: "date" },
            status: { const: "met" },
            closedAt: { type: "string" },
            note: { type: "string" },
          },
        }),
        ...writeErrors,
      },
    },
  },
};
