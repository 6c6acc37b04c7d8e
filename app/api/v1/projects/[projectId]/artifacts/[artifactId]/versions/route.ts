// Adds an artifact version: multipart with a `file` part, or JSON {"url"} / {"markdown"}.
import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { addArtifactVersionOp } from "@/lib/contract/artifacts";
import { addArtifactVersion, type VersionSource } from "@/lib/data/artifacts";

export const POST = route(addArtifactVersionOp, async ({ ctx, params, body }) => {
  const source: VersionSource =
    "file" in body
      ? { kind: "file", fileName: body.file.name, bytes: Buffer.from(await body.file.arrayBuffer()) }
      : "url" in body
        ? { kind: "url", url: body.url }
        : { kind: "markdown", markdown: body.markdown };
  const { artifact, version } = await addArtifactVersion(getDb(), ctx, { ...params, source, note: body.note });
  const { storedName: _stored, ...publicVersion } = version;
  return {
    artifact: {
      id: artifact.id,
      type: artifact.type,
      title: artifact.title,
      requirement: artifact.requirement,
      status: artifact.status,
    },
    version: publicVersion,
  };
});
