// Adds a training material: multipart with a `file` part (and optional `title`), or JSON {"title", "url"}.
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { addMaterialFile, addMaterialLink } from "@/lib/data/training";
import { assertContentLength } from "@/lib/data/uploads";
import { AppError } from "@/lib/errors";
import { addMaterialLinkSchema } from "@/lib/validation/readiness";

export const POST = apiRoute<{ projectId: string; moduleId: string }>(async (request, ctx, { projectId, moduleId }) => {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    assertContentLength(request.headers.get("content-length"));
    const form = await request.formData().catch(() => {
      throw new AppError("invalid_input", "The multipart body could not be read.", "invalid_multipart");
    });
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new AppError("invalid_input", "Send the material as a multipart part named `file`.", "invalid_input", { fieldErrors: { file: ["A file is required."] } });
    }
    const title = validate(z.string().trim().max(200, "At most 200 characters."), form.get("title") ?? "");
    const material = addMaterialFile(getDb(), ctx, { projectId, moduleId, title, fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) });
    const { storedName: _stored, ...publicMaterial } = material;
    return Response.json(publicMaterial, { status: 201 });
  }
  const input = await readJson(request, addMaterialLinkSchema.omit({ projectId: true, moduleId: true }));
  return Response.json(addMaterialLink(getDb(), ctx, { ...input, projectId, moduleId }), { status: 201 });
});
