import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { evidenceFileFor } from "@/lib/data/quality-history";
import { attachmentHeaders } from "@/lib/data/uploads";

type Params = { projectId: string; evidenceId: string };

/** Downloads an evidence file: always as an attachment, never sniffed or rendered inline. */
export const GET = apiRoute<Params>(async (_request, ctx, { projectId, evidenceId }) => {
  const file = await evidenceFileFor(getDb(), ctx.actor, projectId, evidenceId);
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...attachmentHeaders(file), ...(file.sha256 ? { "x-checksum-sha256": file.sha256 } : {}) },
  });
});
