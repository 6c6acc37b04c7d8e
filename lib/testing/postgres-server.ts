// A throw-away PostgreSQL server for the tests: Debian's binaries, a fresh cluster in a RAM or temp
// folder, a free port on 127.0.0.1, settings that trade durability for speed, and one template
// database migrated from db/migrations-pg that every test database is copied from.
import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { readTemplateState, type TemplateState } from "./postgres-reset";

const run = promisify(execFile);

/** The database every test database is copied from (CREATE DATABASE … TEMPLATE). */
export const TEMPLATE_DATABASE = "lightgate_template";
const ROLE = "lightgate";
const MIN_VERSION = 15;
const DEBIAN_ROOT = "/usr/lib/postgresql";
const migrationsFolder = path.join(process.cwd(), "db", "migrations-pg");

export type PostgresServer = {
  /** Superuser URL of the server's `postgres` database: for creating databases, not for tests. */
  adminUrl: string;
  version: number;
  /** The cluster's folder (its data, socket and log), removed by stop(). */
  folder: string;
  /** The migrated template's rows, sequences and catalog, which resetToTemplate() restores. */
  template: TemplateState;
  /** The URL of a new, empty, migrated database. */
  createDatabase(): Promise<string>;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
};

/** Raised when no usable PostgreSQL is installed; its stack is its message, so it prints as one line. */
export class PostgresUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PostgresUnavailable";
    this.stack = `${this.name}: ${message}`;
  }
}

/** The bin folder of the newest Debian PostgreSQL ≥ 15 (`/usr/lib/postgresql/<ver>/bin`). */
export function findPostgresBinaries(root = DEBIAN_ROOT): { bin: string; version: number } {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name) && existsSync(path.join(root, name, "bin", "initdb")))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  const version = versions[0];
  if (version === undefined || version < MIN_VERSION) {
    const found = version === undefined ? "none found" : `only ${versions.join(", ")} found`;
    throw new PostgresUnavailable(
      `PostgreSQL ${MIN_VERSION} or later is needed for these tests (${root}/<version>/bin/initdb: ${found}); ` +
        `install it with: apt-get install postgresql`,
    );
  }
  return { bin: path.join(root, String(version), "bin"), version };
}

/**
 * Where the cluster goes: /dev/shm (RAM) when it has room, else the temp folder. On a disk the
 * server's file work dominates the suite (measured on the CI machine's ext4: 0.5–0.8 s per
 * CREATE DATABASE, 0.2–0.4 s per TRUNCATE of every table; on tmpfs about 40 ms each).
 */
export function clusterParent(ram = "/dev/shm", roomNeeded = 2 * 1024 ** 3): string {
  try {
    const { bavail, bsize } = statfsSync(ram);
    if (bavail * bsize >= roomNeeded) return ram;
  } catch {
    // No such folder: not Linux, or a container without it.
  }
  return os.tmpdir();
}

/** Asks the kernel for a free TCP port on 127.0.0.1 (a race with other processes is retried by the caller). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** The server refuses to run as root: then every server binary runs as the `postgres` OS user. */
function asServerUser(): { wrap: (file: string, args: string[]) => [string, string[]]; uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return { wrap: (file, args) => [file, args] };
  const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
  if (!Number.isInteger(uid) || uid <= 0) {
    throw new PostgresUnavailable("running as root, and there is no `postgres` OS user to run the test server as");
  }
  return { wrap: (file, args) => ["runuser", ["-u", "postgres", "--", file, ...args]], uid, gid };
}

function chownTree(folder: string, uid: number, gid: number) {
  chownSync(folder, uid, gid);
  for (const entry of readdirSync(folder, { recursive: true, encoding: "utf8" }))
    chownSync(path.join(folder, entry), uid, gid);
}

function databaseUrl(port: number, password: string, database: string): string {
  return `postgres://${ROLE}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

// One admin connection per process and server: opening one (a backend fork and a SCRAM
// exchange) costs more than the copy itself. Idle, it lets the process exit.
const adminPools = new Map<string, pg.Pool>();
function adminPool(adminUrl: string): pg.Pool {
  let pool = adminPools.get(adminUrl);
  if (!pool) {
    pool = new pg.Pool({ connectionString: adminUrl, max: 1, idleTimeoutMillis: 10_000, allowExitOnIdle: true });
    // The server going away at teardown breaks the idle connection: not an error of any test.
    pool.on("error", () => undefined);
    adminPools.set(adminUrl, pool);
  }
  return pool;
}

async function closeAdminPool(adminUrl: string) {
  const pool = adminPools.get(adminUrl);
  adminPools.delete(adminUrl);
  await pool?.end();
}

/** Copies the migrated template into a new database and returns its URL. Usable from any test worker. */
export async function createDatabase(adminUrl: string): Promise<string> {
  return await createNamedDatabase(adminUrl, `test_${randomBytes(8).toString("hex")}`);
}

/** Copies the migrated template into a new database called `name` and returns its URL. */
export async function createNamedDatabase(adminUrl: string, name: string): Promise<string> {
  await adminPool(adminUrl).query(`CREATE DATABASE "${name}" TEMPLATE "${TEMPLATE_DATABASE}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * The database of this vitest worker slot (VITEST_POOL_ID), for createTestDb() to reset between
 * tests: the one the slot's previous process used, taken over, or else a new copy of the template.
 * The take-over renames it after this process (which needs every connection to it gone), so the
 * previous process, whose exit vitest does not wait for, cannot reach it any more.
 */
export async function claimWorkerDatabase(adminUrl: string): Promise<{ url: string; reused: boolean }> {
  const slot = process.env.VITEST_POOL_ID;
  if (!slot) return { url: await createDatabase(adminUrl), reused: false };
  const prefix = `test_slot${slot}_`;
  const name = `${prefix}${process.pid}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = adminPool(adminUrl);
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where starts_with(datname, $1)",
    [prefix],
  );
  const previous = rows[0]?.datname;
  if (!previous) return { url: await createNamedDatabase(adminUrl, name), reused: false };
  for (let attempt = 1; ; attempt++) {
    await admin.query("select pg_terminate_backend(pid, 10000) from pg_stat_activity where datname = $1", [previous]);
    try {
      await admin.query(`ALTER DATABASE "${previous}" RENAME TO "${name}"`);
      return { url: url.toString(), reused: true };
    } catch (error) {
      // 55006: a connection arrived between the termination and the rename.
      if ((error as { code?: string }).code !== "55006" || attempt >= 20) throw error;
    }
  }
}

/** Drops a test database (its connections must be closed). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await adminPool(adminUrl).query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** `parent`: the folder to make the cluster in; by default RAM when it has room (clusterParent). */
export async function startPostgresServer(options: { parent?: string } = {}): Promise<PostgresServer> {
  const { bin, version } = findPostgresBinaries();
  const user = asServerUser();
  const folder = mkdtempSync(path.join(options.parent ?? clusterParent(), "lightgate-pg-"));
  const dataDir = path.join(folder, "data");
  const logFile = path.join(folder, "server.log");
  const passwordFile = path.join(folder, "password");
  const socketDir = path.join(folder, "socket");
  mkdirSync(socketDir);
  const password = randomBytes(18).toString("base64url");
  writeFileSync(passwordFile, password, { mode: 0o600 });
  if (user.uid !== undefined) chownTree(folder, user.uid, user.gid!);

  const serverTool = (tool: string, args: string[]) => {
    const [file, argv] = user.wrap(path.join(bin, tool), args);
    return run(file, argv, { encoding: "utf8" });
  };
  const logTail = () =>
    existsSync(logFile) ? readFileSync(logFile, "utf8").trim().split("\n").slice(-5).join("\n") : "";
  let running = false;
  // A test run that ends without its teardown (an uncaught error, process.exit) must not leave
  // a server behind: stop it synchronously on the way out.
  const stopOnExit = () => {
    if (!running) return;
    const [file, argv] = user.wrap(path.join(bin, "pg_ctl"), ["stop", "-D", dataDir, "-m", "immediate", "-s"]);
    spawnSync(file, argv);
    rmSync(folder, { recursive: true, force: true });
  };
  let adminUrl = "";
  const stop = async () => {
    process.off("exit", stopOnExit);
    if (adminUrl) await closeAdminPool(adminUrl).catch(() => undefined);
    if (running) {
      running = false;
      // Immediate: the cluster is deleted next, so nothing needs to reach the disk.
      await serverTool("pg_ctl", ["stop", "-D", dataDir, "-m", "immediate", "-s"]).catch(() => undefined);
    }
    rmSync(folder, { recursive: true, force: true });
  };

  try {
    await serverTool("initdb", [
      "-D",
      dataDir,
      "--username",
      ROLE,
      "--pwfile",
      passwordFile,
      "--auth",
      "scram-sha-256",
      "--locale=C",
      "--encoding=UTF8",
      "--no-sync",
      "--no-instructions",
    ]);
    // Test-only settings: a crash loses the cluster anyway, so nothing is flushed to disk.
    appendFileSync(
      path.join(dataDir, "postgresql.conf"),
      [
        "",
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${socketDir}'`,
        "fsync = off",
        "synchronous_commit = off",
        "full_page_writes = off",
        "max_connections = 200",
        // Bounds the WAL kept between checkpoints, which takes RAM when the cluster is on tmpfs.
        "max_wal_size = '256MB'",
        "",
      ].join("\n"),
    );
    // Set before starting: a start that timed out may still have left a server running.
    running = true;
    process.on("exit", stopOnExit);
    const port = await startOnFreePort(serverTool, dataDir, logFile);
    adminUrl = databaseUrl(port, password, "postgres");
    const template = await createTemplate(adminUrl, databaseUrl(port, password, TEMPLATE_DATABASE));
    return { adminUrl, version, folder, template, createDatabase: () => createDatabase(adminUrl), stop };
  } catch (error) {
    const tail = logTail();
    await stop();
    if (error instanceof PostgresUnavailable) throw error;
    const detail = error instanceof Error ? error.message.trim() : String(error);
    throw new Error(`The test PostgreSQL server did not start: ${detail}${tail ? `\nserver log:\n${tail}` : ""}`);
  }
}

type ServerTool = (tool: string, args: string[]) => Promise<unknown>;

/** Starts the server on a free port; another process may take the port between probe and start, so try a few. */
async function startOnFreePort(serverTool: ServerTool, dataDir: string, logFile: string): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      await serverTool("pg_ctl", ["start", "-D", dataDir, "-l", logFile, "-w", "-t", "60", "-s", "-o", `-p ${port}`]);
      return port;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/**
 * Creates the template database, migrates it, reads its state for resets, and closes it to
 * connections so copies never wait on it.
 */
async function createTemplate(adminUrl: string, templateUrl: string): Promise<TemplateState> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
    const pool = new pg.Pool({ connectionString: templateUrl, max: 1 });
    let state: TemplateState;
    try {
      await migrate(drizzle(pool), { migrationsFolder });
      state = await readTemplateState(pool);
    } finally {
      await pool.end();
    }
    await admin.query(`ALTER DATABASE "${TEMPLATE_DATABASE}" WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    return state;
  } finally {
    await admin.end();
  }
}
