// `npm run bench`: a benchmark, not a test. Seeds a separate database at portfolio scale, starts
// the production build, drives autocannon against the main routes and prints latency,
// throughput, errors, the server's peak RSS and every route's first-load JavaScript (sizes in
// decimal units: 1 kB = 1,000 bytes and 1 MB = 1,000,000 bytes, as Next.js reports them).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { openDatabase, first } from "@/db/client";
import { createApiToken } from "@/lib/data/tokens";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { distDir, ensureBuild, nextBin } from "./build-stamp";
import { firstLoadJs, frameworkJs } from "./bench/first-load-js";
import { BENCH_ACCOUNTS, BENCH_PASSWORD, seedBenchPortfolio } from "./bench/seed-portfolio";
import { sessionCookie } from "./bench/sign-in";
import { SERVER_NODE_FLAGS } from "./serve";

const PORT = Number(process.env.BENCH_PORT || 3200);
const BASE = `http://localhost:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const DURATION = Number(process.env.BENCH_SECONDS || 10);
const dataDir = path.resolve(process.env.BENCH_DATA_DIR || "bench/.data");

type Row = { route: string; requests: number; rps: number; p50: number; p95: number; p99: number; errors: number };

const ms = (value: number) => value.toFixed(0);

function percentile(sorted: number[], p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function load(name: string, options: { paths: string[]; headers?: Record<string, string>; method?: string; body?: (i: number) => string }): Promise<Row> {
  let i = 0;
  const latencies: number[] = [];
  let errors = 0;
  const instance = autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: DURATION,
    method: options.method ?? "GET",
    headers: { ...(options.body ? { "content-type": "application/json" } : {}), ...options.headers },
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const n = i++;
          return { ...request, path: options.paths[n % options.paths.length], ...(options.body ? { body: options.body(n) } : {}) };
        },
      },
    ],
  });
  instance.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    if (statusCode >= 400) errors++;
  });
  const result = (await instance) as { errors: number; timeouts: number; duration: number };
  latencies.sort((a, b) => a - b);
  return {
    route: name,
    requests: latencies.length,
    rps: latencies.length / (result.duration || DURATION),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + result.errors + result.timeouts,
  };
}

function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

async function waitForHealth() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not become healthy.");
}

// 1. Seed.
rmSync(dataDir, { recursive: true, force: true });
mkdirSync(dataDir, { recursive: true });
process.env.LIGHTGATE_DATA_DIR = dataDir;
const db = openDatabase(path.join(dataDir, "lightgate.db"));
let started = Date.now();
const { projectIds, scopeProjectId } = await seedBenchPortfolio(db);
const counts = db.$client
  .prepare(
    "select (select count(*) from projects) projects, (select count(*) from gates) gates, (select count(*) from artifact_versions) versions, (select count(*) from sprints) sprints, (select count(*) from audit_events) audit, (select count(*) from scope_items) scope",
  )
  .get() as Record<string, number>;
console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
const tokenFor = async (email: string) => {
  const user = (await first(db.select().from(users).where(eq(users.email, email))))!;
  return (await createApiToken(db, { actor: { ...user }, ip: null, userAgent: "bench" }, "bench")).token;
};
const pmToken = await tokenFor(BENCH_ACCOUNTS.pm);
const boardToken = await tokenFor(BENCH_ACCOUNTS.board);
const currentGates = db.$client.prepare("select p.id, p.current_gate as gate from projects p where p.status = 'active'").all() as { id: string; gate: number }[];
db.$client.pragma("wal_checkpoint(TRUNCATE)");
db.$client.close();

// 2. Build (if needed) and start the production server.
ensureBuild();
// The same Node flags as `npm start` (scripts/serve.ts).
const server = spawn(process.execPath, [...SERVER_NODE_FLAGS, nextBin(), "start", "-p", String(PORT)], {
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, LIGHTGATE_DATA_DIR: dataDir, LIGHTGATE_MODE: "production", AUTH_TRUST_HOST: "true", NODE_ENV: "production", NEXT_DIST_DIR: distDir() },
});
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(server.pid!))), 200);
try {
  await waitForHealth();
  const pmCookie = await sessionCookie(BASE, BENCH_ACCOUNTS.pm, BENCH_PASSWORD);
  const projectPaths = projectIds.slice(0, 200).map((id) => `/projects/${id}`);
  // Warm up every route once (first requests compile nothing in production, but fill caches).
  for (const p of ["/api/health", "/dashboard", projectPaths[0]]) await fetch(`${BASE}${p}`, { headers: { cookie: pmCookie } });

  started = Date.now();
  const rows: Row[] = [];
  rows.push(await load("GET /api/health (baseline)", { paths: ["/api/health"] }));
  rows.push(await load("GET /dashboard (PM, 1,000 projects)", { paths: ["/dashboard", "/dashboard?page=2", "/dashboard?sort=goLive"], headers: { cookie: pmCookie } }));
  rows.push(await load("GET /projects/{id} (project page)", { paths: projectPaths, headers: { cookie: pmCookie } }));
  rows.push(await load("GET /projects/{id}/roadmap (2,000 scope items)", { paths: [`/projects/${scopeProjectId}/roadmap`], headers: { cookie: pmCookie } }));
  rows.push(
    await load("GET /api/v1/projects/{id}/gates", {
      paths: projectIds.slice(0, 200).map((id) => `/api/v1/projects/${id}/gates`),
      headers: { authorization: `Bearer ${pmToken}` },
    }),
  );
  rows.push(
    await load("POST /api/v1/projects/{id}/gates/{n}/votes (write)", {
      method: "POST",
      paths: currentGates.map((g) => `/api/v1/projects/${g.id}/gates/${g.gate}/votes`),
      headers: { authorization: `Bearer ${boardToken}` },
      body: (n) => JSON.stringify({ vote: n % 3 ? "go" : "conditional_go", rationale: `Bench vote ${n}` }),
    }),
  );
  const baseline = rows[0].rps;
  console.log(`\nLoad: ${CONNECTIONS} connections, ${DURATION} s per route, against ${BASE} (production build)\n`);
  console.log("| route | req/s | p50 ms | p95 ms | p99 ms | errors | vs baseline |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    console.log(`| ${r.route} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.errors} | ${(r.rps / baseline).toFixed(2)} |`);
  }
  console.log(`\nServer peak RSS: ${(peakRss / 1e6).toFixed(0)} MB`);

  const js = firstLoadJs(distDir());
  console.log(`\nThe framework's own root chunks (Next.js and React, on every route): ${frameworkJs(distDir()).toFixed(1)} kB gzip`);
  console.log("\n| route | first-load JS (gzip) |\n|---|---:|");
  for (const r of js) console.log(`| ${r.route} | ${r.gzipKb.toFixed(1)} kB |`);

  const dashboard = rows[1];
  const writes = rows[5];
  const diagramRoutes = /integration|schedule/;
  const heavy = js.filter((r) => !diagramRoutes.test(r.route) && r.gzipKb > 130);
  console.log("\nTargets (2-core machine):");
  console.log(`- dashboard p95 ≤ 100 ms at ${CONNECTIONS} connections: ${ms(dashboard.p95)} ms ${dashboard.p95 <= 100 ? "✓" : "✗"}`);
  console.log(`- write path ≥ 200 writes/s with no errors: ${writes.rps.toFixed(0)}/s, ${writes.errors} errors ${writes.rps >= 200 && writes.errors === 0 ? "✓" : "✗"}`);
  console.log(`- peak RSS ≤ 300 MB: ${(peakRss / 1e6).toFixed(0)} MB ${peakRss <= 300e6 ? "✓" : "✗"}`);
  console.log(`- first-load JS ≤ 130 kB gzip on routes without diagrams: ${heavy.length ? `✗ over on ${heavy.map((r) => r.route).join(", ")}` : "✓"}`);
} finally {
  clearInterval(sampler);
  server.kill("SIGTERM");
}
if (!existsSync(dataDir)) process.exit(1);
