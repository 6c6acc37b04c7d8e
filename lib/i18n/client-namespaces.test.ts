// The browser gets only CLIENT_NAMESPACES (app/layout.tsx). This derives what client code reads —
// every "use client" module and, transitively, every module of the app it imports (those run in the
// browser too) — and compares: a namespace read in the browser but not handed over would show raw
// keys after hydration; one handed over but never read is weight for nothing.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "./client-namespaces";
import { loadMessages } from "@/messages/catalogue";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE_DIRS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
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

/**
 * Every module that runs in the browser: the "use client" ones and what they import, transitively.
 * A "use server" module is not among them: the browser gets a reference to its actions, not its code.
 */
function clientModules(): Set<string> {
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const queue = files.filter((f) => /^\s*["']use client["']/.test(readFileSync(f, "utf8")));
  const seen = new Set<string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, "utf8");
    if (/^\s*["']use server["']/.test(source)) continue;
    seen.add(file);
    for (const match of source.matchAll(IMPORT)) {
      if (typesOnly(match[1])) continue;
      const target = resolveImport(file, match[2] ?? match[3]);
      if (target && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

describe("the namespaces handed to the browser", () => {
  const modules = clientModules();
  const read = new Map<string, string[]>();
  for (const file of modules)
    for (const match of readFileSync(file, "utf8").matchAll(READS))
      read.set(match[1], [...(read.get(match[1]) ?? []), path.relative(ROOT, file)]);

  it("finds client modules to check (the scan works)", () => {
    expect(modules.size).toBeGreaterThan(50);
    expect([...modules].some((f) => f.endsWith(path.join("components", "shell", "main-nav.tsx")))).toBe(true);
  });

  it("never pull the data layer, the database or the catalogue loader into the browser", () => {
    const server = [...modules]
      .map((f) => path.relative(ROOT, f))
      // db/enums.ts is plain constants (the enum values), shared by forms and schema alike.
      .filter((f) => /^(lib\/data|db)\//.test(f) || ["lib/errors.ts", "messages/catalogue.ts"].includes(f))
      .filter((f) => f !== "db/enums.ts");
    expect(server).toEqual([]);
  });

  it("include every namespace a client module reads", () => {
    const missing = [...read.keys()].filter((ns) => !(CLIENT_NAMESPACES as readonly string[]).includes(ns));
    expect(missing.map((ns) => `${ns} (read by ${read.get(ns)!.join(", ")})`)).toEqual([]);
  });

  it("are read only through useTranslations with a literal namespace in client modules", () => {
    const other = [...modules].filter((f) =>
      /useMessages\(|useTranslations\(\s*\)|useTranslations\(\s*[^"'\s)]|createTranslator\(/.test(
        readFileSync(f, "utf8"),
      ),
    );
    expect(other.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("include no namespace that no client module reads", () => {
    expect(CLIENT_NAMESPACES.filter((ns) => !read.has(ns))).toEqual([]);
  });

  it("are a real part of every language's catalogue, far smaller than the whole", async () => {
    for (const locale of ["en", "es", "pl"] as const) {
      const messages = await loadMessages(locale);
      const picked = clientMessages(messages);
      expect(Object.keys(picked).sort()).toEqual([...CLIENT_NAMESPACES].sort());
      for (const ns of CLIENT_NAMESPACES) expect(picked[ns]).toBe(messages[ns]);
      expect(JSON.stringify(picked).length).toBeLessThan(JSON.stringify(messages).length / 2);
    }
  });
});
