// Downloads a version's file: always as an attachment with the stored media type and nosniff,
// so an uploaded document is never rendered or run in the app's origin.
import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { artifactFile } from "@/lib/data/artifacts";
import { attachmentHeaders } from "@/lib/data/uploads";

export const GET = apiRoute<{ projectId: string; artifactId: string; versionId: string }>((_request, ctx, params) => {
  const file = artifactFile(getDb(), ctx.actor, params);
  return new Response(new Uint8Array(file.bytes), { headers: { ...attachmentHeaders(file), ...(file.sha256 ? { "x-content-sha256": file.sha256 } : {}) } });
});
