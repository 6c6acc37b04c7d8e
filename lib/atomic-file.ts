// Replacing a file so that a crash at any moment leaves either the old content or the new one,
// never a mix or nothing: write a temporary file in the same folder (a rename is atomic only within
// one file system), flush it to disk, rename it over the target, then flush the folder so the rename
// itself survives a power cut.
import { randomUUID } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/** Temporary files of an atomic write start with this; scans of a folder skip them. */
export const PARTIAL_PREFIX = ".partial-";

function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, "r");
    fsyncSync(fd);
  } catch {
    // Some file systems (and Windows) cannot open or flush a folder; the file itself is flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `bytes` to `file` atomically (see above), with `mode` for a new file. */
export function writeFileAtomic(file: string, bytes: Buffer | string, mode = 0o600): void {
  const folder = path.dirname(file);
  const temporary = path.join(folder, `${PARTIAL_PREFIX}${randomUUID()}`);
  const fd = openSync(temporary, "wx", mode);
  try {
    const data = typeof bytes === "string" ? Buffer.from(bytes, "utf8") : bytes;
    let written = 0;
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(folder);
}

/** Removes a file and flushes its folder, so the removal is durable before anything relies on it. */
export function removeFileDurably(file: string): void {
  rmSync(file, { force: true });
  syncFolder(path.dirname(file));
}
