// Keys that protect data at rest live outside the database: an environment variable, or a key file
// in the data folder that only this account may read (mode 0600), created on first start. A key file
// that is readable by others or has the wrong length stops the start with one clear line, rather
// than encrypting under a key someone else may hold or a truncated one.
import { randomBytes } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "@/lib/atomic-file";
import { dataDir } from "@/lib/env";

export class KeyFileError extends Error {
  override name = "KeyFileError";
}

export type KeySource = {
  /** The file's name in the data folder, e.g. "encryption.key". */
  fileName: string;
  /** The environment variable that overrides the file (base64 of the raw key). */
  envVar: string;
  /** The key's length in bytes. */
  bytes: number;
  /** What the key protects, for the error line. */
  purpose: string;
  /** Makes a fresh key when the file does not exist; defaults to random bytes. */
  generate?: () => Buffer;
};

function decode(text: string, source: KeySource, where: string): Buffer {
  const trimmed = text.trim();
  const key = Buffer.from(trimmed, "base64");
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed) || key.length !== source.bytes) {
    throw new KeyFileError(
      `${where} must hold the ${source.purpose} key as base64 of exactly ${source.bytes} bytes` +
        ` (it holds ${key.length}); restore the right key or remove the file to start without the data it protects.`,
    );
  }
  return key;
}

export function keyFilePath(source: KeySource): string {
  return path.join(/*turbopackIgnore: true*/ dataDir(), source.fileName);
}

/** Reads a key file, refusing one that others can read or that has the wrong length. */
export function readKeyFile(file: string, source: KeySource): Buffer {
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) {
    throw new KeyFileError(
      `${file} is readable by other accounts (mode ${mode.toString(8).padStart(4, "0")}); run \`chmod 600 ${file}\`.`,
    );
  }
  return decode(readFileSync(file, "utf8"), source, file);
}

/** Writes a new key file with mode 0600; refuses to overwrite one. */
export function writeKeyFile(file: string, key: Buffer): void {
  writeFileSync(file, `${key.toString("base64")}\n`, { mode: 0o600, flag: "wx" });
}

/** Writes a key file over any existing one, atomically, with mode 0600 (a key rotation). */
export function replaceKeyFile(file: string, key: Buffer): void {
  writeFileAtomic(file, `${key.toString("base64")}\n`, 0o600);
}

/** The key from the environment, else the data folder's key file, created on first use. */
export function loadKey(source: KeySource): Buffer {
  const fromEnv = process.env[source.envVar]?.trim();
  if (fromEnv) return decode(fromEnv, source, source.envVar);
  const file = keyFilePath(source);
  try {
    writeKeyFile(file, (source.generate ?? (() => randomBytes(source.bytes)))());
  } catch (error) {
    // It exists already (or another process created it first): read that one.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return readKeyFile(file, source);
}
