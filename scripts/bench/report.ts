// The bench's results: a table per size, the targets of issue 12 with PASS/MISS and their
// figures, and a JSON file per dialect so that a PostgreSQL run can be compared with the last
// SQLite run on the same machine (and the other way round).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Row, Sample } from "./measure";
import type { SeedFigures } from "./seed-portfolio";

export type SizeResult = {
  projects: number;
  seed: { reused: boolean; seconds: number; figures: SeedFigures | null };
  rows: Row[];
  sample: Sample;
};
export type Results = {
  dialect: "sqlite" | "postgres";
  at: string;
  commit: string;
  machine: { cpus: number; memoryGb: number; node: string };
  connections: number;
  seconds: number;
  sizes: SizeResult[];
  frameworkKb: number;
  firstLoadJs: { route: string; gzipKb: number }[];
};

/** `pass` null: not measured in this run (printed as n/a, neither met nor missed). */
export type Target = { name: string; pass: boolean | null; detail: string };

const TARGETS = {
  p95Growth: 1.5,
  writesPerSecond: 200,
  postgresVsSqlite: 0.7,
  rssBytes: 300e6,
  dashboardVsEmptyPage: 0.8,
  ownJsKb: 20,
};
/** Routes that draw diagrams (mermaid, loaded on demand) are exempt from the script budget. */
const DIAGRAM_ROUTES = /integration|schedule/;

const int = (n: number) => Math.round(n).toLocaleString("en");
const row = (size: SizeResult, key: string) => size.rows.find((r) => r.key === key);

export function resultsFile(benchDir: string, dialect: string): string {
  return path.join(benchDir, `results-${dialect}.json`);
}

export function saveResults(benchDir: string, results: Results): void {
  writeFileSync(resultsFile(benchDir, results.dialect), `${JSON.stringify(results, null, 2)}\n`);
}

export function loadResults(benchDir: string, dialect: string): Results | null {
  const file = resultsFile(benchDir, dialect);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Results) : null;
}

export function printSize(size: SizeResult, dialect: string): void {
  const quiet = row(size, "quiet");
  const seed = size.seed.reused ? "seed reused" : `seeded in ${size.seed.seconds.toFixed(0)} s`;
  console.log(
    `\n### ${dialect}, ${int(size.projects)} projects (${seed}; load ` +
      `average ${size.sample.loadAtStart.toFixed(2)} → ${size.sample.loadAtEnd.toFixed(2)}, ` +
      `peak ${size.sample.peakLoad.toFixed(2)})\n`,
  );
  console.log("| route | req/s | p50 ms | p95 ms | p99 ms | errors | kB per response | vs empty page |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of size.rows) {
    const ratio = quiet && !r.write ? (r.rps / quiet.rps).toFixed(2) : "";
    const statuses = r.errors
      ? ` (${Object.entries(r.statuses)
          .map(([s, n]) => `${s}: ${n}`)
          .join(", ")})`
      : "";
    console.log(
      `| ${r.route} | ${int(r.rps)} | ${int(r.p50)} | ${int(r.p95)} | ${int(r.p99)} | ${r.errors}${statuses} ` +
        `| ${(r.bytes / 1000).toFixed(1)} | ${ratio} |`,
    );
  }
  console.log(
    `\nPeak RSS of the largest server process: ${(size.sample.peakRssPerProcess / 1e6).toFixed(0)} MB ` +
      `(${size.sample.processes} process${size.sample.processes === 1 ? "" : "es"})`,
  );
}

export function printFirstLoadJs(results: Results): void {
  console.log(
    `\nThe framework's own root chunks (Next.js and React, on every route): ${results.frameworkKb.toFixed(1)} kB gzip`,
  );
  console.log("\n| route | first-load JS (gzip) | ours over the framework |\n|---|---:|---:|");
  for (const r of results.firstLoadJs)
    console.log(`| ${r.route} | ${r.gzipKb.toFixed(1)} kB | ${(r.gzipKb - results.frameworkKb).toFixed(1)} kB |`);
}

/** The targets of issue 12 point 6, on this run (and on the other dialect's last run, for the 0.7×). */
export function evaluateTargets(results: Results, other: Results | null): Target[] {
  const targets: Target[] = [];
  const sizes = [...results.sizes].sort((a, b) => a.projects - b.projects);
  const small = sizes[0];
  const large = sizes.at(-1)!;
  const a = row(small, "dashboard");
  const b = row(large, "dashboard");
  if (sizes.length > 1 && a && b) {
    const ratio = b.p95 / a.p95;
    targets.push({
      name:
        `dashboard p95 at ${int(large.projects)} projects ≤ ${TARGETS.p95Growth}× its p95 ` +
        `at ${int(small.projects)}`,
      pass: ratio <= TARGETS.p95Growth,
      detail: `${int(b.p95)} ms vs ${int(a.p95)} ms: ${ratio.toFixed(2)}×`,
    });
  }
  for (const size of sizes) {
    for (const w of size.rows.filter((r) => r.write)) {
      targets.push({
        name: `${w.route} ≥ ${TARGETS.writesPerSecond} req/s, 0 errors (${int(size.projects)} projects)`,
        pass: w.rps >= TARGETS.writesPerSecond && w.errors === 0,
        detail: `${int(w.rps)} req/s, ${w.errors} errors`,
      });
    }
  }
  const pgRun = results.dialect === "postgres" ? results : other?.dialect === "postgres" ? other : null;
  const sqliteRun = results.dialect === "sqlite" ? results : other?.dialect === "sqlite" ? other : null;
  for (const size of sizes) {
    const pgSize = pgRun?.sizes.find((s) => s.projects === size.projects);
    const liteSize = sqliteRun?.sizes.find((s) => s.projects === size.projects);
    const name =
      `PostgreSQL dashboard throughput ≥ ${TARGETS.postgresVsSqlite}× SQLite's ` + `(${int(size.projects)} projects)`;
    const pgRps = pgSize && row(pgSize, "dashboard")?.rps;
    const liteRps = liteSize && row(liteSize, "dashboard")?.rps;
    if (!pgRps || !liteRps) {
      targets.push({
        name,
        pass: null,
        detail: "not measured: run the bench on the other dialect with the same BENCH_PROJECTS",
      });
      continue;
    }
    const otherAt = (other ?? results).at;
    targets.push({
      name,
      pass: pgRps >= TARGETS.postgresVsSqlite * liteRps,
      detail: `${int(pgRps)} vs ${int(liteRps)} req/s: ${(pgRps / liteRps).toFixed(2)}× (other run ${otherAt})`,
    });
  }
  const rss = Math.max(...sizes.map((s) => s.sample.peakRssPerProcess));
  targets.push({
    name: `peak RSS per server process ≤ ${TARGETS.rssBytes / 1e6} MB`,
    pass: rss <= TARGETS.rssBytes,
    detail: `${(rss / 1e6).toFixed(0)} MB`,
  });
  for (const size of sizes) {
    const d = row(size, "dashboard");
    const q = row(size, "quiet");
    if (!d || !q) continue;
    targets.push({
      name:
        `dashboard throughput ≥ ${TARGETS.dashboardVsEmptyPage}× the nearly empty signed-in page's ` +
        `(${int(size.projects)} projects)`,
      pass: d.rps >= TARGETS.dashboardVsEmptyPage * q.rps,
      detail: `${int(d.rps)} vs ${int(q.rps)} req/s: ${(d.rps / q.rps).toFixed(2)}×`,
    });
  }
  const routes = results.firstLoadJs.filter((r) => !DIAGRAM_ROUTES.test(r.route));
  const worst = routes.reduce((a, b) => (b.gzipKb > a.gzipKb ? b : a));
  const over = routes.filter((r) => r.gzipKb - results.frameworkKb > TARGETS.ownJsKb);
  targets.push({
    name:
      `our first-load JS ≤ ${TARGETS.ownJsKb} kB over the framework's root chunks ` +
      `(${results.frameworkKb.toFixed(1)} kB) on routes without diagrams`,
    pass: over.length === 0,
    detail: over.length
      ? `over on ${over.map((r) => `${r.route} (+${(r.gzipKb - results.frameworkKb).toFixed(1)} kB)`).join(", ")}`
      : `largest ${worst.route}: +${(worst.gzipKb - results.frameworkKb).toFixed(1)} kB`,
  });
  return targets;
}

export function printTargets(targets: Target[]): void {
  console.log("\nTargets (for the benchmark, not for tests):\n");
  for (const t of targets)
    console.log(`- ${t.pass === null ? "n/a " : t.pass ? "PASS" : "MISS"}  ${t.name}: ${t.detail}`);
}

/** Both dialects side by side, from their last results files: the README's table. */
export function printSideBySide(a: Results | null, b: Results | null): void {
  const runs = [a, b].filter((r): r is Results => Boolean(r));
  if (runs.length < 2) return;
  const sizes = [...new Set(runs.flatMap((r) => r.sizes.map((s) => s.projects)))].sort((x, y) => x - y);
  const columns = sizes.flatMap((n) => runs.map((r) => ({ run: r, n })));
  console.log("\nBoth dialects, from their last runs (req/s · p95 ms):\n");
  const heads = columns.map((c) => `${c.run.dialect === "sqlite" ? "SQLite" : "PostgreSQL"} ${int(c.n)}`);
  console.log(`| route | ${heads.join(" | ")} |`);
  console.log(`|---|${columns.map(() => "---:").join("|")}|`);
  // One line per route, named without its size (the columns say it).
  const routes = new Map<string, string>();
  for (const r of runs.flatMap((run) => run.sizes.flatMap((s) => s.rows)))
    if (!routes.has(r.key)) routes.set(r.key, r.route.replace(/ \(PM, [\d,]+ projects\)$/, " (PM)"));
  for (const [key, route] of routes) {
    const cells = columns.map((c) => {
      const r = c.run.sizes.find((s) => s.projects === c.n)?.rows.find((x) => x.key === key);
      return r ? `${int(r.rps)} · ${int(r.p95)}` : "";
    });
    console.log(`| ${route} | ${cells.join(" | ")} |`);
  }
}
