import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, execute, openDatabase, reuseStatements, sqliteClients, transaction, type Db } from "./client";
import { clientOrganizations } from "./schema";

function database() {
  const sqlite = new Database(":memory:");
  reuseStatements(sqlite, 2);
  sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b'), ('c');");
  return sqlite;
}

describe("reuseStatements", () => {
  it("hands out the compiled statement again for the same SQL", () => {
    const sqlite = database();
    expect(sqlite.prepare("select name from t")).toBe(sqlite.prepare("select name from t"));
  });

  it("resets a statement that was switched to raw arrays back to row objects", () => {
    const sqlite = database();
    expect(sqlite.prepare("select name from t where id = ?").raw().get(1)).toEqual(["a"]);
    expect(sqlite.prepare("select name from t where id = ?").get(1)).toEqual({ name: "a" });
    sqlite.prepare("select name from t where id = ?").pluck();
    expect(sqlite.prepare("select name from t where id = ?").get(2)).toEqual({ name: "b" });
  });

  it("never shares a statement that is still being iterated", () => {
    const sqlite = database();
    const names: string[] = [];
    for (const row of sqlite.prepare("select name from t order by id").iterate() as Iterable<{ name: string }>) {
      names.push(
        row.name,
        ...(sqlite.prepare("select name from t order by id").all() as { name: string }[])
          .map((r) => r.name.toUpperCase())
          .slice(0, 1),
      );
    }
    expect(names).toEqual(["a", "A", "b", "A", "c", "A"]);
  });

  it("keeps only the most recently used statements", () => {
    const sqlite = database();
    const first = sqlite.prepare("select 1");
    sqlite.prepare("select 2");
    sqlite.prepare("select 3");
    expect(sqlite.prepare("select 1")).not.toBe(first);
    expect(sqlite.prepare("select 3")).toBe(sqlite.prepare("select 3"));
  });

  it("still prepares statements that write", () => {
    const sqlite = database();
    sqlite.prepare("insert into t (name) values (?)").run("d");
    sqlite.prepare("insert into t (name) values (?)").run("e");
    expect(sqlite.prepare("select count(*) as n from t").get()).toEqual({ n: 5 });
  });
});

describe("transaction()", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "lightgate-tx-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const organization = (name: string) => ({ name, sector: "energy" as const, country: "Germany" });
  const names = async (db: Db) =>
    (
      await db.select({ name: clientOrganizations.name }).from(clientOrganizations).orderBy(clientOrganizations.name)
    ).map((o) => o.name);

  it("commits every statement of the callback, and rolls all of them back when it throws", async () => {
    const db = openDatabase(path.join(dir, "a.db"));
    await transaction(db, async (tx) => {
      await tx.insert(clientOrganizations).values(organization("Kept"));
    });
    await expect(
      transaction(db, async (tx) => {
        await tx.insert(clientOrganizations).values(organization("Rolled back"));
        await Promise.resolve();
        throw new Error("refused halfway");
      }),
    ).rejects.toThrow("refused halfway");
    expect(await names(db)).toEqual(["Kept"]);
    await closeDatabase(db);
  });

  it("never interleaves two concurrent transactions, however often they await", async () => {
    const db = openDatabase(path.join(dir, "b.db"));
    const log: string[] = [];
    const command = (label: string) =>
      transaction(db, async (tx) => {
        log.push(`${label} begin`);
        for (let i = 0; i < 3; i++) {
          await tx.insert(clientOrganizations).values(organization(`${label}${i}`));
          await new Promise((resolve) => setTimeout(resolve, 1));
        }
        log.push(`${label} end`);
      });
    await Promise.all([command("A"), command("B"), command("C")]);
    expect(log).toEqual(["A begin", "A end", "B begin", "B end", "C begin", "C end"]);
    expect(await names(db)).toHaveLength(9);
    await closeDatabase(db);
  });

  it("a failed transaction releases the lock: the next one runs", async () => {
    const db = openDatabase(":memory:");
    const failing = transaction(db, async () => {
      throw new Error("first fails");
    });
    const next = transaction(db, async (tx) => tx.insert(clientOrganizations).values(organization("After")));
    await expect(failing).rejects.toThrow("first fails");
    await next;
    expect(await names(db)).toEqual(["After"]);
  });

  it("a transaction inside a transaction is a savepoint: its failure undoes only its own writes", async () => {
    const db = openDatabase(":memory:");
    await transaction(db, async (tx) => {
      await tx.insert(clientOrganizations).values(organization("Outer"));
      await expect(
        transaction(tx, async (inner) => {
          await inner.insert(clientOrganizations).values(organization("Inner"));
          throw new Error("inner fails");
        }),
      ).rejects.toThrow("inner fails");
    });
    expect(await names(db)).toEqual(["Outer"]);
  });

  it("reads outside a transaction see only committed rows, even while one is open", async () => {
    const db = openDatabase(path.join(dir, "c.db"));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const writing = transaction(db, async (tx) => {
      await tx.insert(clientOrganizations).values(organization("Pending"));
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await names(db)).toEqual([]);
    release();
    await writing;
    expect(await names(db)).toEqual(["Pending"]);
    await closeDatabase(db);
  });

  it("refuses a write outside transaction() on a database file, so nothing bypasses the lock", async () => {
    const db = openDatabase(path.join(dir, "d.db"));
    await expect(db.insert(clientOrganizations).values(organization("Stray"))).rejects.toThrow(/readonly/);
    expect(await names(db)).toEqual([]);
    await closeDatabase(db);
  });
});

describe("transaction(): writers in line share one commit", () => {
  let dir: string;
  let db: Db;
  let sent: string[];
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "lightgate-group-"));
    db = openDatabase(path.join(dir, "group.db"));
    const { writer } = sqliteClients(db);
    writer.exec(
      "create table parent (id integer primary key); create table child (id integer primary key, " +
        "parent integer references parent(id) deferrable initially deferred)",
    );
    const exec = writer.exec.bind(writer);
    sent = [];
    writer.exec = (source: string) => {
      if (!source.startsWith("create")) sent.push(source);
      return exec(source);
    };
  });
  afterEach(async () => {
    await closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  });

  const organization = (name: string) => ({ name, sector: "energy" as const, country: "Germany" });
  const names = async () =>
    (
      await db.select({ name: clientOrganizations.name }).from(clientOrganizations).orderBy(clientOrganizations.name)
    ).map((o) => o.name);
  const commits = () => sent.filter((s) => s === "COMMIT").length;
  /** A writer that records when its transaction() returned, and how many commits had been sent by then. */
  const writer = (name: string, log: string[], fail?: string) =>
    transaction(db, async (tx) => {
      await tx.insert(clientOrganizations).values(organization(name));
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (fail) throw new Error(fail);
    }).then(() => void log.push(`${name} returned after ${commits()} commit(s)`));

  it("commits once for the writers queued together, and returns to none of them before", async () => {
    const log: string[] = [];
    await Promise.all([writer("A", log), writer("B", log), writer("C", log)]);
    expect(sent.filter((s) => !s.includes("lightgate_writer"))).toEqual(["BEGIN IMMEDIATE", "COMMIT"]);
    expect(log).toEqual([
      "A returned after 1 commit(s)",
      "B returned after 1 commit(s)",
      "C returned after 1 commit(s)",
    ]);
    expect(await names()).toEqual(["A", "B", "C"]);
    // A writer alone commits at once.
    await writer("D", log);
    expect(commits()).toBe(2);
    expect(log.at(-1)).toBe("D returned after 2 commit(s)");
  });

  it("rolls back a failing writer's own work only; the others of its group are kept", async () => {
    const log: string[] = [];
    const results = await Promise.allSettled([writer("A", log), writer("B", log, "B is refused"), writer("C", log)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await names()).toEqual(["A", "C"]);
    expect(commits()).toBe(1);
  });

  it("fails every writer of the group when its COMMIT fails, and keeps none of their work", async () => {
    const log: string[] = [];
    const orphan = () =>
      transaction(db, async (tx) => {
        // Checked only at COMMIT: a child whose parent does not exist.
        await execute(tx, sql`insert into child (id, parent) values (1, 42)`);
      });
    const results = await Promise.allSettled([writer("A", log), orphan(), writer("C", log)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(await names()).toEqual([]);
    expect(sent.at(-1)).toBe("ROLLBACK");
    // The next writer starts a transaction of its own.
    await writer("D", log);
    expect(await names()).toEqual(["D"]);
  });

  it("fails the writers before one whose error ended the whole transaction (as a full disk does)", async () => {
    const log: string[] = [];
    const ending = () =>
      transaction(db, async () => {
        sqliteClients(db).writer.exec("ROLLBACK");
        throw new Error("database or disk is full");
      });
    const results = await Promise.allSettled([writer("A", log), ending(), writer("C", log)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "fulfilled"]);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/disk is full/);
    expect(await names()).toEqual(["C"]);
  });

  it("commits a group still open when the database is closed", async () => {
    const log: string[] = [];
    await expect(writer("A", log, "A is refused")).rejects.toThrow("A is refused");
    // A's group, without a writer to wait for it, commits at the end of the loop's turn, or on close.
    await closeDatabase(db);
    expect(sent.at(-1)).toBe("COMMIT");
    db = openDatabase(path.join(dir, "group.db"));
    expect(await names()).toEqual([]);
  });

  it("commits a long line in groups, so that its first writers are not kept waiting for the last", async () => {
    const log: string[] = [];
    await Promise.all(Array.from({ length: 40 }, (_, i) => writer(`W${String(i).padStart(2, "0")}`, log)));
    expect(commits()).toBeGreaterThanOrEqual(3);
    expect(log[0]).toBe("W00 returned after 1 commit(s)");
    expect(await names()).toHaveLength(40);
  });
});
