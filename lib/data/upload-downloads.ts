// A download whose stored file no longer opens (its authentication tag fails: someone altered the
// bytes on disk) is refused, and the refusal is an audit event: who asked, from where, for which
// object. The event is written in its own transaction, since the download itself changes nothing.
import { type Db, transaction } from "@/db/client";
import { type RequestContext, recordAudit } from "@/lib/audit";
import { UploadTampered } from "@/lib/data/uploads";

export const TAMPER_ACTION = "upload.tamper_detected";

/** The object whose file is downloaded, as the audit trail names it. */
export type DownloadedObject = {
  objectType: "artifact" | "quality_evidence" | "training_material";
  objectId: string;
  projectId: string;
  /** What else identifies the file (an artifact's version). */
  detail?: Record<string, string | number>;
};

/** Runs a download's read; a tampered file is audited, then refused with its own error. */
export async function auditedDownload<T>(
  db: Db,
  ctx: RequestContext,
  object: DownloadedObject,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof UploadTampered) {
      console.error(
        `Refused a download: the stored file ${error.storedName} of ${object.objectType} ${object.objectId} ` +
          "fails its integrity check (altered on disk).",
      );
      await transaction(db, async (tx) => {
        await recordAudit(tx, ctx, {
          action: TAMPER_ACTION,
          objectType: object.objectType,
          objectId: object.objectId,
          projectId: object.projectId,
          after: { ...object.detail, storedName: error.storedName },
        });
      });
    }
    throw error;
  }
}
