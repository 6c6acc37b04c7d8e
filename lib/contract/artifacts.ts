// The contract of a gate's artifacts: adding a version (a file, a link or text), downloading a
// version's file, and the board's review (DESIGN.md §4.1).
import { z } from "zod";
import { ARTIFACT_STATUSES, ARTIFACT_VERSION_KINDS, REQUIREMENTS, REVIEW_DECISIONS } from "@/db/enums";
import { jsonVersionSchema, reviewSchema } from "@/lib/validation/artifacts";
import { optionalText } from "@/lib/validation/common";
import { actionInput, operation } from "./operation";
import { id, instant, projectPath } from "./shared";

export const artifactPath = projectPath.extend({ artifactId: id("artifact") });
const versionPath = artifactPath.extend({ versionId: id("version") });

export const ArtifactVersion = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    kind: z.enum(ARTIFACT_VERSION_KINDS),
    fileName: z.string().nullable(),
    size: z.number().int().nullable(),
    mediaType: z.string().nullable(),
    sha256: z.string().nullable(),
    url: z.string().nullable(),
    note: z.string(),
    submittedBy: z.uuid(),
    submittedAt: instant,
  })
  .meta({ id: "ArtifactVersion" });

const ArtifactUpload = z
  .object({
    file: z
      .file("A file is required.")
      .refine((file) => file.size > 0, "A file is required.")
      .meta({ description: "At most 20 MB; pdf, png, jpeg, docx, xlsx, pptx, txt, md, csv or zip." }),
    note: optionalText(500),
  })
  .meta({ id: "ArtifactUpload" });

export const addArtifactVersionOp = operation({
  id: "addArtifactVersion",
  method: "post",
  path: "/api/v1/projects/{projectId}/artifacts/{artifactId}/versions",
  tag: "Artifacts",
  summary: "Add an artifact version: a multipart `file` part, or JSON {url} or {markdown}",
  params: artifactPath,
  body: jsonVersionSchema.meta({ id: "ArtifactVersionInput" }),
  form: ArtifactUpload,
  success: {
    status: 201,
    description: "The new version; the artifact is `submitted` again",
    schema: z.object({
      artifact: z.object({
        id: z.uuid(),
        type: z.string(),
        title: z.string(),
        requirement: z.enum(REQUIREMENTS),
        status: z.enum(ARTIFACT_STATUSES),
      }),
      version: ArtifactVersion.extend({ artifactId: z.uuid(), markdown: z.string().nullable() }),
    }),
  },
  errors: [403, 409, 413, 415],
});

export const downloadArtifactFileOp = operation({
  id: "downloadArtifactFile",
  method: "get",
  path: "/api/v1/projects/{projectId}/artifacts/{artifactId}/versions/{versionId}/file",
  tag: "Artifacts",
  summary: "Download a version's file (as an attachment; `inline=1` previews a PDF or image)",
  params: versionPath,
  query: z.object({
    inline: z.string().max(10).optional().meta({
      description:
        "`1`: serve inline for a preview framed by the app (PDF, PNG, JPEG, GIF, WebP only; other types answer 415)",
    }),
  }),
  success: {
    status: 200,
    description: "The file, with Content-Disposition: attachment (or inline with inline=1)",
    mediaType: "application/octet-stream",
  },
  errors: [415],
});

export const reviewArtifactOp = operation({
  id: "reviewArtifact",
  method: "post",
  path: "/api/v1/projects/{projectId}/artifacts/{artifactId}/review",
  tag: "Artifacts",
  summary:
    "Approve or request changes on the latest version (board members of the artifact's gate; never the " +
    "version's submitter)",
  description:
    "When the policy names approver roles for the artifact, an approval by a board member without the awaited " +
    "role is recorded but the artifact stays `submitted` until a board member holding each role has approved. A " +
    "request for changes by any board member makes it `changes_requested`.",
  params: artifactPath,
  body: reviewSchema.meta({ id: "ReviewInput" }),
  success: {
    status: 200,
    description: "The review and the artifact's new status",
    schema: z.object({
      artifact: z.object({ id: z.uuid(), title: z.string(), status: z.enum(ARTIFACT_STATUSES) }),
      review: z.object({
        id: z.uuid(),
        versionId: z.uuid(),
        reviewerId: z.uuid(),
        decision: z.enum(REVIEW_DECISIONS),
        comment: z.string(),
        at: instant,
      }),
    }),
  },
  errors: [403, 409],
});

/** What the review form's action takes: the path's ids and the review, validated by the operation's schemas. */
export const reviewArtifactInput = actionInput(reviewArtifactOp);

export const artifactOperations = [addArtifactVersionOp, downloadArtifactFileOp, reviewArtifactOp];
