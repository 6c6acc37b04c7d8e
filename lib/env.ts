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

export function uploadsDir(): string {
  const dir = path.join(/*turbopackIgnore: true*/ dataDir(), "uploads");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Demo mode shows the demo password on the sign-in page; production mode never seeds. */
export function isDemoMode(): boolean {
  return process.env.LIGHTGATE_MODE === "demo";
}

export const DEMO_PASSWORD = "lightgate-demo";
