// The contract of a release's quality standard: chosen once for the release, held by every sprint
// of it without a selection of its own, with evidence that counts for all of them.
import { z } from "zod";
import { SPRINT_STATUSES } from "@/db/enums";
import { operation } from "./operation";
import {
  EvidenceInput,
  EvidenceUpload,
  QualitySelection,
  RecordedEvidence,
  ReleaseRef,
  SELECTION_DESCRIPTION,
  SelectionInput,
} from "./quality";
import { id, projectPath } from "./shared";
import { MissingItem } from "./sprints";

export const releasePath = projectPath.extend({ releaseId: id("release") });

const inheritingSprints = z
  .array(z.object({ id: z.uuid(), number: z.number().int(), status: z.enum(SPRINT_STATUSES) }))
  .meta({ description: "Sprints of the release without a selection of their own: held to this one." });

export const getReleaseQualityOp = operation({
  id: "getReleaseQuality",
  method: "get",
  path: "/api/v1/projects/{projectId}/releases/{releaseId}/quality",
  tag: "Quality",
  summary:
    "The release's quality selection, its required activities with evidence, what is missing, and the sprints " +
    "inheriting it",
  params: releasePath,
  success: {
    status: 200,
    description: "The release's quality",
    schema: z.object({
      release: ReleaseRef,
      selection: QualitySelection.nullable(),
      missing: z.array(MissingItem),
      inheritingSprints,
      recentEscapedDefects: z.number().int().meta({ description: "Escaped in the project's last 3 sprints." }),
    }),
  },
});

export const selectReleaseQualityOp = operation({
  id: "selectReleaseQuality",
  method: "post",
  path: "/api/v1/projects/{projectId}/releases/{releaseId}/quality",
  tag: "Quality",
  summary: "Choose or change the release's quality standard (PM, team member): the same body as a sprint's",
  description:
    `${SELECTION_DESCRIPTION} Once a sprint inheriting it is in review or accepted, the release's standard can ` +
    "no longer change (409 `release_standard_in_use`).",
  params: releasePath,
  body: SelectionInput,
  success: {
    status: 201,
    description: "The selection",
    schema: z.object({ selection: QualitySelection.nullable(), missing: z.array(MissingItem), inheritingSprints }),
  },
  errors: [403, 409],
});

export const recordReleaseEvidenceOp = operation({
  id: "recordReleaseEvidence",
  method: "post",
  path: "/api/v1/projects/{projectId}/releases/{releaseId}/evidence",
  tag: "Quality",
  summary:
    "Record evidence for an activity of the release's standard; it counts for every sprint inheriting it " +
    "(passed needs a link or file; waived needs a reason)",
  params: releasePath,
  body: EvidenceInput,
  form: EvidenceUpload,
  success: { status: 201, description: "The recorded evidence", schema: RecordedEvidence },
  errors: [403, 409, 413, 415],
});

export const releaseQualityOperations = [getReleaseQualityOp, selectReleaseQualityOp, recordReleaseEvidenceOp];
