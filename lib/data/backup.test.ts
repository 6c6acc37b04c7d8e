import { execFile } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type Db, transaction, closeDatabase, sqliteClients } from "@/db/client";
import { recordAudit } from "@/lib/audit";
import { backupDatabase, checkDatabaseFile } from "@/lib/data/backup";
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
      await recordAudit(tx, ctxFor(world.pm), { action: "gate.submit", objectType: "gate", objectId: `g${i}`, projectId: world.project.id, after: { i } });
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
      env: { ...process.env, LIGHTGATE_DATABASE: file },
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
    await transaction(db, (tx) => recordAudit(tx, ctxFor(world.pm), { action: "gate.submit", objectType: "gate", objectId: "after", projectId: world.project.id }));
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

    const target = db.$client.prepare("select seq, id from audit_events where object_id = 'g7'").get() as { seq: number; id: string };
    sqliteClients(db).writer.prepare("update audit_events set actor_email = 'someone@else.test' where seq = ?").run(target.seq);
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
});
