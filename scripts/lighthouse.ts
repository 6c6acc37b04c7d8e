// `npm run lighthouse`: page quality, not a test. Seeds the demo data in a separate folder, builds
// if needed, starts the production server, signs in as the demo PM and runs Lighthouse (mobile
// profile: its defaults, a mid-range phone on slow 4G with 4× CPU slowdown) on the dashboard, the
// demo project's overview, a gate page, the roadmap and the portfolio timeline, LIGHTHOUSE_RUNS
// times each (default 3). Prints the median performance and accessibility scores and metrics and
// the script bytes; the median run's full report is kept as JSON in .lighthouse/ to read what an
// audit points at. LIGHTHOUSE_PAGES=gate,roadmap measures only those; "notifications" (a nearly
// empty page: the framework's own cost) can be named too. Targets: performance ≥ 95, accessibility 100.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { type Result as Report } from "lighthouse";
import { DEMO_PASSWORD } from "@/lib/env";
import { distDir, ensureBuild, nextBin } from "./build-stamp";
import { sessionCookie } from "./bench/sign-in";
import { prepareData } from "./prepare-data";
import { SERVER_NODE_FLAGS } from "./serve";

const PORT = Number(process.env.LIGHTHOUSE_PORT || 3300);
// Scores of one run vary with the machine's load; the median of a few runs is what gets reported.
const RUNS = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS || 3));
// A comma-separated subset of the page names below, to re-measure one page while working on it.
const ONLY = process.env.LIGHTHOUSE_PAGES?.split(",")
  .map((s) => s.trim())
  .filter(Boolean);
const BASE = `http://localhost:${PORT}`;
const outDir = path.resolve(".lighthouse");
const dataDir = path.join(outDir, "data");
const chromePath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ||
  process.env.CHROME_PATH ||
  (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// The flags of playwright.config.ts: Debian's Chromium as root, in a container, without a GPU.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

async function waitForHealth() {
  for (let attempt = 0; attempt < 240; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not become healthy.");
}

type Run = {
  lhr: Report;
  performance: number;
  accessibility: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
  scriptBytes: number;
  /** Lighthouse's own CPU benchmark of this machine while the page ran (about 1,000 on a mid-range laptop). */
  benchmarkIndex: number;
};

function summarize(lhr: Report): Run {
  const score = (key: string) => Math.round((lhr.categories[key]?.score ?? 0) * 100);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? 0;
  const resources =
    (
      lhr.audits["resource-summary"]?.details as
        { items?: { resourceType: string; transferSize: number }[] } | undefined
    )?.items ?? [];
  return {
    lhr,
    performance: score("performance"),
    accessibility: score("accessibility"),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: Math.round(value("total-blocking-time")),
    cls: Math.round(value("cumulative-layout-shift") * 1000) / 1000,
    scriptBytes: resources.find((r) => r.resourceType === "script")?.transferSize ?? 0,
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 1000) / 1000;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function demoPaths(cookie: string): Promise<{ name: string; path: string }[]> {
  const response = await fetch(`${BASE}/api/v1/projects?q=${encodeURIComponent("Nordlicht residential billing MVP")}`, {
    headers: { cookie },
  });
  const body = (await response.json()) as { items: { id: string; currentGate: number }[] };
  const project = body.items[0];
  if (!project) throw new Error("The demo project was not found.");
  const all = [
    { name: "dashboard", path: "/dashboard" },
    { name: "project", path: `/projects/${project.id}` },
    { name: "gate", path: `/projects/${project.id}/gates/${project.currentGate}` },
    { name: "roadmap", path: `/projects/${project.id}/roadmap` },
    { name: "timeline", path: "/timeline" },
  ];
  const floor = { name: "notifications", path: "/notifications" };
  if (ONLY) return [...all, floor].filter((p) => ONLY.includes(p.name));
  return all;
}

// Lighthouse sometimes fails to record a page's trace (NO_NAVSTART, NO_FCP under a burst of load):
// that is a failed measurement, not a property of the page, so it is taken again, at most twice.
const RETRIED = new Set(["NO_NAVSTART", "NO_FCP", "NO_TRACING_STARTED", "NO_LCP"]);

async function measure(port: number, pagePath: string, cookie: string): Promise<Report> {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(`${BASE}${pagePath}`, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      // The session cookie of the demo PM rides on every request of the page.
      extraHeaders: { cookie },
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${pagePath}`);
    const { lhr } = result;
    if (!lhr.runtimeError) return lhr;
    if (attempt >= 3 || !RETRIED.has(lhr.runtimeError.code))
      throw new Error(`${pagePath}: ${lhr.runtimeError.message}`);
    console.log(`  ${pagePath}: ${lhr.runtimeError.code}, measuring again`);
  }
}

// 1. Demo data in its own folder, and the production build.
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
process.env.LIGHTGATE_DATA_DIR = dataDir;
process.env.LIGHTGATE_MODE = "demo";
await prepareData({ demo: true });
ensureBuild();

// 2. The server, as `npm start` runs it.
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, nextBin(), "start", "-p", String(PORT)], {
  stdio: ["ignore", "ignore", "inherit"],
  env: {
    ...process.env,
    AUTH_TRUST_HOST: "true",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir(),
  },
});
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await waitForHealth();
  const cookie = await sessionCookie(BASE, "pm@demo.test", DEMO_PASSWORD);
  const pages = await demoPaths(cookie);
  // Warm the server's caches once per page, as a user's second visit would find them.
  for (const p of pages) await fetch(`${BASE}${p.path}`, { headers: { cookie } });

  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  // Rounds go page by page in turn, so a burst of load on a shared machine hits one run of each page rather than every
  // run of one.
  const runs = new Map<string, Run[]>(pages.map((p) => [p.name, []]));
  for (let round = 1; round <= RUNS; round++) {
    for (const p of pages) {
      const lhr = await measure(chrome.port, p.path, cookie);
      if (new URL(lhr.finalDisplayedUrl).pathname !== p.path)
        throw new Error(`${p.path} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
      const run = summarize(lhr);
      runs.get(p.name)!.push(run);
      console.log(
        `  round ${round}/${RUNS} · ${p.name}: performance ${run.performance}, TBT ${run.tbt} ms, ` +
          `benchmark index ${run.benchmarkIndex}`,
      );
    }
  }
  const rows = pages.map((p) => {
    const list = runs.get(p.name)!;
    // The report kept is the run with the median performance score: what its audits say is typical.
    const typical = [...list].sort((a, b) => a.performance - b.performance)[Math.floor((list.length - 1) / 2)];
    writeFileSync(path.join(outDir, `${p.name}.json`), JSON.stringify(typical.lhr, null, 1));
    for (const category of ["performance", "accessibility"]) {
      const failing = typical.lhr.categories[category].auditRefs
        .map((ref) => typical.lhr.audits[ref.id])
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 0.9 &&
            a.scoreDisplayMode !== "informative" &&
            a.scoreDisplayMode !== "notApplicable" &&
            a.scoreDisplayMode !== "manual",
        );
      for (const a of failing)
        console.log(`  ${p.name} · ${category}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    }
    return {
      page: `${p.name} (${p.path.replace(/[0-9a-f-]{36}/, "{id}")})`,
      performance: median(list.map((r) => r.performance)),
      range:
        list.length > 1
          ? `${Math.min(...list.map((r) => r.performance))}–${Math.max(...list.map((r) => r.performance))}`
          : "",
      accessibility: median(list.map((r) => r.accessibility)),
      fcp: seconds(median(list.map((r) => r.fcp))),
      lcp: seconds(median(list.map((r) => r.lcp))),
      tbt: `${median(list.map((r) => r.tbt)).toLocaleString("en")} ms`,
      cls: String(median(list.map((r) => r.cls))),
      js: `${(typical.scriptBytes / 1000).toFixed(1)} kB`,
    };
  });
  console.log(
    `\nMedian of ${RUNS} run${RUNS === 1 ? "" : "s"} per page (JS: script bytes transferred, compressed, by ` +
      `the median run). Lighthouse's benchmark index of this machine: median ` +
      `${median([...runs.values()].flat().map((r) => r.benchmarkIndex))} (scores fall on a slower or busier machine).`,
  );
  console.log(
    "\n| page | performance | (runs) | accessibility | FCP | LCP | TBT | CLS | JS " +
      "|\n|---|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of rows)
    console.log(
      `| ${r.page} | ${r.performance} | ${r.range} | ${r.accessibility} | ${r.fcp} | ${r.lcp} | ${r.tbt} ` +
        `| ${r.cls} | ${r.js} |`,
    );
  console.log(`\nFull reports: ${outDir}/<page>.json (open one in the Lighthouse viewer to read every audit).`);
} finally {
  chrome?.kill();
  server.kill("SIGTERM");
}
