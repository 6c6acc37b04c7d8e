// Adds an artifact version: multipart with a `file` part, or JSON {"url"} / {"markdown"}.
import { getDb } from "@/db/client";
import { apiRoute, filePart, readJson, readMultipart, validate } from "@/lib/api";
import { addArtifactVersion, type VersionSource } from "@/lib/data/artifacts";
import { AppError } from "@/lib/errors";
import { jsonVersionSchema } from "@/lib/validation/artifacts";
import { optionalText } from "@/lib/validation/common";

async function readSource(request: Request): Promise<{ source: VersionSource; note: string }> {
  const form = await readMultipart(request);
  if (form) {
    const file = await filePart(form);
    if (!file) {
      throw new AppError("invalid_input", "Send the document as a multipart part named `file`.", "invalid_input", {
        fieldErrors: { file: ["A file is required."] },
      });
    }
    const note = validate(optionalText(500), form.get("note") ?? "");
    return { source: { kind: "file", ...file }, note };
  }
  const body = await readJson(request, jsonVersionSchema);
  return "url" in body
    ? { source: { kind: "url", url: body.url }, note: body.note }
    : { source: { kind: "markdown", markdown: body.markdown }, note: body.note };
}

export const POST = apiRoute<{ projectId: string; artifactId: string }>(
  async (request, ctx, { projectId, artifactId }) => {
    const { source, note } = await readSource(request);
    const { artifact, version } = await addArtifactVersion(getDb(), ctx, { projectId, artifactId, source, note });
    const { storedName: _stored, ...publicVersion } = version;
    return Response.json(
      {
        artifact: {
          id: artifact.id,
          type: artifact.type,
          title: artifact.title,
          requirement: artifact.requirement,
          status: artifact.status,
        },
        version: publicVersion,
      },
      { status: 201 },
    );
  },
);
