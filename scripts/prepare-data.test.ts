// The start refuses a wrong encryption key with one clear line and exit code 1, before it opens the
// database or serves anything: run as `npm run demo` runs it, in a child process.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = mkdtempSync(path.join(tmpdir(), "lightgate-start-key-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function startWith(setUp: (dataDir: string) => void, env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(path.join(root, "data-"));
  setUp(dataDir);
  const run = spawnSync(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
    env: {
      ...process.env,
      LIGHTGATE_DATA_DIR: dataDir,
      LIGHTGATE_ENCRYPTION_KEY: "",
      LIGHTGATE_PREVIOUS_ENCRYPTION_KEY: "",
      DATABASE_URL: "",
      PORT: "1",
      ...env,
    },
    encoding: "utf8",
    timeout: 90_000,
  });
  return { ...run, dataDir, lines: run.stderr.trim().split("\n").filter(Boolean) };
}

describe("a wrong key stops the start", () => {
  it.each([
    [
      "a key file readable by others",
      (dir: string) =>
        writeFileSync(path.join(dir, "encryption.key"), randomBytes(32).toString("base64"), { mode: 0o644 }),
      {},
      /^Lightgate cannot start: .*encryption\.key is readable by other accounts \(mode 0644\); run `chmod 600 /,
    ],
    [
      "a key file of the wrong length",
      (dir: string) =>
        writeFileSync(path.join(dir, "encryption.key"), randomBytes(16).toString("base64"), { mode: 0o600 }),
      {},
      new RegExp(
        "^Lightgate cannot start: .*encryption\\.key must hold the encryption key " +
          "as base64 of exactly 32 bytes \\(it holds 16\\)",
      ),
    ],
    [
      "a variable of the wrong length",
      () => undefined,
      { LIGHTGATE_ENCRYPTION_KEY: randomBytes(31).toString("base64") },
      /^Lightgate cannot start: LIGHTGATE_ENCRYPTION_KEY must hold the encryption key as base64 of exactly 32 bytes/,
    ],
  ])(
    "%s: one line, exit 1, nothing else done",
    (_name, setUp, env, line) => {
      const run = startWith(setUp, env);
      expect(run.status).toBe(1);
      expect(run.lines).toHaveLength(1);
      expect(run.lines[0]).toMatch(line);
      // Stopped before the database was opened or created.
      expect(existsSync(path.join(run.dataDir, "lightgate.db"))).toBe(false);
    },
    120_000,
  );
});
