import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { downloadTrainingMaterialOp } from "@/lib/contract/training";
import { readMaterialFile } from "@/lib/data/training-modules";
import { auditedDownload } from "@/lib/data/upload-downloads";
import { attachmentHeaders } from "@/lib/data/uploads";

/** Downloads a file material: always as an attachment, never rendered inline. */
export const GET = route(downloadTrainingMaterialOp, async ({ ctx, params }) => {
  const object = { objectType: "training_material" as const, objectId: params.materialId, projectId: params.projectId };
  const { file, bytes } = await auditedDownload(getDb(), ctx, object, () =>
    readMaterialFile(getDb(), ctx.actor, params.projectId, params.materialId),
  );
  return new Response(new Uint8Array(bytes), { headers: attachmentHeaders(file) });
});
