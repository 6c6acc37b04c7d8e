// Adds a training material: multipart with a `file` part (and optional `title`), or JSON {"title", "url"}.
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiRoute, filePart, readJson, readMultipart, validate } from "@/lib/api";
import { addMaterialFile, addMaterialLink } from "@/lib/data/training-modules";
import { AppError } from "@/lib/errors";
import { addMaterialLinkSchema } from "@/lib/validation/readiness";

export const POST = apiRoute<{ projectId: string; moduleId: string }>(async (request, ctx, { projectId, moduleId }) => {
  const form = await readMultipart(request);
  if (form) {
    const file = await filePart(form);
    if (!file) {
      throw new AppError("invalid_input", "Send the material as a multipart part named `file`.", "invalid_input", {
        fieldErrors: { file: ["A file is required."] },
      });
    }
    const title = validate(z.string().trim().max(200, "At most 200 characters."), form.get("title") ?? "");
    const material = await addMaterialFile(getDb(), ctx, { projectId, moduleId, title, ...file });
    const { storedName: _stored, ...publicMaterial } = material;
    return Response.json(publicMaterial, { status: 201 });
  }
  const input = await readJson(request, addMaterialLinkSchema.omit({ projectId: true, moduleId: true }));
  return Response.json(await addMaterialLink(getDb(), ctx, { ...input, projectId, moduleId }), { status: 201 });
});
