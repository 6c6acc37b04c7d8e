// What the browser reads of the message catalogue, derived from the source: every "use client"
// module and, transitively, every module of the app it imports (those run in the browser too),
// and the namespaces they read (a literal first argument of useTranslations).
// lib/i18n/route-messages.test.ts checks with it that each route file hands its client parts
// exactly the namespaces they read.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const SOURCE_DIRS = ["app", "components", "lib"];

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

/** The file an import specifier names inside the app, or null for a package. */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)([^;]*?)from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

/** `import { type A, type B } from "x"` is erased by the compiler: it loads nothing in the browser. */
const typesOnly = (clause: string | undefined) =>
  clause !== undefined &&
  /^\s*\{[^}]*\}\s*$/.test(clause) &&
  clause
    .replace(/[{}]/g, "")
    .split(",")
    .every((name) => name.trim() === "" || /^type\s/.test(name.trim()));

const READS = /useTranslations\(\s*["']([A-Za-z]+)["']\s*\)/g;

const sources = new Map<string, string>();
export const sourceOf = (file: string) => {
  let source = sources.get(file);
  if (source === undefined) sources.set(file, (source = readFileSync(file, "utf8")));
  return source;
};
const isClient = (file: string) => /^\s*["']use client["']/.test(sourceOf(file));
const isServerActions = (file: string) => /^\s*["']use server["']/.test(sourceOf(file));

function imports(file: string): string[] {
  return [...sourceOf(file).matchAll(IMPORT)]
    .filter((match) => !typesOnly(match[1]))
    .map((match) => resolveImport(file, match[2] ?? match[3]))
    .filter((target): target is string => target !== null);
}

/**
 * The modules that run in the browser when `entry` renders: the "use client" modules it reaches
 * through server modules, and everything those import. A "use server" module is not among them:
 * the browser gets a reference to its actions, not its code.
 */
export function clientModulesOf(entries: string[]): Set<string> {
  const client = new Set<string>();
  const server = new Set<string>();
  const queue = entries.map((file) => ({ file, browser: isClient(file) }));
  while (queue.length) {
    const { file, browser: inherited } = queue.pop()!;
    if (isServerActions(file)) continue;
    const browser = inherited || isClient(file);
    const seen = browser ? client : server;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const target of imports(file)) queue.push({ file: target, browser });
  }
  return client;
}

/** Every module of the app that runs in the browser. */
export function allClientModules(): Set<string> {
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
  return clientModulesOf(files.filter(isClient));
}

/** The namespaces the given modules read, each with the modules that read it. */
export function namespacesRead(modules: Iterable<string>): Map<string, string[]> {
  const read = new Map<string, string[]>();
  for (const file of modules)
    for (const match of sourceOf(file).matchAll(READS))
      read.set(match[1], [...(read.get(match[1]) ?? []), path.relative(ROOT, file)]);
  return read;
}

const ROUTE_FILE = /\/(layout|page|error|not-found|loading)\.tsx$/;
const PROVIDER = /<ClientMessages\s+namespaces=\{\[([^\]]*)\]\}/g;

/** What one route segment's layout hands its client parts, and what the files it serves read. */
export type SegmentMessages = {
  layout: string;
  declared: string[];
  read: Map<string, string[]>;
};

/**
 * Each layout that renders <ClientMessages>, with the namespaces it names and those read by the
 * client modules of the route files it serves: itself, and every page, layout, error, loading and
 * not-found file at or below its folder that no nearer such layout serves. Next renders a folder's
 * error, loading and not-found boundaries inside that folder's layout.
 */
export function segmentMessages(): SegmentMessages[] {
  const appDir = path.join(ROOT, "app");
  const routeFiles = sourceFiles(appDir).filter((f) => ROUTE_FILE.test(f));
  const providers = new Map<string, SegmentMessages>();
  for (const file of routeFiles) {
    const found = [...sourceOf(file).matchAll(PROVIDER)];
    if (found.length === 0) continue;
    if (!file.endsWith("/layout.tsx") || found.length > 1)
      throw new Error(`${path.relative(ROOT, file)}: only a layout hands over messages, once, around all it renders`);
    const declared = [...found[0][1].matchAll(/["']([A-Za-z]+)["']/g)].map((m) => m[1]);
    providers.set(path.dirname(file), { layout: path.relative(ROOT, file), declared, read: new Map() });
  }
  for (const file of routeFiles) {
    let dir = path.dirname(file);
    // A layout without <ClientMessages> is served by the nearest one above its own folder.
    if (file.endsWith("/layout.tsx") && !providers.has(dir)) dir = path.dirname(dir);
    while (!providers.has(dir) && dir.startsWith(appDir)) dir = path.dirname(dir);
    const provider = providers.get(dir);
    if (!provider) throw new Error(`${path.relative(ROOT, file)} is under no <ClientMessages>`);
    for (const [ns, readers] of namespacesRead(clientModulesOf([file])))
      provider.read.set(ns, [...(provider.read.get(ns) ?? []), ...readers]);
  }
  return [...providers.values()];
}
