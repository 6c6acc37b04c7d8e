// Adds a training material: multipart with a `file` part (and optional `title`), or JSON {"title", "url"}.
import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { addTrainingMaterialOp } from "@/lib/contract/training";
import { addMaterialFile, addMaterialLink } from "@/lib/data/training-modules";

export const POST = route(addTrainingMaterialOp, async ({ ctx, params, body }) => {
  const material =
    "url" in body
      ? await addMaterialLink(getDb(), ctx, { ...body, ...params })
      : await addMaterialFile(getDb(), ctx, {
          ...params,
          title: body.title,
          fileName: body.file.name,
          bytes: Buffer.from(await body.file.arrayBuffer()),
        });
  // Where the file is stored is internal (null for a link); downloads go through readMaterialFile.
  const { storedName: _stored, ...publicMaterial } = material;
  return publicMaterial;
});
