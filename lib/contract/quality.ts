// The contract of the quality area: the recommendation, a sprint's selection of a quality standard,
// its evidence and escaped defects, the project's quality history, and evidence files (DESIGN.md §2).
import { z } from "zod";
import { ACTIVITY_TIMINGS, ENVIRONMENTS, EVIDENCE_RESULTS, SPRINT_STATUSES } from "@/db/enums";
import { CHANGE_SIZES } from "@/lib/domain/quality-selection";
import { optionalText, uuid } from "@/lib/validation/common";
import { escapedDefectsFields, evidenceFields, qualityAnswersJsonSchema, qualityLevel } from "@/lib/validation/quality";
import { actionInput, operation } from "./operation";
import { calendarDate, id, instant, pageOf, pageQuery, projectPath, version } from "./shared";
import { MissingItem, sprintPath } from "./sprints";

const levelName = z.string().meta({ examples: ["QS2"], description: "QS0..QS4" });

export const QualityAnswers = z
  .object({
    changeSize: z.enum(CHANGE_SIZES),
    touchesRating: z.boolean(),
    touchesIntegrations: z.boolean(),
    includesMigration: z.boolean(),
    customerFacing: z.boolean(),
    regulatory: z.boolean(),
  })
  .meta({ id: "QualityAnswers" });

const QualityReason = z.object({ text: z.string(), points: z.number().int() }).meta({ id: "QualityReason" });

export const ReleaseRef = z
  .object({ id: z.uuid(), number: z.number().int(), name: z.string() })
  .meta({ id: "QualityReleaseRef" });

export const QualityEvidence = z
  .object({
    id: z.uuid(),
    selectionId: z.uuid().meta({ description: "The selection it was recorded on (the release's, when inherited)." }),
    activityKey: z.string(),
    result: z.enum(EVIDENCE_RESULTS),
    reason: z.string().nullable(),
    link: z.string().nullable(),
    file: z
      .object({
        name: z.string(),
        size: z.number().int(),
        sha256: z.string(),
        mediaType: z.string(),
        href: z.string().meta({ description: "Where to download it (always as an attachment)." }),
      })
      .nullable(),
    recordedBy: z.object({ id: z.uuid(), name: z.string() }),
    recordedAt: instant,
  })
  .meta({ id: "QualityEvidence" });

export const QualitySelection = z
  .object({
    id: z.uuid(),
    answers: QualityAnswers,
    recommendedLevel: levelName,
    reasons: z.array(QualityReason),
    chosenLevel: levelName,
    belowRecommendation: z.boolean(),
    justification: z.string().nullable(),
    selectedBy: z.object({ id: z.uuid(), name: z.string() }),
    selectedAt: instant.meta({ description: "Echo as `expectedSelectedAt` when changing the selection." }),
    activities: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        environment: z.enum(ENVIRONMENTS),
        timing: z.enum(ACTIVITY_TIMINGS),
        gateNumber: z.number().int().nullable().optional(),
        latest: QualityEvidence.nullable(),
        history: z.array(QualityEvidence).meta({ description: "Every piece of evidence, newest first." }),
      }),
    ),
    missing: z.array(MissingItem),
  })
  .meta({ id: "QualitySelection" });

/** The sprint and release selections take the same body (DESIGN.md §2 QualitySelection). */
export const SelectionInput = z
  .object({
    answers: qualityAnswersJsonSchema,
    chosenLevel: qualityLevel.meta({ examples: ["QS2"] }),
    justification: optionalText(2000).meta({ description: "Required when the level is below the recommendation." }),
    expectedSelectedAt: z
      .string()
      .optional()
      .meta({ description: "The selectedAt you saw, or an empty string for none." }),
  })
  .meta({ id: "QualitySelectionInput" });

export const SELECTION_DESCRIPTION =
  "A level below the recommendation needs a `justification` (409 `justification_required` otherwise). Send the " +
  '`selectedAt` you saw (or "" when there was none) as `expectedSelectedAt` to refuse a concurrent change ' +
  "(409 `stale_version`).";

const inheritedFrom = ReleaseRef.nullable().meta({
  description: "The release whose selection the sprint is held to, when it has none of its own.",
});

export const EvidenceInput = z.object(evidenceFields).meta({ id: "QualityEvidenceInput" });
export const EvidenceUpload = z
  .object({
    ...evidenceFields,
    file: z
      .file()
      .optional()
      .meta({
        description:
          "Same rules as artifact files: pdf, png, jpg, docx, xlsx, pptx, zip, txt, md, csv; content must match " +
          "the extension; at most 20 MB.",
      }),
  })
  .meta({ id: "QualityEvidenceUpload" });

/** Evidence as answered once recorded: without its recorder, and its file without a link yet. */
export const RecordedEvidence = QualityEvidence.pick({
  id: true,
  activityKey: true,
  result: true,
  reason: true,
  link: true,
  recordedAt: true,
})
  .extend({
    file: z.object({ name: z.string(), size: z.number().int(), sha256: z.string(), mediaType: z.string() }).nullable(),
  })
  .meta({ id: "RecordedQualityEvidence" });

export const recommendQualityOp = operation({
  id: "recommendQuality",
  method: "post",
  path: "/api/v1/quality/recommend",
  tag: "Quality",
  summary: "Recommend a quality standard: answers in, level and the reason for every point out",
  description:
    "With `projectId` (which must be visible to the caller) the defects that escaped in that project's last 3 " +
    "sprints count too.",
  body: z.object({ answers: qualityAnswersJsonSchema, projectId: uuid.optional() }).meta({ id: "RecommendInput" }),
  success: {
    status: 200,
    description: "The recommended level",
    schema: z
      .object({
        level: levelName,
        name: z.string(),
        points: z.number().int(),
        reasons: z.array(QualityReason),
        escapedDefects: z
          .number()
          .int()
          .nullable()
          .meta({ description: "Defects escaped in the project's last 3 sprints (null without projectId)." }),
      })
      .meta({ id: "QualityRecommendation" }),
  },
  errors: [404],
});

export const getSprintQualityOp = operation({
  id: "getSprintQuality",
  method: "get",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/quality",
  tag: "Quality",
  summary: "The sprint's quality selection, its required activities with evidence, and what is missing",
  params: sprintPath,
  success: {
    status: 200,
    description: "The sprint's quality",
    schema: z.object({
      sprint: z.object({
        id: z.uuid(),
        number: z.number().int(),
        status: z.enum(SPRINT_STATUSES),
        escapedDefects: z.number().int(),
        version,
      }),
      selection: QualitySelection.nullable().meta({
        description: "Its own selection, else its release's that it inherits.",
      }),
      inheritedFrom,
      missing: z.array(MissingItem),
      recentEscapedDefects: z.number().int().meta({ description: "Escaped in the sprints before this one." }),
    }),
  },
});

export const selectSprintQualityOp = operation({
  id: "selectSprintQuality",
  method: "post",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/quality",
  tag: "Quality",
  summary: "Choose or change the sprint's quality standard (PM, team member)",
  description: SELECTION_DESCRIPTION,
  params: sprintPath,
  body: SelectionInput,
  success: {
    status: 201,
    description: "The selection",
    schema: z.object({ selection: QualitySelection.nullable(), inheritedFrom, missing: z.array(MissingItem) }),
  },
  errors: [403, 409],
});

export const recordSprintEvidenceOp = operation({
  id: "recordSprintEvidence",
  method: "post",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/evidence",
  tag: "Quality",
  summary: "Record evidence for a required activity (passed needs a link or file; waived needs a reason)",
  params: sprintPath,
  body: EvidenceInput,
  form: EvidenceUpload,
  success: { status: 201, description: "The recorded evidence", schema: RecordedEvidence },
  errors: [403, 409, 413, 415],
});

export const recordEscapedDefectsOp = operation({
  id: "recordEscapedDefects",
  method: "put",
  path: "/api/v1/projects/{projectId}/sprints/{sprintId}/escaped-defects",
  tag: "Quality",
  summary: "Record the number of defects found in production after the sprint",
  params: sprintPath,
  body: z.object(escapedDefectsFields).meta({ id: "EscapedDefectsInput" }),
  success: {
    status: 200,
    description: "The sprint's count",
    schema: z.object({ id: z.uuid(), number: z.number().int(), escapedDefects: z.number().int(), version }),
  },
  errors: [403, 409],
});

export const listQualityHistoryOp = operation({
  id: "listQualityHistory",
  method: "get",
  path: "/api/v1/projects/{projectId}/quality",
  tag: "Quality",
  summary: "The project's quality history: per sprint the level recommended and chosen, evidence, escaped defects",
  params: projectPath,
  query: pageQuery(50),
  success: {
    status: 200,
    description: "A page of sprints, newest first",
    schema: pageOf(
      z
        .object({
          id: z.uuid(),
          number: z.number().int(),
          goal: z.string(),
          status: z.enum(SPRINT_STATUSES),
          startDate: calendarDate,
          endDate: calendarDate,
          escapedDefects: z.number().int(),
          version,
          selection: QualitySelection.nullable(),
          inheritedFrom,
        })
        .meta({ id: "SprintQuality" }),
    ),
  },
});

export const downloadEvidenceFileOp = operation({
  id: "downloadEvidenceFile",
  method: "get",
  path: "/api/v1/projects/{projectId}/quality/evidence/{evidenceId}/file",
  tag: "Quality",
  summary: "Download an evidence file (always as an attachment)",
  params: projectPath.extend({ evidenceId: id("evidence") }),
  success: { status: 200, description: "The file", mediaType: "application/octet-stream" },
});

/** What the escaped-defects form action takes: the path's ids and the body, validated by the operation. */
export const escapedDefectsInput = actionInput(recordEscapedDefectsOp);

export const qualityOperations = [
  recommendQualityOp,
  getSprintQualityOp,
  selectSprintQualityOp,
  recordSprintEvidenceOp,
  recordEscapedDefectsOp,
  listQualityHistoryOp,
  downloadEvidenceFileOp,
];
