import { describe, expect, it } from "vitest";
import { canPreview, inlineHeaders } from "@/lib/data/upload-preview";

describe("inline previews of uploads", () => {
  it.each([
    { mediaType: "application/pdf", preview: true, sandboxed: false },
    { mediaType: "image/png", preview: true, sandboxed: true },
    { mediaType: "image/jpeg", preview: true, sandboxed: true },
    { mediaType: "image/gif", preview: true, sandboxed: true },
    { mediaType: "image/webp", preview: true, sandboxed: true },
    { mediaType: "text/html", preview: false },
    { mediaType: "image/svg+xml", preview: false },
    { mediaType: "text/markdown; charset=utf-8", preview: false },
    { mediaType: "application/zip", preview: false },
  ])("$mediaType → preview $preview", ({ mediaType, preview, sandboxed }) => {
    expect(canPreview(mediaType)).toBe(preview);
    const file = { fileName: 'plan "v2".pdf', mediaType, size: 10 };
    if (!preview) {
      expect(() => inlineHeaders(file)).toThrow(/cannot be shown here/);
      return;
    }
    const headers = inlineHeaders(file);
    expect(headers["content-type"]).toBe(mediaType);
    expect(headers["content-disposition"]).toMatch(/^inline; filename="plan _v2_.pdf"/);
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["content-security-policy"]).toContain("default-src 'none'");
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(headers["content-security-policy"].includes("sandbox")).toBe(sandboxed);
  });
});
