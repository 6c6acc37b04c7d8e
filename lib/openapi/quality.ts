// OpenAPI paths of the quality area: recommendation, selection, evidence, escaped defects.
import { jsonBody, jsonResponse, problem, projectIdParam, standardErrors, writeErrors, type Paths } from "./shared";

const sprintIdParam = { name: "sprintId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const releaseIdParam = { name: "releaseId", in: "path", required: true, schema: { type: "string", format: "uuid" } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

export const qualitySchemas = {
  QualityAnswers: {
    type: "object",
    required: ["changeSize"],
    properties: {
      changeSize: { enum: ["small", "medium", "large"] },
      touchesRating: { type: "boolean", default: false },
      touchesIntegrations: { type: "boolean", default: false },
      includesMigration: { type: "boolean", default: false },
      customerFacing: { type: "boolean", default: false },
      regulatory: { type: "boolean", default: false },
    },
  },
  QualityReason: {
    type: "object",
    required: ["text", "points"],
    properties: { text: { type: "string" }, points: { type: "integer" } },
  },
  QualityRecommendation: {
    type: "object",
    required: ["level", "reasons"],
    properties: {
      level: { type: "string", examples: ["QS2"], description: "QS0..QS4" },
      name: { type: "string" },
      points: { type: "integer" },
      reasons: { type: "array", items: ref("QualityReason") },
      escapedDefects: {
        type: ["integer", "null"],
        description: "Defects escaped in the project's last 3 sprints (null without projectId)",
      },
    },
  },
  QualityEvidence: {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      activityKey: { type: "string" },
      result: { enum: ["passed", "failed", "waived"] },
      reason: { type: ["string", "null"] },
      link: { type: ["string", "null"] },
      file: {
        type: ["object", "null"],
        properties: {
          name: { type: "string" },
          size: { type: "integer" },
          sha256: { type: "string" },
          mediaType: { type: "string" },
          href: { type: "string" },
        },
      },
      recordedAt: { type: "string", format: "date-time" },
    },
  },
  QualityReleaseRef: {
    type: "object",
    required: ["id", "number", "name"],
    properties: { id: { type: "string", format: "uuid" }, number: { type: "integer" }, name: { type: "string" } },
  },
  QualityMissingItem: {
    type: "object",
    required: ["key", "name", "reason"],
    properties: { key: { type: "string" }, name: { type: "string" }, reason: { type: "string" } },
  },
  QualitySelection: {
    type: "object",
    properties: {
      id: { type: "string", format: "uuid" },
      answers: ref("QualityAnswers"),
      recommendedLevel: { type: "string" },
      reasons: { type: "array", items: ref("QualityReason") },
      chosenLevel: { type: "string" },
      justification: { type: ["string", "null"] },
      selectedAt: { type: "string", format: "date-time" },
      activities: {
        type: "array",
        items: {
          type: "object",
          properties: {
            key: { type: "string" },
            name: { type: "string" },
            environment: { enum: ["development", "homologation", "production"] },
            timing: { enum: ["before_sprint_review", "before_gate", "after_deployment"] },
            gateNumber: { type: ["integer", "null"] },
            latest: { oneOf: [ref("QualityEvidence"), { type: "null" }] },
          },
        },
      },
      missing: { type: "array", items: ref("QualityMissingItem") },
    },
  },
};

// The sprint and release selections take the same body and give the same answers (DESIGN.md §2).
const SELECTION_DESCRIPTION =
  'A level below the recommendation needs a `justification` (409 `justification_required` otherwise). Send the `selectedAt` you saw (or "" when there was none) as `expectedSelectedAt` to refuse a concurrent change (409 `stale_version`).';
const selectionBody = jsonBody({
  type: "object",
  required: ["answers", "chosenLevel"],
  properties: {
    answers: ref("QualityAnswers"),
    chosenLevel: { type: "string", examples: ["QS2"] },
    justification: { type: "string" },
    expectedSelectedAt: { type: "string", description: "The selectedAt you saw, or an empty string for none" },
  },
});
const selectionResponses = {
  "201": jsonResponse("The selection", {
    type: "object",
    properties: { selection: ref("QualitySelection"), missing: { type: "array", items: ref("QualityMissingItem") } },
  }),
  ...writeErrors,
};
const evidenceBody = {
  required: true,
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["activityKey", "result"],
        properties: {
          activityKey: { type: "string" },
          result: { enum: ["passed", "failed", "waived"] },
          reason: { type: "string" },
          link: { type: "string", format: "uri" },
        },
      },
    },
    "multipart/form-data": {
      schema: {
        type: "object",
        required: ["activityKey", "result"],
        properties: {
          activityKey: { type: "string" },
          result: { enum: ["passed", "failed", "waived"] },
          reason: { type: "string" },
          link: { type: "string" },
          file: {
            type: "string",
            format: "binary",
            description:
              "Same rules as artifact files: pdf, png, jpg, docx, xlsx, pptx, zip, txt, md, csv; content must match the extension; at most 20 MB",
          },
        },
      },
    },
  },
};
const evidenceResponses = {
  "201": jsonResponse("The recorded evidence", ref("QualityEvidence")),
  ...writeErrors,
  "413": problem("File too large"),
  "415": problem("File type not allowed"),
};

export const qualityPaths: Paths = {
  "/api/v1/quality/recommend": {
    post: {
      summary: "Recommend a quality standard: answers in, level and the reason for every point out",
      description:
        "With `projectId` (which must be visible to the caller) the defects that escaped in that project's last 3 sprints count too.",
      requestBody: jsonBody({
        type: "object",
        required: ["answers"],
        properties: { answers: ref("QualityAnswers"), projectId: { type: "string", format: "uuid" } },
      }),
      responses: {
        "200": jsonResponse("The recommended level", ref("QualityRecommendation")),
        "401": standardErrors["401"],
        "404": standardErrors["404"],
        "422": problem("Invalid input, with per-field `errors`"),
      },
    },
  },
  "/api/v1/projects/{id}/quality": {
    get: {
      summary: "The project's quality history: per sprint the level recommended and chosen, evidence, escaped defects",
      parameters: [projectIdParam],
      responses: {
        "200": jsonResponse("Quality per sprint, latest first", {
          type: "object",
          properties: {
            items: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" },
                  number: { type: "integer" },
                  status: { type: "string" },
                  escapedDefects: { type: "integer" },
                  version: { type: "integer" },
                  selection: { oneOf: [ref("QualitySelection"), { type: "null" }] },
                  inheritedFrom: { oneOf: [ref("QualityReleaseRef"), { type: "null" }] },
                },
              },
            },
          },
        }),
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}/quality": {
    get: {
      summary: "The sprint's quality selection, its required activities with evidence, and what is missing",
      parameters: [projectIdParam, sprintIdParam],
      responses: {
        "200": jsonResponse("The sprint's quality", {
          type: "object",
          properties: {
            selection: {
              oneOf: [ref("QualitySelection"), { type: "null" }],
              description:
                "The sprint's own selection, or else the one of its release that it inherits (see `inheritedFrom`)",
            },
            inheritedFrom: {
              oneOf: [ref("QualityReleaseRef"), { type: "null" }],
              description: "The release whose selection the sprint is held to, when it has none of its own",
            },
            missing: { type: "array", items: ref("QualityMissingItem") },
            recentEscapedDefects: { type: "integer" },
          },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary: "Choose or change the sprint's quality standard (PM, team member)",
      description: SELECTION_DESCRIPTION,
      parameters: [projectIdParam, sprintIdParam],
      requestBody: selectionBody,
      responses: selectionResponses,
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}/evidence": {
    post: {
      summary: "Record evidence for a required activity (passed needs a link or file; waived needs a reason)",
      parameters: [projectIdParam, sprintIdParam],
      requestBody: evidenceBody,
      responses: evidenceResponses,
    },
  },
  "/api/v1/projects/{id}/sprints/{sprintId}/escaped-defects": {
    put: {
      summary: "Record the number of defects found in production after the sprint",
      parameters: [projectIdParam, sprintIdParam],
      requestBody: jsonBody({
        type: "object",
        required: ["escapedDefects"],
        properties: { escapedDefects: { type: "integer", minimum: 0 }, expectedVersion: { type: "integer" } },
      }),
      responses: {
        "200": jsonResponse("The sprint", {
          type: "object",
          properties: {
            id: { type: "string" },
            number: { type: "integer" },
            escapedDefects: { type: "integer" },
            version: { type: "integer" },
          },
        }),
        ...writeErrors,
      },
    },
  },
  "/api/v1/projects/{id}/quality/evidence/{evidenceId}/file": {
    get: {
      summary: "Download an evidence file (always as an attachment)",
      parameters: [
        projectIdParam,
        { name: "evidenceId", in: "path", required: true, schema: { type: "string", format: "uuid" } },
      ],
      responses: {
        "200": {
          description: "The file",
          content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
        },
        ...standardErrors,
      },
    },
  },
  "/api/v1/projects/{id}/releases/{releaseId}/quality": {
    get: {
      summary:
        "The release's quality selection, its required activities with evidence, what is missing, and the sprints inheriting it",
      parameters: [projectIdParam, releaseIdParam],
      responses: {
        "200": jsonResponse("The release's quality", {
          type: "object",
          properties: {
            release: ref("QualityReleaseRef"),
            selection: { oneOf: [ref("QualitySelection"), { type: "null" }] },
            missing: { type: "array", items: ref("QualityMissingItem") },
            inheritingSprints: {
              type: "array",
              description: "Sprints of the release without a selection of their own: held to this one",
              items: {
                type: "object",
                properties: { id: { type: "string" }, number: { type: "integer" }, status: { type: "string" } },
              },
            },
            recentEscapedDefects: { type: "integer" },
          },
        }),
        ...standardErrors,
      },
    },
    post: {
      summary:
        "Choose or change the release's quality standard (PM, team member); sprints of the release without their own inherit it",
      description: `${SELECTION_DESCRIPTION} Once a sprint inheriting it is in review or accepted, the release's standard can no longer change (409 \`release_standard_in_use\`).`,
      parameters: [projectIdParam, releaseIdParam],
      requestBody: selectionBody,
      responses: {
        "201": jsonResponse("The selection and the sprints inheriting it", {
          type: "object",
          properties: {
            selection: ref("QualitySelection"),
            missing: { type: "array", items: ref("QualityMissingItem") },
            inheritingSprints: { type: "array", items: { type: "object" } },
          },
        }),
        ...writeErrors,
      },
    },
  },
  "/api/v1/projects/{id}/releases/{releaseId}/evidence": {
    post: {
      summary: "Record evidence for an activity of the release's standard; it counts for every sprint inheriting it",
      parameters: [projectIdParam, releaseIdParam],
      requestBody: evidenceBody,
      responses: evidenceResponses,
    },
  },
};
