// The PostgreSQL backend (DATABASE_URL=postgres://…): a pg pool per process, migrations applied
// under an advisory lock; its write transactions are in db/postgres-writers.ts, and the reads it
// sends together in db/postgres-reads.ts.
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { HoldingClient } from "./postgres-held";
import { ReadBatchingPool } from "./postgres-reads";
import type { SqliteDb } from "./sqlite";
import { DatabaseConfigError, redactUrl } from "./url";

export type Pg = NodePgDatabase;
export type Handle = { pool: pg.Pool; url: string };
/**
 * What an open write transaction holds (db/postgres-writers.ts). `all`: the writers' lock,
 * exclusively, from its start. `project`: the writers' lock shared with other projects' commands,
 * and its project's lock; the audit chain's lock is taken when it first reads the chain's head.
 * `rows`: no advisory lock, only the rows it locks itself; `counts` when it is a change all the same.
 */
export type Locks =
  { scope: "all" } | { scope: "rows"; counts: boolean } | { scope: "project"; projectId: string; auditLocked: boolean };
export type OpenTransaction = { pool: pg.Pool; client: HoldingClient; tx: Pg; locks: Locks; depth: number };

// Kept on globalThis: Next bundles this module into several server chunks, and every copy must
// know the process's pool and its open transactions.
const shared = globalThis as unknown as {
  lightgatePostgres?: { handles: WeakMap<object, Handle>; insideTransaction: AsyncLocalStorage<OpenTransaction> };
};
shared.lightgatePostgres ??= {
  handles: new WeakMap<object, Handle>(),
  insideTransaction: new AsyncLocalStorage<OpenTransaction>(),
};
export const { handles, insideTransaction } = shared.lightgatePostgres;
const migrationsFolder = path.join(process.cwd(), "db", "migrations-pg");

// Advisory lock keys: any fixed numbers no other application on the database uses. The writers'
// ones are in db/postgres-writers.ts.
const MIGRATE_LOCK = 7_411_002;

// node-postgres returns bigint and numeric as strings (they may exceed a JS number); the app's
// counts, sums and money in minor units fit in 2^53, so they are read as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * A pooled connection opens its socket in the server's start-up context, not in the request that
 * happens to need it. A socket keeps the async context it was created in for as long as it lives,
 * and a request's context holds its whole render (React's request, its response): a heap snapshot
 * under dashboard load on PostgreSQL showed a connection opened mid-page keeping that page alive.
 * `instrumentation.ts` records the context at start-up; without it (scripts, tests) connections
 * open where they are asked for.
 *
 * pg also keeps the connect callback reachable from the connection's listeners for as long as the
 * connection lives (they share one closure scope), and through it the request that asked for the
 * connection. It gets a relay instead, which lets go of the caller once it has answered. (Before
 * lib/immediate-context.ts cut Node's chain of ran `setImmediate`s, that one request kept every
 * later one alive too.)
 */
export class DetachedClient extends pg.Client {
  // pg's own overloads: a promise without a callback, nothing with one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  connect(callback?: any): any {
    if (!callback) {
      return new Promise<pg.Client>((resolve, reject) =>
        this.connect((error: Error | null, client: pg.Client) => (error ? reject(error) : resolve(client))),
      );
    }
    let caller: ((error: Error | null, client?: pg.Client) => void) | null = callback;
    const relay = (error: Error | null, client?: pg.Client) => {
      const answer = caller;
      caller = null;
      answer?.(error, client);
    };
    const atStart = (globalThis as { lightgateStartupContext?: <R>(fn: () => R) => R }).lightgateStartupContext;
    const open = () => super.connect(relay);
    return atStart ? atStart(open) : open();
  }
}

/** A pool on `url`, typed as the query surface lib/data uses. Migrate first with migratePostgres(). */
export function openPostgres(url: string, options: { max?: number; idleTimeoutMillis?: number } = {}): SqliteDb {
  const pool = new pg.Pool({
    connectionString: url,
    Client: DetachedClient,
    max: options.max ?? Number(process.env.DATABASE_POOL_SIZE || 10),
    idleTimeoutMillis: options.idleTimeoutMillis ?? 10_000,
  });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  // Reads asked for in the same turn share a round trip (db/postgres-reads.ts).
  const db = drizzle(new ReadBatchingPool(pool) as unknown as pg.Pool);
  handles.set(db, { pool, url });
  return db as unknown as SqliteDb;
}

export function isPostgres(db: object): boolean {
  return handles.has(db);
}

export async function closePostgres(db: object): Promise<void> {
  await handles.get(db)?.pool.end();
}

/** The change counter: any committed write on any instance changes it. */
export async function postgresChangeStamp(db: object): Promise<string> {
  const result = await (db as Pg).execute<{ n: number }>(sql`select n from lightgate_changes where id = 1`);
  return `pg:${result.rows[0]?.n ?? 0}`;
}

export async function postgresRows<T>(db: object, query: SQL): Promise<T[]> {
  return (await (db as Pg).execute(query)).rows as T[];
}

/** Applies db/migrations-pg under a session advisory lock: instances starting at once migrate once. */
export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await connectOrExplain(client, url);
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATE_LOCK]);
    await migrate(drizzle(client), { migrationsFolder });
  } finally {
    await client.query("select pg_advisory_unlock($1)", [MIGRATE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

/** A value kept in the database for every instance (the generated auth secret). */
export async function sharedSetting(db: object, key: string, create: () => string): Promise<string> {
  const pgDb = db as Pg;
  await pgDb.execute(
    sql`insert into lightgate_settings (key, value) values (${key}, ${create()}) on conflict (key) do nothing`,
  );
  const result = await pgDb.execute<{ value: string }>(sql`select value from lightgate_settings where key = ${key}`);
  return result.rows[0].value;
}

/** Connects, turning the driver's errors into one line that names the server but not the password. */
async function connectOrExplain(client: pg.Client, url: string): Promise<void> {
  try {
    await client.connect();
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    const reason =
      e.code === "ECONNREFUSED"
        ? "the server refused the connection (is it running?)"
        : e.code === "ENOTFOUND"
          ? "the host name is unknown"
          : e.message;
    throw new DatabaseConfigError(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${reason}`);
  }
}
