import { getDb } from "@/db/client";
import { apiRoute, filePart, readJson, readMultipart, validate } from "@/lib/api";
import { recordReleaseEvidence } from "@/lib/data/release-quality";
import { evidenceJsonSchema } from "@/lib/validation/quality";

type Params = { projectId: string; releaseId: string };

/** Record evidence for an activity of the release's standard (it counts for every sprint inheriting it): JSON (link or waiver) or multipart with a `file` part. */
export const POST = apiRoute<Params>(async (request, ctx, { projectId, releaseId }) => {
  let fields;
  let upload;
  const form = await readMultipart(request);
  if (form) {
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    };
    fields = validate(evidenceJsonSchema, {
      activityKey: text("activityKey"),
      result: text("result"),
      reason: text("reason"),
      link: text("link"),
    });
    upload = (await filePart(form)) ?? undefined;
  } else {
    fields = await readJson(request, evidenceJsonSchema);
  }
  const row = await recordReleaseEvidence(getDb(), ctx, { projectId, releaseId, ...fields, upload });
  return Response.json(
    {
      id: row.id,
      activityKey: row.activityKey,
      result: row.result,
      reason: row.reason,
      link: row.link,
      file: row.storedName
        ? { name: row.fileName, size: row.size, sha256: row.sha256, mediaType: row.mediaType }
        : null,
      recordedAt: row.recordedAt,
    },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
