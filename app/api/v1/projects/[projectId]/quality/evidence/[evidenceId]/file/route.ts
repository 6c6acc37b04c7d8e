import { readFileSync } from "node:fs";
import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { evidenceFileFor } from "@/lib/data/quality-history";

type Params = { projectId: string; evidenceId: string };

/** Downloads an evidence file: always as an attachment, never sniffed or rendered inline. */
export const GET = apiRoute<Params>((_request, ctx, { projectId, evidenceId }) => {
  const file = evidenceFileFor(getDb(), ctx.actor, projectId, evidenceId);
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(readFileSync(file.path), {
    headers: {
      "content-type": file.mediaType,
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, no-store",
      ...(file.sha256 ? { "x-checksum-sha256": file.sha256 } : {}),
    },
  });
});
