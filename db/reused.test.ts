// Queries built once (db/reused.ts), on both dialects (vitest.pg.config.ts runs this file again on
// PostgreSQL): the same answers as the builder's, on the connection they are given, built once.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { closeDatabase, type Db, first, openDatabase, rows, transaction } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDb, makeUser } from "@/lib/testing/fixtures";
import { type Placeholders, reusedQuery } from "./reused";
import { databaseDialect } from "./url";

let db: Db;
let builds = 0;

const byEmail = reusedQuery((db, p: Placeholders<"email">) => {
  builds++;
  return db.select().from(users).where(eq(users.email, p.email));
});

const staffNamed = reusedQuery((db, p: Placeholders<"role" | "name">) =>
  db
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, p.role), eq(users.name, p.name)))
    .orderBy(asc(users.email)),
);

beforeEach(async () => {
  db = await createTestDb();
  await makeUser(db, "staff", null, "ada@example.test");
  await makeUser(db, "staff", null, "o'brien@example.test");
});

describe("a reused query", () => {
  it("answers what the builder answers, for each set of values", async () => {
    const built = await db.select().from(users).where(eq(users.email, "ada@example.test"));
    expect(await byEmail(db, { email: "ada@example.test" })).toEqual(built);
    const [obrien] = await byEmail(db, { email: "o'brien@example.test" });
    expect(obrien.email).toBe("o'brien@example.test");
    expect(await byEmail(db, { email: "nobody@example.test" })).toEqual([]);
  });

  it("is built once, however many times and on however many connections it runs", async () => {
    await byEmail(db, { email: "ada@example.test" });
    const before = builds;
    await byEmail(db, { email: "ada@example.test" });
    await transaction(db, async (tx) => void (await byEmail(tx, { email: "ada@example.test" })));
    await Promise.all([byEmail(db, { email: "a" }), byEmail(db, { email: "b" })]);
    expect(builds).toBe(before);
  });

  it("runs inside the transaction it is given: it sees the transaction's own rows, others do not", async () => {
    await transaction(db, async (tx) => {
      await tx.update(users).set({ name: "Ada in the transaction" }).where(eq(users.email, "ada@example.test"));
      const [inside] = await byEmail(tx, { email: "ada@example.test" });
      expect(inside.name).toBe("Ada in the transaction");
      if (databaseDialect() === "postgres") {
        // Another connection does not see the uncommitted change.
        const [outside] = await byEmail(db, { email: "ada@example.test" });
        expect(outside.name).not.toBe("Ada in the transaction");
      }
    });
    expect((await byEmail(db, { email: "ada@example.test" }))[0].name).toBe("Ada in the transaction");
  });

  it("takes several values, each where its placeholder is, and orders as built", async () => {
    await db.update(users).set({ name: "Same" }).where(eq(users.role, "staff"));
    const rows = await staffNamed(db, { role: "staff", name: "Same" });
    expect(rows.map((r) => r.email)).toEqual(["ada@example.test", "o'brien@example.test"]);
    expect(await staffNamed(db, { role: "admin", name: "Same" })).toEqual([]);
  });

  it("rolls back with the transaction it ran in", async () => {
    const attempt = transaction(db, async (tx) => {
      await tx.update(users).set({ name: "Never kept" }).where(eq(users.email, "ada@example.test"));
      expect((await byEmail(tx, { email: "ada@example.test" }))[0].name).toBe("Never kept");
      throw new Error("refused");
    });
    await expect(attempt).rejects.toThrow("refused");
    expect((await byEmail(db, { email: "ada@example.test" }))[0].name).not.toBe("Never kept");
  });

  it("refuses a run without one of its values, naming it", async () => {
    await expect(staffNamed(db, { role: "staff" } as never)).rejects.toThrow('No value for placeholder "name"');
  });
});

describe.runIf(databaseDialect() === "sqlite")("a reused query on an SQLite file", () => {
  let dir: string;
  let file: Db;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "lightgate-reused-"));
    file = openDatabase(path.join(dir, "test.db"));
    await transaction(file, async (tx) => void (await makeUser(tx, "staff", null, "ada@example.test")));
  });
  afterEach(() => {
    void closeDatabase(file);
    rmSync(dir, { recursive: true, force: true });
  });

  it("reads through the reader outside a transaction and through the writer inside one", async () => {
    await transaction(file, async (tx) => {
      await tx.update(users).set({ name: "Written" }).where(eq(users.email, "ada@example.test"));
      expect((await byEmail(tx, { email: "ada@example.test" }))[0].name).toBe("Written");
      // The reader's snapshot has only what is committed.
      expect((await byEmail(file, { email: "ada@example.test" }))[0].name).not.toBe("Written");
    });
    expect((await first(byEmail(file, { email: "ada@example.test" })))?.name).toBe("Written");
  });
});

describe.runIf(databaseDialect() === "postgres")("a reused query on PostgreSQL", () => {
  it("is a prepared statement of the connection, named after its text, the same name each time", async () => {
    const preparedHere = async (tx: Db) =>
      (await rows<{ name: string; statement: string }>(tx, sql`select name, statement from pg_prepared_statements`))
        .filter((p) => p.name.startsWith("lightgate_"))
        .map((p) => ({ name: p.name, statement: p.statement }));
    await transaction(db, async (tx) => {
      // The transaction's first statement carries its opening, in one simple query: unnamed.
      await byEmail(tx, { email: "ada@example.test" });
      expect(await preparedHere(tx)).toEqual([]);
      await byEmail(tx, { email: "ada@example.test" });
      const [prepared, ...more] = await preparedHere(tx);
      expect(more).toEqual([]);
      expect(prepared.name).toMatch(/^lightgate_[0-9a-f]{24}$/);
      expect(prepared.statement).toContain('from "users" where "users"."email" = $1');
      await byEmail(tx, { email: "o'brien@example.test" });
      expect(await preparedHere(tx)).toEqual([prepared]);
    });
  });
});
