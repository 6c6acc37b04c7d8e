// `npm run lighthouse`: page quality, not a test. Seeds the demo data in a separate folder, builds
// if needed, starts the production server, signs in as the demo PM and runs Lighthouse (mobile
// profile: its defaults, a mid-range phone on slow 4G with 4× CPU slowdown) on the dashboard, a
// gate page, the roadmap and the portfolio timeline. Prints the performance and accessibility
// scores and the main metrics; each full report is kept as JSON in .lighthouse/ to read what an
// audit points at. Targets: performance ≥ 95, accessibility 100.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_PASSWORD } from "@/lib/env";
import { distDir, ensureBuild, nextBin } from "./build-stamp";
import { sessionCookie } from "./bench/sign-in";
import { prepareData } from "./prepare-data";
import { SERVER_NODE_FLAGS } from "./serve";

const PORT = Number(process.env.LIGHTHOUSE_PORT || 3300);
const BASE = `http://localhost:${PORT}`;
const outDir = path.resolve(".lighthouse");
const dataDir = path.join(outDir, "data");
const chromePath = process.env.PLAYWRIGHT_CHROMIUM_PATH || process.env.CHROME_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
// The flags of playwright.config.ts: Debian's Chromium as root, in a container, without a GPU.
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

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

async function demoPaths(cookie: string): Promise<{ name: string; path: string }[]> {
  const response = await fetch(`${BASE}/api/v1/projects?q=${encodeURIComponent("Nordlicht residential billing MVP")}`, { headers: { cookie } });
  const body = (await response.json()) as { items: { id: string; currentGate: number }[] };
  const project = body.items[0];
  if (!project) throw new Error("The demo project was not found.");
  return [
    { name: "dashboard", path: "/dashboard" },
    { name: "gate", path: `/projects/${project.id}/gates/${project.currentGate}` },
    { name: "roadmap", path: `/projects/${project.id}/roadmap` },
    { name: "timeline", path: "/timeline" },
  ];
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
  env: { ...process.env, AUTH_TRUST_HOST: "true", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NEXT_DIST_DIR: distDir() },
});
let chrome: chromeLauncher.LaunchedChrome | undefined;
try {
  await waitForHealth();
  const cookie = await sessionCookie(BASE, "pm@demo.test", DEMO_PASSWORD);
  const pages = await demoPaths(cookie);
  // Warm the server's caches once per page, as a user's second visit would find them.
  for (const p of pages) await fetch(`${BASE}${p.path}`, { headers: { cookie } });

  chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS });
  const rows: { page: string; performance: number; accessibility: number; fcp: string; lcp: string; tbt: string; cls: string }[] = [];
  for (const p of pages) {
    const result = await lighthouse(`${BASE}${p.path}`, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      // The session cookie of the demo PM rides on every request of the page.
      extraHeaders: { cookie },
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${p.path}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`${p.path}: ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== p.path) throw new Error(`${p.path} ended on ${lhr.finalDisplayedUrl} (not signed in?)`);
    writeFileSync(path.join(outDir, `${p.name}.json`), JSON.stringify(lhr, null, 1));
    const score = (key: string) => Math.round((lhr.categories[key]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? "—";
    rows.push({ page: `${p.name} (${p.path.replace(/[0-9a-f-]{36}/, "{id}")})`, performance: score("performance"), accessibility: score("accessibility"), fcp: metric("first-contentful-paint"), lcp: metric("largest-contentful-paint"), tbt: metric("total-blocking-time"), cls: metric("cumulative-layout-shift") });
    for (const category of ["performance", "accessibility"]) {
      const failing = lhr.categories[category].auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable" && a.scoreDisplayMode !== "manual");
      for (const a of failing) console.log(`  ${p.name} · ${category}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
    }
  }
  console.log("\n| page | performance | accessibility | FCP | LCP | TBT | CLS |\n|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.page} | ${r.performance} | ${r.accessibility} | ${r.fcp} | ${r.lcp} | ${r.tbt} | ${r.cls} |`);
  console.log(`\nFull reports: ${outDir}/<page>.json (open one in the Lighthouse viewer to read every audit).`);
} finally {
  chrome?.kill();
  server.kill("SIGTERM");
}
