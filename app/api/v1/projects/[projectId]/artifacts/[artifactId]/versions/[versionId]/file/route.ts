// Downloads a version's file: as an attachment with the stored media type and nosniff, so an
// uploaded document is never rendered or run in the app's origin. `?inline=1` is the review
// dialog's preview, allowed only for PDF and raster images (see lib/data/upload-preview.ts).
import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { downloadArtifactFileOp } from "@/lib/contract/artifacts";
import { artifactFile } from "@/lib/data/artifacts";
import { auditedDownload } from "@/lib/data/upload-downloads";
import { inlineHeaders } from "@/lib/data/upload-preview";
import { attachmentHeaders } from "@/lib/data/uploads";

export const GET = route(downloadArtifactFileOp, async ({ ctx, params, query }) => {
  const object = {
    objectType: "artifact" as const,
    objectId: params.artifactId,
    projectId: params.projectId,
    detail: { versionId: params.versionId },
  };
  const file = await auditedDownload(getDb(), ctx, object, () => artifactFile(getDb(), ctx.actor, params));
  const headers = query.inline === "1" ? inlineHeaders(file) : attachmentHeaders(file);
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...headers, ...(file.sha256 ? { "x-content-sha256": file.sha256 } : {}) },
  });
});
