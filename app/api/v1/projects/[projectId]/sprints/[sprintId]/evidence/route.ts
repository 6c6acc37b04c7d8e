import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { recordSprintEvidenceOp } from "@/lib/contract/quality";
import { evidenceUpload, recordedEvidenceJson } from "@/lib/data/delivery-views";
import { recordEvidence } from "@/lib/data/quality";

/** Record evidence for a required activity: JSON (link or waiver) or multipart with a `file` part. */
export const POST = route(recordSprintEvidenceOp, async ({ ctx, params, body }) => {
  const { activityKey, result, reason, link } = body;
  const upload = await evidenceUpload(body);
  const row = await recordEvidence(getDb(), ctx, { ...params, activityKey, result, reason, link, upload });
  return recordedEvidenceJson(row);
});
