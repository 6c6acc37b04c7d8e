// Which uploaded files the app previews inline (the review dialog): only types a browser shows
// without running anything of the author's — PDF and raster images — never HTML, SVG or text that
// could be sniffed as markup. Pure, so the review dialog (a client component) asks it without
// pulling the data layer into the browser; lib/data/upload-preview.ts serves the preview.

export const PREVIEW_MEDIA_TYPES: ReadonlySet<string> = new Set([
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
]);

export const canPreview = (mediaType: string | null | undefined): boolean =>
  Boolean(mediaType && PREVIEW_MEDIA_TYPES.has(mediaType));
