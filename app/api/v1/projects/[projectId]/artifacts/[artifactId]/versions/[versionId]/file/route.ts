// Downloads a version's file: as an attachment with the stored media type and nosniff, so an
// uploaded document is never rendered or run in the app's origin. `?inline=1` is the review
// dialog's preview, allowed only for PDF and raster images (see lib/data/upload-preview.ts).
import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { artifactFile } from "@/lib/data/artifacts";
import { inlineHeaders } from "@/lib/data/upload-preview";
import { attachmentHeaders } from "@/lib/data/uploads";

export const GET = apiRoute<{ projectId: string; artifactId: string; versionId: string }>(
  async (request, ctx, params) => {
    const file = await artifactFile(getDb(), ctx.actor, params);
    const inline = new URL(request.url).searchParams.get("inline") === "1";
    const headers = inline ? inlineHeaders(file) : attachmentHeaders(file);
    return new Response(new Uint8Array(file.bytes), {
      headers: { ...headers, ...(file.sha256 ? { "x-content-sha256": file.sha256 } : {}) },
    });
  },
);
