// The file name a download's Content-Disposition header gives (lib/data/uploads.ts writes it), for
// the download link that saves the file itself (components/ui/download-link.tsx).

/** The file name of a Content-Disposition header (RFC 6266: `filename*` first), if any. */
export function dispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed encoding: try the plain name
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"|filename\s*=\s*([^;]+)/i.exec(header);
  if (!plain) return null;
  return (plain[1] ?? plain[2]).replace(/\\(.)/g, "$1").trim() || null;
}
