// Previews of uploaded files inside the app (the review dialog): only types a browser shows
// without running anything of the author's — PDF and raster images — never HTML, SVG or text
// that could be sniffed as markup. Served inline with nosniff and a CSP that allows nothing but
// being framed by the app itself; everything else stays a download (attachmentHeaders).
import { canPreview } from "@/lib/domain/preview-media";
import { AppError } from "@/lib/errors";

export { canPreview, PREVIEW_MEDIA_TYPES } from "@/lib/domain/preview-media";

export function inlineHeaders(file: { fileName: string; mediaType: string; size: number }): Record<string, string> {
  if (!canPreview(file.mediaType)) {
    throw new AppError(
      "unsupported_media_type",
      "This type of file cannot be shown here; download it instead.",
      "preview_not_available",
      undefined,
      { problem: "previewNotAvailable" },
    );
  }
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  // Chrome's PDF viewer refuses to run in a sandboxed document, so PDFs get no `sandbox`;
  // `default-src 'none'` still forbids any script, style or fetch of the document's own.
  const sandbox = file.mediaType === "application/pdf" ? "" : "; sandbox";
  return {
    "content-type": file.mediaType,
    "content-length": String(file.size),
    "content-disposition": `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    "x-content-type-options": "nosniff",
    "content-security-policy": `default-src 'none'; frame-ancestors 'self'${sandbox}`,
    "x-frame-options": "SAMEORIGIN",
    "cache-control": "private, no-store",
  };
}
