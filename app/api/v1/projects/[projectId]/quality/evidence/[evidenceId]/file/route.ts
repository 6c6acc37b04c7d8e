import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { downloadEvidenceFileOp } from "@/lib/contract/quality";
import { evidenceFileFor } from "@/lib/data/quality-history";
import { auditedDownload } from "@/lib/data/upload-downloads";
import { attachmentHeaders } from "@/lib/data/uploads";

/** Downloads an evidence file: always as an attachment, never sniffed or rendered inline. */
export const GET = route(downloadEvidenceFileOp, async ({ ctx, params }) => {
  const object = { objectType: "quality_evidence" as const, objectId: params.evidenceId, projectId: params.projectId };
  const file = await auditedDownload(getDb(), ctx, object, () =>
    evidenceFileFor(getDb(), ctx.actor, params.projectId, params.evidenceId),
  );
  return new Response(new Uint8Array(file.bytes), {
    headers: { ...attachmentHeaders(file), ...(file.sha256 ? { "x-checksum-sha256": file.sha256 } : {}) },
  });
});
