import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { downloadTrainingMaterialOp } from "@/lib/contract/training";
import { readMaterialFile } from "@/lib/data/training-modules";
import { attachmentHeaders } from "@/lib/data/uploads";

/** Downloads a file material: always as an attachment, never rendered inline. */
export const GET = route(downloadTrainingMaterialOp, async ({ ctx, params }) => {
  const { file, bytes } = await readMaterialFile(getDb(), ctx.actor, params.projectId, params.materialId);
  return new Response(new Uint8Array(bytes), { headers: attachmentHeaders(file) });
});
