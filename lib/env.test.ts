import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { uploadsDir } from "@/lib/env";

describe("uploadsDir", () => {
  const root = mkdtempSync(path.join(tmpdir(), "lightgate-env-"));
  afterEach(() => vi.unstubAllEnvs());
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const cases: { name: string; dataDir: string; uploads?: string; expected: string }[] = [
    { name: "unset: the data folder's uploads", dataDir: "data", expected: "data/uploads" },
    { name: "blank counts as unset", dataDir: "data", uploads: "  ", expected: "data/uploads" },
    {
      name: "LIGHTGATE_UPLOADS_DIR: that folder, shared by every instance",
      dataDir: "data",
      uploads: "shared/lightgate-uploads",
      expected: "shared/lightgate-uploads",
    },
  ];
  it.each(cases)("$name", ({ dataDir, uploads, expected }) => {
    vi.stubEnv("LIGHTGATE_DATA_DIR", path.join(root, dataDir));
    vi.stubEnv(
      "LIGHTGATE_UPLOADS_DIR",
      uploads === undefined ? undefined : uploads.trim() ? path.join(root, uploads) : uploads,
    );
    const dir = uploadsDir();
    expect(dir).toBe(path.join(root, expected));
    // Created on first use, so a fresh instance can write its first upload.
    expect(existsSync(dir)).toBe(true);
  });

  it("a relative LIGHTGATE_UPLOADS_DIR resolves against the working folder", () => {
    vi.stubEnv("LIGHTGATE_UPLOADS_DIR", path.relative(process.cwd(), path.join(root, "relative")));
    expect(uploadsDir()).toBe(path.join(root, "relative"));
  });
});
