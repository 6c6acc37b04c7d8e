// The stored upload files as a whole: the start's migration seals files written before encryption at
// rest, and a key rotation seals every file again under the new key. Each file is replaced atomically
// (a sealed temporary file in the same folder, flushed, renamed over it), so an interruption at any
// point leaves every file whole and readable by the current or the previous key.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { PARTIAL_PREFIX, writeFileAtomic } from "@/lib/atomic-file";
import { uploadsDir } from "@/lib/env";
import {
  type Keyring,
  keyName,
  keyring,
  openBytes,
  SealBroken,
  sealBytes,
  sealedBy,
  sealState,
} from "@/lib/secret-box";

/** A temporary file older than this belongs to a write that crashed, not to one in flight. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** The stored files (generated names), without temporary files of atomic writes in progress. */
export function storedUploadNames(dir = uploadsDir()): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => entry.name)
    .sort();
}

/** Removes the temporary files that crashed writes left (they hold sealed bytes only, never plaintext). */
export function removeStalePartials(dir = uploadsDir(), now = Date.now()): number {
  let removed = 0;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(PARTIAL_PREFIX)) continue;
    const file = path.join(dir, name);
    if (now - statSync(file).mtimeMs > STALE_PARTIAL_MS) {
      rmSync(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

export type FileOutcome = "sealed" | "resealed" | "current" | "foreign" | "broken";

/**
 * Brings one stored file under the current key: a plaintext file is sealed, a file sealed under the
 * previous key is sealed again; a file under the current key is left alone. A file under a key this
 * server does not have ("foreign") or whose seal does not open ("broken") is never rewritten.
 */
export function sealFileUnderCurrentKey(file: string, ring: Keyring = keyring(), plaintextOnly = false): FileOutcome {
  const bytes = readFileSync(file);
  const state = sealState(bytes, ring);
  if (state === "foreign") return "foreign";
  if (state === "plain") {
    writeFileAtomic(file, sealBytes(bytes, ring), 0o600);
    return "sealed";
  }
  if (plaintextOnly || sealedBy(bytes, ring) === "current") return "current";
  let plain: Buffer;
  try {
    plain = openBytes(bytes, ring);
  } catch (error) {
    if (error instanceof SealBroken) return "broken";
    throw error;
  }
  writeFileAtomic(file, sealBytes(plain, ring), 0o600);
  return "resealed";
}

export type UploadSealingReport = {
  files: number;
  /** Plaintext files sealed by this run. */
  sealed: number;
  /** Files under the previous key sealed again under the current one. */
  resealed: number;
  /** Files under a key this server does not have: left as they are, and unreadable here. */
  foreign: string[];
  /** Files whose seal does not open: altered on disk; left as they are. */
  broken: string[];
  /** False when the run stopped at its limit before the last file. */
  complete: boolean;
};

/**
 * Seals every stored file under the current key (see sealFileUnderCurrentKey); with `limit`, stops
 * after that many files were rewritten, and a next run carries on (files already done are skipped).
 * `plaintextOnly` is the start's migration: it seals what was never sealed and leaves a rotation's
 * files to `npm run keys:rotate`.
 */
export function sealUploadsUnderCurrentKey(
  options: { dir?: string; ring?: Keyring; limit?: number; plaintextOnly?: boolean } = {},
): UploadSealingReport {
  const dir = options.dir ?? uploadsDir();
  const ring = options.ring ?? keyring();
  const report: UploadSealingReport = { files: 0, sealed: 0, resealed: 0, foreign: [], broken: [], complete: true };
  for (const name of storedUploadNames(dir)) {
    if (options.limit !== undefined && report.sealed + report.resealed >= options.limit) {
      report.complete = false;
      break;
    }
    report.files += 1;
    let outcome: FileOutcome;
    try {
      outcome = sealFileUnderCurrentKey(path.join(dir, name), ring, options.plaintextOnly);
    } catch (error) {
      // Removed meanwhile (a failed upload discarded): nothing left to seal.
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    if (outcome === "sealed") report.sealed += 1;
    else if (outcome === "resealed") report.resealed += 1;
    else if (outcome === "foreign") report.foreign.push(name);
    else if (outcome === "broken") report.broken.push(name);
  }
  return report;
}

/** How many stored files are still sealed under a key of the ring other than the current one. */
export function uploadsUnderOtherKeys(dir = uploadsDir(), ring: Keyring = keyring()): string[] {
  return storedUploadNames(dir).filter((name) => {
    try {
      const bytes = readFileSync(path.join(dir, name));
      return sealState(bytes, ring) === "sealed" && sealedBy(bytes, ring) === "other";
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
  });
}

/**
 * The start's step (scripts/prepare-data.ts): loads the key, so a wrong key file stops the start
 * before anything is served, then seals the uploads written before encryption at rest. A second
 * start finds nothing to seal. Returns the lines to print.
 */
export function prepareUploadsAtRest(): string[] {
  const ring = keyring();
  const dir = uploadsDir();
  removeStalePartials(dir);
  const report = sealUploadsUnderCurrentKey({ dir, ring, plaintextOnly: true });
  const lines: string[] = [];
  if (report.sealed > 0) {
    lines.push(`Encrypted ${report.sealed} of ${report.files} uploads written before encryption at rest.`);
  }
  if (report.foreign.length > 0) {
    lines.push(
      `Warning: ${report.foreign.length} uploads are encrypted with a key this server does not have ` +
        `(the current one is ${keyName(ring.current)}): every instance must use the same key ` +
        "(LIGHTGATE_ENCRYPTION_KEY, or one shared key file).",
    );
  }
  return lines;
}
