// Reads on PostgreSQL asked for in the same turn travel together (db/postgres-reads.ts): one round
// trip, each read its own answer or its own error, and nothing but plain reads batched.
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Db, execute, rows } from "@/db/client";
import { users } from "@/db/schema";
import { createTestDb, makeUser } from "@/lib/testing/fixtures";
import { watchRoundTrips } from "@/lib/testing/statements";

let db: Db;
/** What is sent to the server once the table is made, one entry per round trip. */
let trips: ReturnType<typeof watchRoundTrips>;
const sent = () => trips.texts();

beforeEach(async () => {
  db = await createTestDb();
  await execute(db, sql`create table read_rows (id int primary key, note text)`);
  await execute(db, sql`insert into read_rows values (1, 'one'), (2, 'it''s two')`);
  await makeUser(db, "admin", null, "ada@example.test");
  trips = watchRoundTrips();
});

afterEach(() => trips.stop());

const note = (id: number) => rows<{ note: string }>(db, sql`select note from read_rows where id = ${id}`);

describe("reads on PostgreSQL asked for together", () => {
  it("travel in one round trip, each with its own rows", async () => {
    const [one, two, none] = await Promise.all([note(1), note(2), note(3)]);
    expect([one, two, none]).toEqual([[{ note: "one" }], [{ note: "it's two" }], []]);
    expect(sent()).toEqual([
      "select note from read_rows where id = '1'; select note from read_rows where id = '2'; " +
        "select note from read_rows where id = '3'",
    ]);
  });

  it("go in one query per shape of answer: drizzle's rows of arrays, raw rows of objects", async () => {
    const [ada, nobody, one] = await Promise.all([
      db.select({ name: users.name }).from(users).where(eq(users.email, "ada@example.test")),
      db.select({ name: users.name }).from(users).where(eq(users.email, "nobody@example.test")),
      note(1),
    ]);
    expect([ada, nobody, one]).toEqual([[{ name: "ada" }], [], [{ note: "one" }]]);
    expect(sent()).toHaveLength(2);
  });

  it("give a failing read its own error and the others their answers", async () => {
    const results = await Promise.allSettled([note(1), rows(db, sql`select 1 / ${0}::int as n`), note(2)]);
    expect(results[0]).toEqual({ status: "fulfilled", value: [{ note: "one" }] });
    expect(results[1]).toMatchObject({ status: "rejected", reason: { cause: { code: "22012" } } });
    expect(results[2]).toEqual({ status: "fulfilled", value: [{ note: "it's two" }] });
  });

  it("send a read alone as before, with its parameters", async () => {
    expect(await note(2)).toEqual([{ note: "it's two" }]);
    expect(trips.calls()).toHaveLength(1);
    const [config, values] = trips.calls()[0];
    expect(config).toMatchObject({ text: "select note from read_rows where id = $1" });
    expect(values).toEqual([2]);
  });

  it("leave writes, locking reads and values without a literal on their own", async () => {
    await Promise.all([
      execute(db, sql`update read_rows set note = ${"uno"} where id = ${1}`),
      rows(db, sql`select note from read_rows where id = ${2} for update`),
      rows(db, sql`select ${new Date(0)}::timestamptz as t`),
      note(1),
    ]);
    expect(sent()).toHaveLength(4);
  });
});
