// What a version of an artifact says: its Markdown rendered safely (components/markdown-text:
// no author HTML is ever interpreted), its link, or its file — with a preview in the review
// dialog for the types the file route serves inline (PDF, raster images) and always a download.
import { getTranslations } from "next-intl/server";
import { MarkdownText } from "@/components/markdown-text";
import type { GateDetail } from "@/lib/data/gate-views";
import { canPreview } from "@/lib/domain/preview-media";
import { getFormat } from "@/lib/i18n/format-server";
import { DownloadLink } from "@/components/ui/download-link";

type Version = GateDetail["gate"]["artifacts"][number]["versions"][number];

export async function VersionContent({
  projectId,
  artifactId,
  version,
  preview = false,
}: {
  projectId: string;
  artifactId: string;
  version: Version;
  preview?: boolean;
}) {
  const t = await getTranslations("gateVersion");
  const format = await getFormat();
  const fileUrl = `/api/v1/projects/${projectId}/artifacts/${artifactId}/versions/${version.id}/file`;
  if (version.kind === "file") {
    const previewable = preview && canPreview(version.mediaType);
    return (
      <div className="space-y-2">
        {previewable && version.mediaType === "application/pdf" ? (
          <iframe
            src={`${fileUrl}?inline=1`}
            title={t("preview", { name: String(version.fileName) })}
            className="h-[60vh] max-h-[32rem] w-full rounded border border-slate-200 bg-white"
          />
        ) : previewable ? (
          // A private, per-user file: next/image's optimiser must not fetch or cache it.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={`${fileUrl}?inline=1`}
            alt={t("preview", { name: String(version.fileName) })}
            className="max-h-[32rem] w-auto max-w-full rounded border border-slate-200"
          />
        ) : null}
        <p className="text-sm">
          <DownloadLink className="text-brand-700 underline" href={fileUrl}>
            {t("download", { name: String(version.fileName) })}
          </DownloadLink>{" "}
          <span className="text-xs text-slate-600">
            ({t("size", { kb: format.number(Math.ceil((version.size ?? 0) / 1024)) })}, SHA-256{" "}
            <code className="break-all">{version.sha256?.slice(0, 16)}…</code>)
          </span>
        </p>
        {preview && !previewable ? <p className="text-xs text-slate-600">{t("noPreview")}</p> : null}
      </div>
    );
  }
  if (version.kind === "url" && version.url) {
    return (
      <p className="text-sm">
        <a
          className="break-all text-brand-700 underline"
          href={version.url}
          target="_blank"
          rel="noopener noreferrer nofollow"
        >
          {version.url}
        </a>
        <span className="sr-only"> {t("newTab")}</span>
      </p>
    );
  }
  if (version.markdown) {
    return (
      <div className={`rounded border border-slate-200 bg-white p-3 ${preview ? "max-h-[50vh] overflow-y-auto" : ""}`}>
        <MarkdownText markdown={version.markdown} />
      </div>
    );
  }
  return null;
}
