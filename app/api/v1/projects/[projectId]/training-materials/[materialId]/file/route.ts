import { getDb } from "@/db/client";
import { apiRoute } from "@/lib/api";
import { readMaterialFile } from "@/lib/data/training-modules";
import { attachmentHeaders } from "@/lib/data/uploads";

/** Downloads a file material: always as an attachment, never rendered inline. */
export const GET = apiRoute<{ projectId: string; materialId: string }>(
  async (_request, ctx, { projectId, materialId }) => {
    const { file, bytes } = await readMaterialFile(getDb(), ctx.actor, projectId, materialId);
    return new Response(new Uint8Array(bytes), { headers: attachmentHeaders(file) });
  },
);
