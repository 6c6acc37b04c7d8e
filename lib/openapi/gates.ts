// OpenAPI description of the gate workflow, artifact versions and reviews (DESIGN.md §6).
import { jsonBody, jsonResponse, problem, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

const VOTE = { enum: ["go", "conditional_go", "hold", "recycle", "kill"] };
const numberParam = {
  name: "number",
  in: "path",
  required: true,
  schema: { type: "integer", minimum: 1, maximum: 12 },
};
const artifactIdParam = { name: "artifactId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const gateSchemas = {
  ArtifactVersion: {
    type: "object",
    properties: {
      id: { type: "string" },
      number: { type: "integer" },
      kind: { enum: ["file", "url", "markdown"] },
      fileName: { type: ["string", "null"] },
      size: { type: ["integer", "null"] },
      mediaType: { type: ["string", "null"] },
      sha256: { type: ["string", "null"] },
      url: { type: ["string", "null"] },
      note: { type: "string" },
      submittedBy: { type: "string" },
      submittedAt: { type: "string", format: "date-time" },
    },
  },
  Gate: {
    type: "object",
    required: ["number", "name", "status", "decisionRule", "board", "artifacts", "votes", "decision", "conditions"],
    properties: {
      id: { type: "string" },
      number: { type: "integer", minimum: 1, maximum: 12 },
      name: { type: "string" },
      objectives: { type: "string" },
      status: { enum: ["pending", "in_review", "go", "conditional_go", "hold", "recycled", "killed"] },
      current: { type: "boolean" },
      decisionRule: { enum: ["unanimous", "quorum", "majority"] },
      quorum: { type: ["integer", "null"] },
      round: { type: "integer", description: "Review round; recycle and hold open a new one." },
      plannedDate: { type: ["string", "null"], format: "date" },
      submittedAt: { type: ["string", "null"], format: "date-time" },
      decidedAt: { type: ["string", "null"], format: "date-time" },
      decision: { oneOf: [VOTE, { type: "null" }] },
      decisionRationale: { type: ["string", "null"] },
      version: { type: "integer" },
      board: {
        type: "array",
        items: {
          type: "object",
          properties: {
            userId: { type: "string" },
            email: { type: "string" },
            name: { type: "string" },
            required: { type: "boolean" },
            side: { enum: ["vendor", "client"] },
          },
        },
      },
      artifacts: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            type: { type: "string" },
            title: { type: "string" },
            requirement: { enum: ["must", "should"] },
            status: { enum: ["missing", "submitted", "approved", "changes_requested"] },
            latestVersion: { oneOf: [ref("ArtifactVersion"), { type: "null" }] },
            approverRoles: {
              type: "array",
              items: { type: "string" },
              description:
                "Project roles whose board members must each approve (empty: any one board member other than the author).",
            },
            awaitingApprovalFrom: {
              type: "array",
              description:
                "While submitted: each part of the approval rule still unmet, with the board members who can meet it (`role` null = any board member). An empty `userIds` means nobody on the board can.",
              items: {
                type: "object",
                properties: {
                  role: { type: ["string", "null"] },
                  userIds: { type: "array", items: { type: "string" } },
                },
              },
            },
          },
        },
      },
      votes: {
        type: "array",
        description: "Votes of the current review round.",
        items: {
          type: "object",
          properties: {
            userId: { type: "string" },
            vote: VOTE,
            rationale: { type: "string" },
            castAt: { type: "string" },
            updatedAt: { type: "string" },
          },
        },
      },
      conditions: {
        type: "array",
        items: {
          type: "object",
          properties: {
            id: { type: "string" },
            text: { type: "string" },
            ownerId: { type: "string" },
            dueDate: { type: "string", format: "date" },
            status: { enum: ["open", "met"] },
          },
        },
      },
    },
  },
  VoteInput: {
    type: "object",
    required: ["vote", "rationale"],
    properties: { vote: VOTE, rationale: { type: "string", minLength: 1 } },
  },
  DecisionInput: {
    type: "object",
    required: ["decision", "rationale"],
    properties: {
      decision: VOTE,
      rationale: { type: "string", minLength: 1 },
      conditions: {
        type: "array",
        description: "Required (at least one) for conditional_go; refused with any other decision.",
        items: {
          type: "object",
          required: ["text", "ownerId", "dueDate"],
          properties: {
            text: { type: "string" },
            ownerId: { type: "string", format: "uuid" },
            dueDate: { type: "string", format: "date" },
          },
        },
      },
      expectedVersion: {
        type: "integer",
        description: "The gate version the decision is based on; 409 if it changed (e.g. a vote arrived).",
      },
    },
  },
  ReviewInput: {
    type: "object",
    required: ["decision"],
    properties: {
      decision: { enum: ["approve", "request_changes"] },
      comment: { type: "string", description: "Required when requesting changes." },
    },
  },
};

const refusal409 = problem(
  "Refused by a workflow rule (code e.g. gate_missing_requirements with `missing`, board_cannot_decide with the board's gaps in `missing`, artifacts_not_approved, decision_rule_not_met) or a stale version",
);

export const gatePaths: Paths = {
  "/api/v1/projects/{id}/gates": {
    get: {
      summary:
        "The project's gates (N → 1, from its policy version): status, board, artifacts, votes of the current round, decision, conditions",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("The project's gates", {
          type: "object",
          properties: {
            currentGate: { type: "integer" },
            projectStatus: { type: "string" },
            items: { type: "array", items: ref("Gate") },
          },
        }),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/gates/{number}": {
    get: {
      summary: "One gate with its review-round history",
      parameters: [projectIdParam, numberParam],
      responses: { "200": jsonResponse("The gate", ref("Gate")), ...standardErrors },
    },
  },
  "/api/v1/projects/{id}/gates/{number}/submit": {
    post: {
      summary: "Submit the current gate for review (project manager). Empty body.",
      description:
        "409 `gate_missing_requirements` while a must artifact has no version or the previous gate has open conditions; 409 `board_cannot_decide` when the seated board could never pass the gate (empty board, a decision rule its members cannot meet, nobody but the submitter to vote, or a must artifact nobody but its author — or nobody holding a role its approval rule names — could approve). The board is locked once submitted, so this is checked first.",
      parameters: [projectIdParam, numberParam],
      responses: { "200": jsonResponse("The gate, now in review", ref("Gate")), ...writeErrors, "409": refusal409 },
    },
  },
  "/api/v1/projects/{id}/gates/{number}/votes": {
    post: {
      summary: "Cast or change your vote (board members of this gate only; one per review round)",
      parameters: [projectIdParam, numberParam],
      requestBody: jsonBody(ref("VoteInput")),
      responses: { "200": jsonResponse("The vote", { type: "object" }), ...writeErrors, "409": refusal409 },
    },
  },
  "/api/v1/projects/{id}/gates/{number}/decision": {
    post: {
      summary: "Record the gate decision (a board member of this gate)",
      parameters: [projectIdParam, numberParam],
      requestBody: jsonBody(ref("DecisionInput")),
      responses: { "200": jsonResponse("The decided gate", ref("Gate")), ...writeErrors, "409": refusal409 },
    },
  },
  "/api/v1/projects/{id}/artifacts/{artifactId}/versions": {
    post: {
      summary:
        "Add an artifact version: a multipart `file` part (max 20 MB; pdf, png, jpeg, docx, xlsx, pptx, txt, md, csv, zip), or JSON {url} or {markdown}",
      parameters: [projectIdParam, artifactIdParam],
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: {
              type: "object",
              required: ["file"],
              properties: { file: { type: "string", format: "binary" }, note: { type: "string" } },
            },
          },
          "application/json": {
            schema: {
              oneOf: [
                {
                  type: "object",
                  required: ["url"],
                  properties: { url: { type: "string", format: "uri" }, note: { type: "string" } },
                },
                {
                  type: "object",
                  required: ["markdown"],
                  properties: { markdown: { type: "string" }, note: { type: "string" } },
                },
              ],
            },
          },
        },
      },
      responses: {
        "201": jsonResponse("The new version; the artifact is `submitted` again", {
          type: "object",
          properties: { artifact: { type: "object" }, version: ref("ArtifactVersion") },
        }),
        ...writeErrors,
        "413": problem("Upload too large"),
        "415": problem("File type not allowed"),
      },
    },
  },
  "/api/v1/projects/{id}/artifacts/{artifactId}/versions/{versionId}/file": {
    get: {
      summary: "Download a version's file (as an attachment; `inline=1` previews a PDF or image)",
      parameters: [
        projectIdParam,
        artifactIdParam,
        { name: "versionId", in: "path", required: true, schema: { type: "string" } },
        {
          name: "inline",
          in: "query",
          required: false,
          schema: { type: "string", enum: ["1"] },
          description:
            "Serve inline for a preview framed by the app (PDF, PNG, JPEG, GIF, WebP only; other types answer 415)",
        },
      ],
      responses: {
        "200": { description: "The file, with Content-Disposition: attachment (or inline with inline=1)" },
        ...standardErrors,
        "415": problem("No preview for this type of file"),
      },
    },
  },
  "/api/v1/projects/{id}/artifacts/{artifactId}/review": {
    post: {
      summary:
        "Approve or request changes on the latest version (board members of the artifact's gate; never the version's submitter)",
      description:
        "When the policy names approver roles for the artifact, an approval by a board member without the awaited role is recorded but the artifact stays `submitted` until a board member holding each role has approved. A request for changes by any board member makes it `changes_requested`.",
      parameters: [projectIdParam, artifactIdParam],
      requestBody: jsonBody(ref("ReviewInput")),
      responses: {
        "200": jsonResponse("The review and the artifact's new status", { type: "object" }),
        ...writeErrors,
      },
    },
  },
};
