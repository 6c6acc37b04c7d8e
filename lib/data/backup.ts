// Online backup of the database (`npm run backup -- <file>`) and the check of a copy.
// SQLite's backup API copies a consistent snapshot page by page while the app keeps writing;
// on PostgreSQL, pg_dump reads one consistent snapshot without blocking writers.
import { execFile } from "node:child_process";
import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { count, sql } from "drizzle-orm";
import { openDatabase, type Db, first, closeDatabase, rows } from "@/db/client";
import { auditEvents, projects, users } from "@/db/schema";
import { verifyAuditChain, type ChainVerdict } from "@/lib/audit";

export type BackupCheck = {
  file: string;
  projects: number;
  users: number;
  auditEvents: number;
  chain: ChainVerdict;
};

/** Copies the open database to `file` (a new file; refusing to overwrite one that exists). */
export async function backupDatabase(db: Db, file: string): Promise<{ file: string; pages: number }> {
  const target = path.resolve(file);
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  if (path.resolve(db.$client.name) === target) throw new Error("The backup cannot be the live database itself.");
  mkdirSync(path.dirname(target), { recursive: true });
  const result = await db.$client.backup(target);
  return { file: target, pages: result.totalPages };
}

/** Counts and the audit chain's verdict of an open database; `label` names it in the report. */
export async function checkDatabase(db: Db, label: string): Promise<BackupCheck> {
  const n = async (table: typeof projects | typeof users | typeof auditEvents) =>
    (await first(db.select({ n: count() }).from(table)))?.n ?? 0;
  return {
    file: label,
    projects: await n(projects),
    users: await n(users),
    auditEvents: await n(auditEvents),
    chain: await verifyAuditChain(db),
  };
}

/** Opens a SQLite file as the app would (migrating it), verifies the audit chain, counts, closes. */
export async function checkDatabaseFile(file: string): Promise<BackupCheck> {
  const db = openDatabase(file);
  try {
    return await checkDatabase(db, path.resolve(file));
  } finally {
    await closeDatabase(db);
  }
}

/** A human summary of a chain verdict, naming the first broken event. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok) return `Audit chain verified: ${verdict.events} events, head ${verdict.head}.`;
  return (
    `Audit chain BROKEN at event #${verdict.brokenAt.seq} ` +
    `(id ${verdict.brokenAt.id}): ${verdict.problem}. ${verdict.events} events before it verified.`
  );
}

const run = promisify(execFile);
const DEBIAN_POSTGRES = "/usr/lib/postgresql";

/**
 * A PostgreSQL client program: the newest Debian one (`/usr/lib/postgresql/<version>/bin`), as
 * pg_dump must be at least as new as the server it dumps; otherwise the one on PATH.
 */
export function postgresTool(name: "pg_dump" | "pg_restore", root = DEBIAN_POSTGRES): string {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, "bin", name)))
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  return versions.length > 0 ? path.join(root, String(versions[0]), "bin", name) : name;
}

/**
 * How a client program connects: the URL without its password (a command line is visible to
 * every user of the machine) and the password in PGPASSWORD, where only the child sees it.
 */
export function toolConnection(url: string): { url: string; env: NodeJS.ProcessEnv; password: string } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  const env = { ...process.env };
  if (password) env.PGPASSWORD = password;
  return { url: parsed.toString(), env, password };
}

/** Runs a client program; a failure becomes one line from its own message, never the password. */
async function runTool(file: string, args: string[], env: NodeJS.ProcessEnv, password: string): Promise<string> {
  try {
    const { stdout } = await run(file, args, { env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    const detail =
      e.code === "ENOENT"
        ? "not found (install Debian's postgresql-client)"
        : ((e.stderr ?? "").trim().split("\n").filter(Boolean).pop() ?? e.message);
    const line = `${path.basename(file)}: ${detail}`;
    throw new Error(password ? line.replaceAll(password, "***") : line);
  }
}

/** The tables whose rows a custom-format dump holds (`pg_restore --list`), as schema.table. */
export async function dumpedTables(file: string): Promise<string[]> {
  const list = await runTool(postgresTool("pg_restore"), ["--list", file], process.env, "");
  // Entries read "216; 0 16407 TABLE DATA public audit_events owner".
  return [...list.matchAll(/^\d+; \d+ \d+ TABLE DATA (\S+) (\S+) /gm)].map((m) => `${m[1]}.${m[2]}`);
}

/**
 * Dumps the PostgreSQL database at `url` into `file` (custom format, without owners and grants,
 * so it restores under any role), refusing to overwrite a file. The dump is written beside the
 * target and only linked to its name once `pg_restore --list` shows every table of the live
 * database in it, so a failed backup never leaves a file that looks like one.
 */
export async function dumpPostgres(
  db: Db,
  url: string,
  file: string,
): Promise<{ file: string; bytes: number; tables: number }> {
  const target = path.resolve(file);
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial-${process.pid}`;
  const connection = toolConnection(url);
  try {
    await runTool(
      postgresTool("pg_dump"),
      ["--format=custom", "--no-owner", "--no-privileges", "--file", partial, connection.url],
      connection.env,
      connection.password,
    );
    const dumped = new Set(await dumpedTables(partial));
    const live = await rows<{ name: string }>(
      db,
      sql`select table_schema || '.' || table_name as name from information_schema.tables where table_schema =
          'public' and table_type = 'BASE TABLE'`,
    );
    const missing = live.map((t) => t.name).filter((name) => !dumped.has(name));
    if (!dumped.has("public.audit_events") || missing.length > 0) {
      throw new Error(`The dump lacks the data of ${missing.join(", ") || "public.audit_events"}.`);
    }
    try {
      linkSync(partial, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST")
        throw new Error(`${target} already exists; choose a new file name.`);
      throw error;
    }
    return { file: target, bytes: statSync(target).size, tables: dumped.size };
  } finally {
    rmSync(partial, { force: true });
  }
}
