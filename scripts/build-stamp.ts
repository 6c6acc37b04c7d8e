// "Builds if the current code has no build yet": a content hash of every input of `next build`,
// kept beside the build output.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "lib",
  "db",
  "public",
  "messages",
  "i18n",
  "proxy.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const SKIP = /(^|\/)(node_modules|\.next[^/]*|data)(\/|$)|\.test\.ts$/;

function walk(entry: string, out: string[]) {
  if (!existsSync(entry) || SKIP.test(entry)) return;
  if (statSync(entry).isDirectory()) {
    for (const name of readdirSync(entry).sort()) walk(path.join(entry, name), out);
  } else out.push(entry);
}

export function sourceHash(root = process.cwd()): string {
  const files: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), files);
  const hash = createHash("sha256");
  for (const file of files) hash.update(path.relative(root, file)).update("\0").update(readFileSync(file));
  return hash.digest("hex");
}

/** The `next` command, run with the current Node. */
export function nextBin(): string {
  return createRequire(import.meta.url).resolve("next/dist/bin/next");
}

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

const stampFile = () => path.join(distDir(), "lightgate-source-hash");

/** Whether the build output was made from the current source. */
export function buildIsCurrent(): boolean {
  const stamp = stampFile();
  return (
    existsSync(stamp) && readFileSync(stamp, "utf8") === sourceHash() && existsSync(path.join(distDir(), "BUILD_ID"))
  );
}

/** Marks the build output as made from the current source (after a successful `next build`). */
export function writeBuildStamp(): void {
  writeFileSync(stampFile(), sourceHash());
}

/** Runs `next build` unless the build output already matches the source. */
export function ensureBuild(): void {
  if (buildIsCurrent()) {
    console.log("Build is up to date.");
    return;
  }
  const current = sourceHash();
  console.log("Building the app (first start or changed code)…");
  const result = spawnSync(process.execPath, [nextBin(), "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stampFile(), current);
}
