// Writers on PostgreSQL (db/postgres.ts): a command on one project waits only for commands on the
// same project and for installation-wide writers, and the audit chain stays one unbroken line
// whatever order commands on different projects append in.
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { afterCommit, type Db, execute, rows, transaction } from "@/db/client";
import { recordAudit, verifyAuditChain } from "@/lib/audit";
import { createTestDb } from "@/lib/testing/fixtures";

let db: Db;

beforeEach(async () => {
  db = await createTestDb();
  await execute(db, sql`create table lock_rows (id int primary key, n int not null)`);
  await execute(db, sql`insert into lock_rows values (1, 0), (2, 0)`);
});

/**
 * A transaction that holds its locks until `release()`; `done` says whether it has committed. Its
 * opening, with the locks, travels with its first statement (db/postgres-held.ts): it makes one.
 */
function held(projectId: string | undefined) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started!: () => void;
  const running = new Promise<void>((resolve) => (started = resolve));
  const state = { done: false, release, running, finished: Promise.resolve() };
  state.finished = transaction(
    db,
    async (tx) => {
      await execute(tx, sql`select 1`);
      started();
      await gate;
    },
    projectId,
  ).then(() => void (state.done = true));
  return state;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

function append(tx: Db, projectId: string, n: number) {
  return recordAudit(tx, null, { action: "test.append", objectType: "test", objectId: String(n), projectId });
}

describe("write transactions on PostgreSQL", () => {
  it("run side by side on different projects, one after the other on the same project", async () => {
    const first = held("project-a");
    await first.running;
    const other = held("project-b");
    const same = held("project-a");
    await other.running;
    other.release();
    await other.finished;
    await settle();
    expect(same.done).toBe(false);
    first.release();
    await first.finished;
    same.release();
    await same.finished;
    expect(same.done).toBe(true);
  });

  it("an installation-wide writer waits for a project's command in flight, and new commands wait for it", async () => {
    const command = held("project-a");
    await command.running;
    const wide = held(undefined);
    await settle();
    expect(wide.done).toBe(false);
    command.release();
    await wide.running;
    const next = held("project-b");
    await settle();
    expect(next.done).toBe(false);
    wide.release();
    next.release();
    await Promise.all([wide.finished, next.finished]);
  });

  it("keeps the audit chain one unbroken line under concurrent appends on many projects", async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, n) =>
        transaction(
          db,
          async (tx) => {
            await append(tx, `project-${n % 6}`, n);
            await append(tx, `project-${n % 6}`, n);
          },
          `project-${n % 6}`,
        ),
      ),
    );
    const seqs = await rows<{ seq: number }>(db, sql`select seq from audit_events order by seq`);
    expect(seqs.map((r) => r.seq)).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 48 });
  });

  it("runs again the one PostgreSQL aborts as deadlocked, and forgets what its failed attempt queued", async () => {
    let attempts = 0;
    let committed = 0;
    let meet!: () => void;
    const met = new Promise<void>((resolve) => (meet = resolve));
    let arrived = 0;
    const crossing = (projectId: string, firstRow: number, secondRow: number) =>
      transaction(
        db,
        async (tx) => {
          attempts++;
          afterCommit(() => committed++);
          await execute(tx, sql`update lock_rows set n = n + 1 where id = ${firstRow}`);
          if (++arrived === 2) meet();
          await met;
          await execute(tx, sql`update lock_rows set n = n + 1 where id = ${secondRow}`);
        },
        projectId,
      );
    await Promise.all([crossing("project-a", 1, 2), crossing("project-b", 2, 1)]);
    expect(attempts).toBe(3);
    expect(committed).toBe(2);
    expect(await rows(db, sql`select id, n from lock_rows order by id`)).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it("takes the chain's lock again after a savepoint that appended rolls back", async () => {
    const held = await transaction(
      db,
      async (tx) => {
        await transaction(tx, async (inner) => {
          await append(inner, "project-a", 1);
          throw new Error("undo");
        }).catch(() => undefined);
        await append(tx, "project-a", 2);
        return await rows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from pg_locks
              where locktype = 'advisory' and objid = 7411003 and pid = pg_backend_pid()`,
        );
      },
      "project-a",
    );
    expect(held[0].n).toBe(1);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 1 });
  });
});
