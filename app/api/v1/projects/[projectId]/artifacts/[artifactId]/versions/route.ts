// Adds an artifact version: multipart with a `file` part, or JSON {"url"} / {"markdown"}.
import { getDb } from "@/db/client";
import { apiRoute, readJson, validate } from "@/lib/api";
import { addArtifactVersion, type VersionSource } from "@/lib/data/artifacts";
import { assertContentLength } from "@/lib/data/uploads";
import { AppError } from "@/lib/errors";
import { jsonVersionSchema } from "@/lib/validation/artifacts";
import { optionalText } from "@/lib/validation/common";

async function readSource(request: Request): Promise<{ source: VersionSource; note: string }> {
  const type = request.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) {
    assertContentLength(request.headers.get("content-length"));
    const form = await request.formData().catch(() => {
      throw new AppError("invalid_input", "The multipart body could not be read.", "invalid_multipart");
    });
    const file = form.get("file");
    if (!(file instanceof File)) {
      throw new AppError("invalid_input", "Send the document as a multipart part named `file`.", "invalid_input", { fieldErrors: { file: ["A file is required."] } });
    }
    const note = validate(optionalText(500), form.get("note") ?? "");
    return { source: { kind: "file", fileName: file.name, bytes: Buffer.from(await file.arrayBuffer()) }, note };
  }
  const body = await readJson(request, jsonVersionSchema);
  return "url" in body ? { source: { kind: "url", url: body.url }, note: body.note } : { source: { kind: "markdown", markdown: body.markdown }, note: body.note };
}

export const POST = apiRoute<{ projectId: string; artifactId: string }>(async (request, ctx, { projectId, artifactId }) => {
  const { source, note } = await readSource(request);
  const { artifact, version } = addArtifactVersion(getDb(), ctx, { projectId, artifactId, source, note });
  const { storedName: _stored, ...publicVersion } = version;
  return Response.json(
    { artifact: { id: artifact.id, type: artifact.type, title: artifact.title, requirement: artifact.requirement, status: artifact.status }, version: publicVersion },
    { status: 201 },
  );
});
