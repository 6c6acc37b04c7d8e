// Runs under vitest.pg.config.ts: createTestDb() resets this worker's database instead of copying
// the template, and the reset database must equal a fresh copy in everything a test can see.
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createTestDb, makeWorld, secondInstanceOf, testDatabaseUrl } from "./fixtures";
import { readTemplateState, type TemplateState } from "./postgres-reset";
import { createDatabase, dropDatabase } from "./postgres-server";

const pools: pg.Pool[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.end())));

function connect(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  // The reset terminates the sessions a test leaves behind, these included.
  pool.on("error", () => undefined);
  pools.push(pool);
  return pool;
}

// A client, not a pool: its end() waits until the connection is closed, so dropping the database
// next cannot terminate it.
async function stateOf(url: string): Promise<TemplateState> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await readTemplateState(client);
  } finally {
    await client.end();
  }
}

async function freshCopyState(): Promise<TemplateState> {
  const adminUrl = inject("postgresAdminUrl");
  const url = await createDatabase(adminUrl);
  try {
    return await stateOf(url);
  } finally {
    await dropDatabase(adminUrl, new URL(url).pathname.slice(1));
  }
}

const LOCK = 424_242;

describe("createTestDb on PostgreSQL", () => {
  it("resets the worker's database to equal a fresh copy of the template after a test's writes", async () => {
    const template = inject("postgresTemplate");
    expect(template.tables.length).toBeGreaterThan(40);
    expect(Object.keys(template.rows)).toEqual(
      expect.arrayContaining(["public.lightgate_changes", "drizzle.__drizzle_migrations"]),
    );

    const db = await createTestDb();
    const url = testDatabaseUrl(db);
    await makeWorld(db);
    // Every sequence moves, owned or not, and a setting is written beside the counter rows.
    const raw = connect(url);
    for (const name of Object.keys(template.sequences)) await raw.query(`select nextval('${name}')`);
    await raw.query("insert into lightgate_settings (key, value) values ('auth_secret', 'x')");
    // What a test may leave behind: another instance's pool, a session lock, a LISTEN, and a
    // transaction holding a row lock that TRUNCATE would wait for.
    secondInstanceOf(db);
    await raw.query("select pg_advisory_lock($1)", [LOCK]);
    await raw.query("listen gate_events");
    const open = connect(url);
    await open.query("begin");
    await open.query("select * from lightgate_changes for update");

    const dirty = await stateOf(url);
    expect(Object.keys(dirty.rows).length).toBeGreaterThanOrEqual(10);
    for (const [name, position] of Object.entries(dirty.sequences)) {
      expect(position, name).not.toEqual(template.sequences[name]);
    }

    const again = await createTestDb();
    expect(testDatabaseUrl(again)).toBe(url);
    const reset = await stateOf(url);
    expect(reset).toEqual(template);
    expect(reset).toEqual(await freshCopyState());
    const { rows } = await connect(url).query("select pg_try_advisory_lock($1) as free", [LOCK]);
    expect(rows).toEqual([{ free: true }]);
  });

  it("copies the template again when a test changed the schema", async () => {
    const db = await createTestDb();
    const url = testDatabaseUrl(db);
    const raw = connect(url);
    await raw.query("create table scratch (id int)");
    await raw.query("alter table users add column nickname text");
    expect((await stateOf(url)).catalog).not.toBe(inject("postgresTemplate").catalog);

    const again = await createTestDb();
    expect(await stateOf(testDatabaseUrl(again))).toEqual(inject("postgresTemplate"));
  });
});
