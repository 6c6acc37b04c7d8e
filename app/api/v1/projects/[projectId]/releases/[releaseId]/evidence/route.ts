import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { recordReleaseEvidenceOp } from "@/lib/contract/release-quality";
import { evidenceUpload, recordedEvidenceJson } from "@/lib/data/delivery-views";
import { recordReleaseEvidence } from "@/lib/data/release-quality";

/**
 * Record evidence for an activity of the release's standard (it counts for every sprint inheriting it):
 * JSON (link or waiver) or multipart with a `file` part.
 */
export const POST = route(recordReleaseEvidenceOp, async ({ ctx, params, body }) => {
  const { activityKey, result, reason, link } = body;
  const upload = await evidenceUpload(body);
  const row = await recordReleaseEvidence(getDb(), ctx, { ...params, activityKey, result, reason, link, upload });
  return recordedEvidenceJson(row);
});
