// Which kinds of page axe has judged in this run, shared by every worker through files, so a page kind
// is analysed once per run instead of on every visit. A kind is what decides what axe sees: the route
// (ids and numbers replaced), the account signed in, the layout band of the window's width, and an
// open dialog or a form showing field errors. Analysing the same kind again (another project's gate
// page for the same account at the same width) costs seconds on a busy machine and finds nothing new.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type Violation = { rule: string; impact: string; help: string; target: string; url: string };

/** What the page says about itself, read in the browser (see `factsOf` in fixtures.ts). */
export type PageFacts = { url: string; width: number; account: string; dialog: string; invalid: boolean };

type Checked = { kind: string; violations: Violation[]; ms: number };

const dir = () => path.resolve(`test-results/axe-ledger-${process.env.E2E_PORT || 3100}`);

/** Clears the ledger: called once before a run (global setup), so every run checks every kind. */
export function startLedger(): void {
  rmSync(dir(), { recursive: true, force: true });
  mkdirSync(dir(), { recursive: true });
}

// The layout bands of the app: Tailwind's breakpoints the app uses (sm, md, lg; no xl or custom
// ones, and one print rule). Widths inside one band get the same layout.
const BANDS: [number, string][] = [
  [1024, "lg"],
  [768, "md"],
  [640, "sm"],
  [0, "narrow"],
];

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * The route of a URL: ids and numbers become placeholders. The query is left out: it filters or
 * sorts what the same page shows (`/projects?q=`, `/dashboard?sort=`), it does not make another page.
 */
export function routeOf(url: string): string {
  return new URL(url).pathname
    .replace(UUID, ":id")
    .split("/")
    .map((part) => (/^\d+$/.test(part) ? ":n" : part))
    .join("/");
}

export function kindOf(facts: PageFacts): string {
  const band = BANDS.find(([min]) => facts.width >= min)![1];
  const state = [facts.dialog && `dialog "${facts.dialog}"`, facts.invalid && "field errors"]
    .filter(Boolean)
    .join(", ");
  return `${routeOf(facts.url)} | ${facts.account} | ${band}${state ? ` | ${state}` : ""}`;
}

const fileOf = (prefix: "checked" | "seen", kind: string) =>
  path.join(dir(), `${prefix}-${createHash("sha1").update(kind).digest("hex").slice(0, 16)}.json`);

// Written whole under another name, then renamed: a reader never sees half a record.
function writeRecord(file: string, record: object) {
  mkdirSync(dir(), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(record));
  renameSync(temporary, file);
}

/** The violations found when this kind was analysed in this run, or undefined if it was not yet. */
export function checkedViolations(kind: string): Violation[] | undefined {
  const file = fileOf("checked", kind);
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, "utf8")) as Checked).violations;
}

export function recordChecked(kind: string, violations: Violation[], ms: number): void {
  writeRecord(fileOf("checked", kind), { kind, violations, ms } satisfies Checked);
}

/** A kind a test reached: the summary names any that no analysis completed for. */
export function recordSeen(kind: string): void {
  const file = fileOf("seen", kind);
  if (!existsSync(file)) writeRecord(file, { kind });
}

export function ledgerSummary(): { checked: Checked[]; unchecked: string[] } {
  if (!existsSync(dir())) return { checked: [], unchecked: [] };
  const read = (prefix: string) =>
    readdirSync(dir())
      .filter((name) => name.startsWith(prefix) && name.endsWith(".json"))
      .map((name) => JSON.parse(readFileSync(path.join(dir(), name), "utf8")) as Checked);
  const checked = read("checked-");
  const done = new Set(checked.map((c) => c.kind));
  const unchecked = read("seen-")
    .map((s) => s.kind)
    .filter((kind) => !done.has(kind))
    .sort();
  return { checked, unchecked };
}
