// First-load JavaScript per page route, from the build's manifests: the root main chunks plus
// every chunk the route's client-reference manifest lists for its layouts, page and boundaries.
import { gzipSync } from "node:zlib";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

function manifests(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) manifests(full, out);
    else if (name === "page_client-reference-manifest.js") out.push(full);
  }
  return out;
}

/** kB as Next.js reports sizes: 1,000 bytes. */
const KB = 1000;

const rootMainFiles = (distDir: string) =>
  (JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] })
    .rootMainFiles;

/** Raw and gzip (level 9) bytes of a built file. */
function sizer(distDir: string) {
  const cache = new Map<string, [number, number]>();
  return (file: string): [number, number] => {
    if (!cache.has(file)) {
      const full = path.join(distDir, file.replace(/^\/?_next\//, ""));
      const content = existsSync(full) ? readFileSync(full) : Buffer.alloc(0);
      cache.set(file, [content.length, gzipSync(content, { level: 9 }).length]);
    }
    return cache.get(file)!;
  };
}

/** kB gzip of the root chunks every route loads (Next.js and React themselves). */
export function frameworkJs(distDir: string): number {
  const size = sizer(distDir);
  return rootMainFiles(distDir).reduce((sum, f) => sum + size(f)[1], 0) / KB;
}

export function firstLoadJs(distDir: string): { route: string; files: number; rawKb: number; gzipKb: number }[] {
  const build = { rootMainFiles: rootMainFiles(distDir) };
  const size = sizer(distDir);
  const rows = [];
  for (const file of manifests(path.join(distDir, "server", "app"))) {
    const text = readFileSync(file, "utf8");
    const key = /__RSC_MANIFEST\["([^"]+)"\]/.exec(text)?.[1];
    const json = text.slice(text.indexOf("= ", text.indexOf("__RSC_MANIFEST[")) + 2).replace(/;\s*$/, "");
    if (!key) continue;
    const manifest = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
    const files = new Set(build.rootMainFiles);
    for (const list of Object.values(manifest.entryJSFiles ?? {})) for (const f of list) files.add(f);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const [r, g] = size(f);
      raw += r;
      gz += g;
    }
    const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
    rows.push({ route, files: files.size, rawKb: raw / KB, gzipKb: gz / KB });
  }
  return rows.sort((a, b) => a.route.localeCompare(b.route));
}
