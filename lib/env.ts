import { mkdirSync } from "node:fs";
import path from "node:path";

/** Where the database, uploads and the generated auth secret live. */
export function dataDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.LIGHTGATE_DATA_DIR || "./data");
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function databaseFile(): string {
  return process.env.LIGHTGATE_DATABASE || path.join(/*turbopackIgnore: true*/ dataDir(), "lightgate.db");
}

/**
 * Where uploaded files live: LIGHTGATE_UPLOADS_DIR, or `<data folder>/uploads`. The files are not
 * in the database, so several instances must all point this at one shared folder (e.g. NFS).
 */
export function uploadsDir(): string {
  const configured = process.env.LIGHTGATE_UPLOADS_DIR?.trim();
  const dir = configured
    ? path.resolve(/*turbopackIgnore: true*/ configured)
    : path.join(/*turbopackIgnore: true*/ dataDir(), "uploads");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Demo mode shows the demo password on the sign-in page; production mode never seeds. */
export function isDemoMode(): boolean {
  return process.env.LIGHTGATE_MODE === "demo";
}

export const DEMO_PASSWORD = "lightgate-demo";
