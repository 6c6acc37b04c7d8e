// `npm run backup` on PostgreSQL and the restore docs/backup.md describes, against the real test
// server of vitest.pg.config.ts: seed through lib/data, dump with the real script, restore into a
// new empty database with pg_restore, and compare.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDatabase } from "@/lib/testing/postgres-server";

const run = promisify(execFile);

// db/schema picks its tables by DATABASE_URL when first imported, so the modules that query are
// imported only once it names PostgreSQL.
type Modules = {
  client: typeof import("@/db/client");
  backup: typeof import("@/lib/data/backup");
  audit: typeof import("@/lib/audit");
  fixtures: typeof import("@/lib/testing/fixtures");
  postgres: typeof import("@/db/postgres");
};
let m: Modules;
let dir: string;
let sourceUrl: string;
let source: Awaited<ReturnType<Modules["client"]["connectDatabase"]>>;
const figures: string[] = [];
const PROJECTS = 20;
const EXTRA_EVENTS = 2_000;

const adminUrl = () => inject("postgresAdminUrl");
const passwordOf = (url: string) => decodeURIComponent(new URL(url).password);

/** Runs scripts/backup.ts as `npm run backup -- <file>` does, with DATABASE_URL set. */
async function backupCommand(databaseUrl: string, file: string) {
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/backup.ts", file], { cwd: process.cwd(), env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A new EMPTY database (from template0, not the migrated test template), as a restore needs. */
async function emptyDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function settingsOf(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const settings = await client.query("select key, value from lightgate_settings order by key");
    const changes = await client.query("select n from lightgate_changes where id = 1");
    return { settings: settings.rows, changes: changes.rows };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "lightgate-pg-backup-"));
  sourceUrl = await createDatabase(adminUrl());
  process.env.DATABASE_URL = sourceUrl;
  m = {
    client: await import("@/db/client"),
    backup: await import("@/lib/data/backup"),
    audit: await import("@/lib/audit"),
    fixtures: await import("@/lib/testing/fixtures"),
    postgres: await import("@/db/postgres"),
  };
  source = await m.client.connectDatabase({ dialect: "postgres", url: sourceUrl, display: "source" });
  const started = Date.now();
  // Through lib/data, as the app writes: projects (with their gates and audit events), then more events.
  // (The demo seed, db/seed/demo.ts, does not run on PostgreSQL yet: lib/data/health.ts groups by one column and
  // selects another.)
  const world = await m.fixtures.makeWorld(source);
  for (let i = 0; i < PROJECTS - 1; i++) await m.fixtures.makeProject(source, world.pm, world.org.id);
  await m.client.transaction(source, async (tx) => {
    for (let i = 0; i < EXTRA_EVENTS; i++) {
      await m.audit.recordAudit(tx, m.fixtures.ctxFor(world.pm), {
        action: "gate.submit",
        objectType: "gate",
        objectId: `g${i}`,
        projectId: world.project.id,
        after: { i },
      });
    }
  });
  // A PostgreSQL-only table (db/migrations-pg/0002) with a row the restore must bring back.
  await m.postgres.sharedSetting(source, "auth_secret", () => "secret-kept-in-the-database");
  figures.push(`seeded in ${Date.now() - started} ms`);
}, 120_000);

afterAll(async () => {
  if (source) await m.client.closeDatabase(source);
  if (dir) rmSync(dir, { recursive: true, force: true });
  console.log(`PostgreSQL backup figures: ${figures.join("; ")}`);
});

describe("npm run backup on PostgreSQL", () => {
  it(
    "dumps with pg_dump, and the dump restores into an empty " + "database with the same counts and an intact chain",
    async () => {
      const before = await m.backup.checkDatabase(source, "source");
      expect(before.projects).toBe(PROJECTS);
      expect(before.auditEvents).toBeGreaterThan(EXTRA_EVENTS);
      expect(before.chain.ok).toBe(true);

      const file = path.join(dir, "backups", "lightgate.dump");
      let started = Date.now();
      const result = await backupCommand(sourceUrl, file);
      const backupMs = Date.now() - started;
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(
        `The live database holds ${before.projects} projects, ${before.users} accounts, ${before.auditEvents} ` +
          `audit events.`,
      );
      expect(result.stdout).toMatch(/Audit chain verified/);
      expect(result.stdout).not.toContain(passwordOf(sourceUrl));
      expect(existsSync(file)).toBe(true);
      // Nothing half-written is left beside it.
      expect(existsSync(`${file}.partial-${process.pid}`)).toBe(false);
      const tables = await m.backup.dumpedTables(file);
      expect(tables).toEqual(
        expect.arrayContaining([
          "public.audit_events",
          "public.projects",
          "public.lightgate_changes",
          "public.lightgate_settings",
          "drizzle.__drizzle_migrations",
        ]),
      );

      // Restore as docs/backup.md says: a new empty database, then pg_restore --no-owner into it.
      const restoredUrl = await emptyDatabase(`restored_${Date.now()}`);
      const connection = m.backup.toolConnection(restoredUrl);
      started = Date.now();
      await run(
        m.backup.postgresTool("pg_restore"),
        ["--no-owner", "--exit-on-error", "--dbname", connection.url, file],
        { env: connection.env },
      );
      const restoreMs = Date.now() - started;

      // Opening it as the app does finds every migration applied already (the journal came along).
      const restored = await m.client.connectDatabase({ dialect: "postgres", url: restoredUrl, display: "restored" });
      try {
        const after = await m.backup.checkDatabase(restored, "restored");
        expect(after).toEqual({ ...before, file: "restored" });
        expect(after.chain).toEqual(before.chain);
      } finally {
        await m.client.closeDatabase(restored);
      }
      expect(await settingsOf(restoredUrl)).toEqual(await settingsOf(sourceUrl));
      figures.push(
        `${before.projects} projects, ${before.auditEvents} audit events: backup command ${backupMs} ms (tsx ` +
          `start included), dump ${statSync(file).size} bytes, pg_restore ${restoreMs} ms`,
      );
    },
    120_000,
  );

  it("refuses to overwrite an existing file and leaves it as it was", async () => {
    const file = path.join(dir, "existing.dump");
    writeFileSync(file, "an older backup");
    const result = await backupCommand(sourceUrl, file);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`Backup failed: ${file} already exists; choose a new file name.`);
    expect(readFileSync(file, "utf8")).toBe("an older backup");
  }, 60_000);

  const badUrls = [
    {
      name: "not a PostgreSQL URL",
      url: "mysql://lightgate:hunter2-secret@localhost/lightgate",
      says: /DATABASE_URL must start with postgres:\/\//,
    },
    {
      name: "no database named",
      url: "postgres://lightgate:hunter2-secret@127.0.0.1:5432",
      says: /DATABASE_URL names no database/,
    },
    {
      name: "no server listening",
      url: "postgres://lightgate:hunter2-secret@127.0.0.1:1/lightgate",
      says: /Cannot connect to PostgreSQL at postgres:\/\/lightgate:\*\*\*@127\.0\.0\.1:1\/lightgate/,
    },
  ];
  it.each(badUrls)(
    "a bad DATABASE_URL ($name) stops with one line, no password and no file",
    async ({ url, says }) => {
      const file = path.join(dir, `bad-${Date.now()}.dump`);
      const result = await backupCommand(url, file);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      const lines = result.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Backup failed: /);
      expect(lines[0]).toMatch(says);
      expect(result.stderr).not.toContain("hunter2-secret");
      expect(existsSync(file)).toBe(false);
    },
    60_000,
  );
});
