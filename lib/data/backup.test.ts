import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db, transaction, closeDatabase, sqliteClients } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { backupDatabase, checkDatabaseFile, postgresTool, toolConnection } from "@/lib/data/backup";
import { ctxFor, makeWorld } from "@/lib/testing/fixtures";

const run = promisify(execFile);
let dir: string;
let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "lightgate-backup-"));
  db = openDatabase(path.join(dir, "lightgate.db"));
  world = await makeWorld(db);
  await transaction(db, async (tx) => {
    for (let i = 0; i < 20; i++) {
      await recordAudit(tx, ctxFor(world.pm), {
        action: "gate.submit",
        objectType: "gate",
        objectId: `g${i}`,
        projectId: world.project.id,
        after: { i },
      });
    }
  });
});

afterEach(async () => {
  await closeDatabase(db);
  rmSync(dir, { recursive: true, force: true });
});

/** Runs an npm script's entry point the way `npm run` does, against the database at `file`. */
async function cli(script: string, file: string, args: string[] = []) {
  try {
    const { stdout } = await run("npx", ["tsx", `scripts/${script}.ts`, ...args], {
      cwd: process.cwd(),
      env: { ...process.env, LIGHTGATE_DATABASE: file, DATABASE_URL: "" },
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: `${e.stdout}${e.stderr}` };
  }
}

describe("backup and restore", () => {
  it("a backup taken while the database is open restores, migrates and verifies", async () => {
    const backup = path.join(dir, "backups", "copy.db");
    const result = await backupDatabase(db, backup);
    expect(result.pages).toBeGreaterThan(0);
    // The live database keeps working after the backup.
    await transaction(db, (tx) =>
      recordAudit(tx, ctxFor(world.pm), {
        action: "gate.submit",
        objectType: "gate",
        objectId: "after",
        projectId: world.project.id,
      }),
    );
    await closeDatabase(db);

    // Restore as docs/backup.md says: copy the backup over the database file (no -wal/-shm left).
    const restored = path.join(dir, "restored", "lightgate.db");
    mkdirSync(path.dirname(restored), { recursive: true });
    copyFileSync(backup, restored);
    expect(existsSync(`${restored}-wal`)).toBe(false);
    const check = await checkDatabaseFile(restored);
    expect(check).toMatchObject({ projects: 1, users: 10, chain: { ok: true } });
    // The copy holds what was committed before the backup, not what came after.
    expect(check.auditEvents).toBe(21);
  });

  it("refuses to overwrite an existing file", async () => {
    await expect(backupDatabase(db, path.join(dir, "lightgate.db"))).rejects.toThrow(/already exists/);
  });
});

describe("npm scripts", () => {
  it("audit:verify exits 0 on an intact chain and 1 naming the first broken event of a tampered file", async () => {
    const file = path.join(dir, "lightgate.db");
    const intact = await cli("audit-verify", file);
    expect(intact.code).toBe(0);
    expect(intact.output).toMatch(/Audit chain verified: 21 events/);

    const target = db.$client.prepare("select seq, id from audit_events where object_id = 'g7'").get() as {
      seq: number;
      id: string;
    };
    sqliteClients(db)
      .writer.prepare("update audit_events set actor_email = 'someone@else.test' where seq = ?")
      .run(target.seq);
    await closeDatabase(db);
    const tampered = await cli("audit-verify", file);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain(`BROKEN at event #${target.seq} (id ${target.id})`);
  }, 60_000);

  it("backup writes a verified copy and reports it", async () => {
    await closeDatabase(db);
    const target = path.join(dir, "out.db");
    const result = await cli("backup", path.join(dir, "lightgate.db"), [target]);
    expect(result.code).toBe(0);
    expect(result.output).toMatch(/Contains 1 projects, 10 accounts, 21 audit events/);
    expect(result.output).toMatch(/Audit chain verified/);
    expect((await checkDatabaseFile(target)).chain.ok).toBe(true);
  }, 60_000);

  it("backup refuses an existing target with exit 2 and one line", async () => {
    await closeDatabase(db);
    const target = path.join(dir, "taken.db");
    writeFileSync(target, "older backup");
    const result = await cli("backup", path.join(dir, "lightgate.db"), [target]);
    expect(result.code).toBe(2);
    expect(result.output.trim()).toBe(`Backup failed: ${target} already exists; choose a new file name.`);
  }, 60_000);
});

describe("PostgreSQL client programs", () => {
  const cases: { name: string; installed: string[]; found: string }[] = [
    { name: "none in the Debian folder: the one on PATH", installed: [], found: "pg_dump" },
    { name: "one version", installed: ["15"], found: "15/bin/pg_dump" },
    // pg_dump refuses a server newer than itself, so the newest wins (numerically, not as text).
    { name: "several: the newest", installed: ["9", "15", "17"], found: "17/bin/pg_dump" },
  ];
  it.each(cases)("$name", ({ installed, found }) => {
    const root = mkdtempSync(path.join(tmpdir(), "lightgate-pg-bin-"));
    try {
      for (const version of installed) {
        mkdirSync(path.join(root, version, "bin"), { recursive: true });
        writeFileSync(path.join(root, version, "bin", "pg_dump"), "");
      }
      // A version folder with the server only (no client program) is skipped.
      mkdirSync(path.join(root, "18", "bin"), { recursive: true });
      expect(postgresTool("pg_dump", root)).toBe(found === "pg_dump" ? found : path.join(root, found));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  const urls: { name: string; url: string; argv: string; password?: string }[] = [
    {
      name: "the password leaves the URL for PGPASSWORD",
      url: "postgres://app:s3cret@db.internal:5432/lightgate",
      argv: "postgres://app@db.internal:5432/lightgate",
      password: "s3cret",
    },
    {
      name: "a percent-encoded password is decoded",
      url: "postgres://app:p%40ss%2Fw%3Ard@db:5432/lightgate?sslmode=require",
      argv: "postgres://app@db:5432/lightgate?sslmode=require",
      password: "p@ss/w:rd",
    },
    {
      name: "no password: PGPASSWORD stays as it was",
      url: "postgresql://app@db/lightgate",
      argv: "postgresql://app@db/lightgate",
    },
  ];
  it.each(urls)("$name", ({ url, argv, password }) => {
    const connection = toolConnection(url);
    expect(connection.url).toBe(argv);
    expect(connection.env.PGPASSWORD).toBe(password ?? process.env.PGPASSWORD);
    expect(connection.password).toBe(password ?? "");
  });
});
