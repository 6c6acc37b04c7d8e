// `npm run bench`: a benchmark, not a test. For each size in BENCH_PROJECTS (default 1000; e.g.
// "1000,10000" measures both in one run) it seeds a bench database on the dialect DATABASE_URL
// selects (unset: a SQLite file per size under the bench data folder; postgres://…: that
// database, which must be empty or the bench's own), starts the production build, drives
// autocannon against reads and every write path, and prints latency, throughput, errors, peak
// RSS per server process, first-load JavaScript and the targets of issue 12 with PASS/MISS.
// Sizes are decimal (1 kB = 1,000 bytes), as Next.js reports them.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, asc, count, eq, lt } from "drizzle-orm";
import { closeDatabase, first, type Db } from "@/db/client";
import { artifacts, artifactVersions, auditEvents, gates, projects, users } from "@/db/schema";
import { createApiToken } from "@/lib/data/tokens";
import { distDir, ensureBuild, nextBin } from "./build-stamp";
import { commandTarget } from "./database";
import { NotABenchDatabase, postgresSeedStamp, prepareBenchDatabase, seedStamp } from "./bench/bench-database";
import { firstLoadJs, frameworkJs } from "./bench/first-load-js";
import { load, startSampler, type LoadOptions, type Row } from "./bench/measure";
import {
  evaluateTargets,
  loadResults,
  printFirstLoadJs,
  printSideBySide,
  printSize,
  printTargets,
  saveResults,
  type Results,
  type SizeResult,
} from "./bench/report";
import { BENCH_ACCOUNTS, BENCH_PASSWORD, SCOPE_PROJECT_NAME } from "./bench/seed-portfolio";
import { sessionCookie } from "./bench/sign-in";
import { SERVER_NODE_FLAGS } from "./serve";

const PORT = Number(process.env.BENCH_PORT || 3200);
const BASE = `http://localhost:${PORT}`;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const SECONDS = Number(process.env.BENCH_SECONDS || 10);
const benchDir = path.resolve(process.env.BENCH_DATA_DIR || "bench/.data");
const sizes = (process.env.BENCH_PROJECTS || "1000").split(",").map((s) => Number(s.replaceAll("_", "").trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(
    `BENCH_PROJECTS must be a number of projects or a comma-separated list of them (got ` +
      `"${process.env.BENCH_PROJECTS}").`,
  );
  process.exit(2);
}
/** BENCH_ROUTES=dashboard,quiet measures only those routes (to profile one); default: all. */
const ONLY_ROUTES = process.env.BENCH_ROUTES?.split(",").map((k) => k.trim());
const int = (n: number) => n.toLocaleString("en");

/** What the routes are driven with, read back from the seeded database (fresh or reused). */
async function loadPlan(db: Db) {
  const tokenFor = async (email: string) => {
    const user = (await first(db.select().from(users).where(eq(users.email, email))))!;
    return (await createApiToken(db, { actor: { ...user }, ip: null, userAgent: "bench" }, "bench")).token;
  };
  const counted = async (query: PromiseLike<{ n: number }[]>) => (await first(query))?.n ?? 0;
  const figures = {
    projects: await counted(db.select({ n: count() }).from(projects)),
    gates: await counted(db.select({ n: count() }).from(gates)),
    artifactVersions: await counted(db.select({ n: count() }).from(artifactVersions)),
    auditEvents: await counted(db.select({ n: count() }).from(auditEvents)),
  };
  const projectIds = (
    await db.select({ id: projects.id }).from(projects).orderBy(asc(projects.name), asc(projects.id)).limit(200)
  ).map((p) => p.id);
  const scopeProject = (await first(
    db.select({ id: projects.id }).from(projects).where(eq(projects.name, SCOPE_PROJECT_NAME)),
  ))!;
  const inReview = await db
    .select({ projectId: gates.projectId, number: gates.number, gateId: gates.id })
    .from(gates)
    .where(eq(gates.status, "in_review"))
    .limit(2000);
  const reviewArtifacts = await db
    .select({ projectId: artifacts.projectId, id: artifacts.id })
    .from(gates)
    .innerJoin(artifacts, eq(artifacts.gateId, gates.id))
    .where(eq(gates.status, "in_review"))
    .limit(2000);
  const pending = await db
    .select({ projectId: gates.projectId, number: gates.number })
    .from(projects)
    .innerJoin(gates, and(eq(gates.projectId, projects.id), lt(gates.number, projects.currentGate)))
    .where(and(eq(projects.status, "active"), eq(gates.status, "pending")))
    .limit(2000);
  return {
    figures,
    tokens: {
      pm: await tokenFor(BENCH_ACCOUNTS.pm),
      board: await tokenFor(BENCH_ACCOUNTS.board),
      engineer: await tokenFor(BENCH_ACCOUNTS.engineer),
    },
    projectIds,
    scopeProjectId: scopeProject.id,
    votePaths: inReview.map((g) => `/api/v1/projects/${g.projectId}/gates/${g.number}/votes`),
    versionPaths: reviewArtifacts.map((a) => `/api/v1/projects/${a.projectId}/artifacts/${a.id}/versions`),
    planPaths: pending.map((g) => `/api/v1/projects/${g.projectId}/gates/${g.number}`),
  };
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  // The same Node flags as `npm start` (scripts/serve.ts); its own process group, so that every
  // process of the server is stopped with it.
  // BENCH_SERVER_NODE_FLAGS="--cpu-prof --cpu-prof-dir=…" profiles the server alone (written when it stops).
  const extra = process.env.BENCH_SERVER_NODE_FLAGS?.split(" ").filter(Boolean) ?? [];
  return spawn(process.execPath, [...SERVER_NODE_FLAGS, ...extra, nextBin(), "start", "-p", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    env,
    detached: true,
  });
}

async function stopServer(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  if (server.exitCode === null) process.kill(-server.pid!, "SIGTERM");
  await exited;
}

async function waitForHealth(server: ChildProcess) {
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}.`);
    try {
      // Read to the end: an unread body is aborted later, and the server logs "Error: aborted".
      const health = await fetch(`${BASE}/api/health`);
      await health.arrayBuffer();
      if (health.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("The server did not become healthy.");
}

async function measureSize(size: number, target: ReturnType<typeof commandTarget>): Promise<SizeResult> {
  console.log(`\n${int(size)} projects on ${target.dialect === "sqlite" ? "SQLite" : "PostgreSQL"}:`);
  const bench = await prepareBenchDatabase(target, size, benchDir, console.log);
  console.log(
    bench.reused
      ? "  seed reused (its stamp matches this size, schema and seed code)"
      : `  seeded in ${bench.seedSeconds.toFixed(1)} s`,
  );
  const plan = await loadPlan(bench.db);
  await closeDatabase(bench.db);
  console.log(
    `  ${int(plan.figures.projects)} projects, ${int(plan.figures.gates)} ` +
      `gates, ${int(plan.figures.artifactVersions)} artifact versions, ${int(plan.figures.auditEvents)} audit ` +
      `events`,
  );

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LIGHTGATE_DATA_DIR: bench.dataDir,
    LIGHTGATE_MODE: "production",
    AUTH_TRUST_HOST: "true",
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: distDir(),
  };
  if (bench.target.dialect === "postgres") env.DATABASE_URL = bench.target.url;
  else delete env.DATABASE_URL;
  const server = startServer(env);
  try {
    await waitForHealth(server);
    const pm = { cookie: await sessionCookie(BASE, BENCH_ACCOUNTS.pm, BENCH_PASSWORD) };
    const quiet = { cookie: await sessionCookie(BASE, BENCH_ACCOUNTS.quiet, BENCH_PASSWORD) };
    const projectPaths = plan.projectIds.map((id) => `/projects/${id}`);
    const dashboardPaths = ["/dashboard", "/dashboard?page=2", "/dashboard?sort=goLive"];
    // Warm up: the first requests fill caches (compiled statements, the dashboard's memo).
    const warmUp: [string, { cookie: string }][] = [
      ["/notifications", quiet],
      ...dashboardPaths.map((d): [string, { cookie: string }] => [d, pm]),
      [projectPaths[0], pm],
      [`/projects/${plan.scopeProjectId}/roadmap`, pm],
    ];
    for (const [p, headers] of warmUp) {
      for (let k = 0; k < 3; k++) await (await fetch(`${BASE}${p}`, { headers })).arrayBuffer();
    }
    const sampler = startSampler(server.pid!);
    const common = { base: BASE, connections: CONNECTIONS, seconds: SECONDS };
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    const routes: [string, string, Omit<LoadOptions, keyof typeof common>][] = [
      ["health", "GET /api/health (no session, no page)", { paths: ["/api/health"] }],
      ["quiet", "GET /notifications (nearly empty signed-in page)", { paths: ["/notifications"], headers: quiet }],
      ["dashboard", `GET /dashboard (PM, ${int(size)} projects)`, { paths: dashboardPaths, headers: pm }],
      ["project", "GET /projects/{id} (project page)", { paths: projectPaths, headers: pm }],
      [
        "roadmap",
        "GET /projects/{id}/roadmap (2,000 scope items)",
        { paths: [`/projects/${plan.scopeProjectId}/roadmap`], headers: pm },
      ],
      [
        "gates",
        "GET /api/v1/projects/{id}/gates",
        { paths: plan.projectIds.map((id) => `/api/v1/projects/${id}/gates`), headers: bearer(plan.tokens.pm) },
      ],
      [
        "vote",
        "POST …/gates/{n}/votes (write)",
        {
          method: "POST",
          paths: plan.votePaths,
          headers: bearer(plan.tokens.board),
          body: (n) => JSON.stringify({ vote: n % 3 ? "go" : "conditional_go", rationale: `Bench vote ${n}` }),
        },
      ],
      [
        "version",
        "POST …/artifacts/{id}/versions (write)",
        {
          method: "POST",
          paths: plan.versionPaths,
          headers: bearer(plan.tokens.engineer),
          body: (n) => JSON.stringify({ markdown: `# Bench version ${n}\n\nMeasured content.` }),
        },
      ],
      [
        "plan",
        "PATCH …/gates/{n} planned date (write)",
        {
          method: "PATCH",
          paths: plan.planPaths,
          headers: bearer(plan.tokens.pm),
          body: (n) => JSON.stringify({ plannedDate: `2027-03-${String(1 + (n % 28)).padStart(2, "0")}` }),
        },
      ],
    ];
    const rows: Row[] = [];
    for (const [key, route, options] of routes.filter(([key]) => !ONLY_ROUTES || ONLY_ROUTES.includes(key)))
      rows.push(await load(key, route, { ...common, ...options }));
    const sample = sampler.stop();
    const result: SizeResult = {
      projects: size,
      seed: { reused: bench.reused, seconds: bench.seedSeconds, figures: bench.figures },
      rows,
      sample,
    };
    printSize(result, target.dialect === "sqlite" ? "SQLite" : "PostgreSQL");
    return result;
  } finally {
    await stopServer(server);
  }
}

const target = commandTarget();
mkdirSync(benchDir, { recursive: true });
// PostgreSQL keeps one seed at a time: start with the size it already holds, if any.
let order = [...sizes].sort((a, b) => a - b);
try {
  if (target.dialect === "postgres") {
    const held = await postgresSeedStamp(target.url);
    order = [
      ...order.filter((n) => seedStamp("postgres", n) === held),
      ...order.filter((n) => seedStamp("postgres", n) !== held),
    ];
  }
} catch (error) {
  if (error instanceof NotABenchDatabase) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}
console.log(
  `Database: ${target.dialect === "sqlite" ? `SQLite, one file per size in ${benchDir}` : target.display}; ` +
    `sizes ${order.map(int).join(", ")}`,
);
ensureBuild();

const results: Results = {
  dialect: target.dialect,
  at: new Date().toISOString(),
  commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim(),
  machine: { cpus: os.cpus().length, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version },
  connections: CONNECTIONS,
  seconds: SECONDS,
  sizes: [],
  frameworkKb: frameworkJs(distDir()),
  firstLoadJs: firstLoadJs(distDir()).map((r) => ({ route: r.route, gzipKb: r.gzipKb })),
};
for (const size of order) results.sizes.push(await measureSize(size, target));
results.sizes.sort((a, b) => a.projects - b.projects);
// A partial run (BENCH_ROUTES) must not replace the dialect's last full results.
if (!ONLY_ROUTES) saveResults(benchDir, results);

console.log(
  `\nLoad: ${CONNECTIONS} connections, ${SECONDS} s per route, against ${BASE} (production ` +
    `build); ${results.machine.cpus} CPUs, ${results.machine.memoryGb} GB, Node ${results.machine.node}`,
);
printFirstLoadJs(results);
const other = loadResults(benchDir, target.dialect === "sqlite" ? "postgres" : "sqlite");
printTargets(evaluateTargets(results, other));
printSideBySide(loadResults(benchDir, "sqlite"), loadResults(benchDir, "postgres"));
