// Statements a write transaction holds back on PostgreSQL (db/postgres-held.ts): its opening goes
// with its first statement and its last batch with its COMMIT, one round trip each, and nothing of
// a transaction whose held write fails is kept.
import { type SQL, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  afterCommit,
  changeStamp,
  type Db,
  type Deferred,
  execute,
  rows,
  transaction,
  writeAtCommit,
} from "@/db/client";
import { votesOf } from "@/lib/data/gate-state";
import { castVote, submitGate } from "@/lib/data/gates";
import { createTestDb, ctxFor } from "@/lib/testing/fixtures";
import { approveMustArtifacts, gateRow, makeGateWorld, submitMustArtifacts } from "@/lib/testing/gate-fixtures";
import { watchRoundTrips } from "@/lib/testing/statements";

let db: Db;
/** What is sent to the server once the table is made, one entry per round trip. */
let trips: ReturnType<typeof watchRoundTrips>;
const sent = () => trips.texts();

beforeEach(async () => {
  db = await createTestDb();
  await execute(db, sql`create table held_rows (id int primary key, note text)`);
  trips = watchRoundTrips();
});

afterEach(() => trips.stop());

/** A row written at the end of the transaction, with its other batched rows. */
const insertAtCommit = (tx: Db, id: number) =>
  writeAtCommit(tx, "held_rows", [id], (_, ids): Deferred[] =>
    ids.map((n) => {
      const statement: SQL = sql`insert into held_rows (id, note) values (${n}, ${"batched"})`;
      return { getSQL: () => statement, then: (done, failed) => execute(tx, statement).then(done, failed) };
    }),
  );

describe("a write transaction on PostgreSQL", () => {
  it("sends its opening with its first statement and its last batch with its COMMIT", async () => {
    const answer = await transaction(
      db,
      async (tx) => {
        const [row] = await rows<{ n: number }>(tx, sql`select ${41}::int + 1 as n`);
        await insertAtCommit(tx, 1);
        return row.n;
      },
      "project-a",
    );
    expect(answer).toBe(42);
    expect(sent()).toHaveLength(2);
    expect(sent()[0]).toMatch(/^begin; select pg_advisory_xact_lock_shared\(.*; select '41'::int \+ 1 as n$/);
    // It appended no audit event, so the change counter is bumped just before the COMMIT.
    expect(sent()[1]).toBe(
      "insert into held_rows (id, note) values ('1', 'batched'); " +
        "update lightgate_changes set n = n + 1 where id = 1; commit",
    );
    expect(await rows(db, sql`select id, note from held_rows`)).toEqual([{ id: 1, note: "batched" }]);
  });

  it("keeps nothing, and runs nothing after its commit, when its held batch fails", async () => {
    let committed = false;
    const failing = transaction(
      db,
      async (tx) => {
        await execute(tx, sql`insert into held_rows (id, note) values (${1}, ${"from the work"})`);
        afterCommit(() => (committed = true));
        await insertAtCommit(tx, 1);
      },
      "project-a",
    );
    await expect(failing).rejects.toMatchObject({ code: "23505" });
    expect(committed).toBe(false);
    expect(await rows(db, sql`select id from held_rows`)).toEqual([]);
  });

  it.each([
    ["quotes", 'it\'s "quoted"'],
    ["backslashes", "C:\\path\\to\\file"],
    ["a placeholder's text", "$1 and $2"],
    ["letters of every script", "Ünïcødé ✓ 漢字 🚀"],
    ["lines", "first\nsecond\r\n\tthird"],
    ["an empty string", ""],
  ])("reads back exactly a value with %s inlined in its first statement", async (_, value) => {
    const [row] = await transaction(db, (tx) =>
      rows<{ v: string; n: number; b: boolean; z: null }>(
        tx,
        sql`select ${value}::text as v, ${-7}::int as n, ${true}::boolean as b, ${null}::text as z`,
      ),
    );
    expect(row).toEqual({ v: value, n: -7, b: true, z: null });
    expect(sent()).toHaveLength(2);
  });

  it("sends its opening on its own when its first statement has a value without a literal", async () => {
    const [row] = await transaction(db, (tx) => rows<{ t: string }>(tx, sql`select ${new Date(0)}::timestamptz as t`));
    expect(new Date(row.t).getTime()).toBe(0);
    expect(sent()).toHaveLength(3);
  });

  it("costs one round trip, and still counts as a change, when it sends nothing", async () => {
    const before = await changeStamp(db);
    trips.clear();
    await transaction(db, async () => undefined, "project-a");
    expect(sent()).toEqual([
      expect.stringMatching(/^begin; .*; update lightgate_changes set n = n \+ 1 where id = 1; commit$/),
    ]);
    expect(await changeStamp(db)).not.toBe(before);
  });

  it("rolls back a failed first statement and leaves its connection usable", async () => {
    const failing = transaction(db, (tx) => execute(tx, sql`insert into held_rows (id) values (${"not a number"})`));
    await expect(failing).rejects.toMatchObject({ cause: { code: "22P02" } });
    await transaction(db, (tx) => execute(tx, sql`insert into held_rows (id) values (${2})`));
    expect(await rows(db, sql`select id from held_rows`)).toEqual([{ id: 2 }]);
  });
});

describe("a vote on PostgreSQL", () => {
  it("makes six round trips: the project, gate, board and vote, two writes, the chain, the commit", async () => {
    const w = await makeGateWorld(db);
    await submitMustArtifacts(db, w);
    await approveMustArtifacts(db, w);
    await submitGate(db, ctxFor(w.pm), { projectId: w.project.id, number: 7 });
    trips.clear();
    await castVote(db, ctxFor(w.owner), { projectId: w.project.id, number: 7, vote: "hold", rationale: "Wait." });
    const texts = sent();
    expect(texts).toHaveLength(6);
    expect(texts[0]).toMatch(/^begin; .* from "projects" /);
    expect(texts[1]).toMatch(/from "gates" left join "gate_board_members" .* left join "gate_votes"/);
    expect(texts[2]).toMatch(/^insert into "gate_votes"/);
    expect(texts[3]).toMatch(/^update "gates" set "version"/);
    expect(texts[5]).toMatch(/; commit$/);
    expect((await votesOf(db, (await gateRow(db, w.project.id, 7)).id, 1)).map((v) => v.vote)).toEqual(["hold"]);
  });
});
