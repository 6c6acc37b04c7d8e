// The PostgreSQL backend (DATABASE_URL=postgres://…): a pg pool per process, migrations applied
// under an advisory lock, and write transactions serialised across every instance.
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { SqliteDb } from "./sqlite";
import { DatabaseConfigError, redactUrl } from "./url";

type Pg = NodePgDatabase;
type Handle = { pool: pg.Pool; url: string };
/**
 * What an open write transaction holds. `all`: the writers' lock, exclusively, from its start.
 * `project`: the writers' lock shared with other projects' commands, and its project's lock; the
 * audit chain's lock is taken when it first reads the chain's head (`auditLocked`).
 */
type Locks = { scope: "all" } | { scope: "project"; projectId: string; auditLocked: boolean };
type OpenTransaction = { pool: pg.Pool; tx: Pg; locks: Locks };

// Kept on globalThis: Next bundles this module into several server chunks, and every copy must
// know the process's pool and its open transactions.
const shared = globalThis as unknown as {
  lightgatePostgres?: { handles: WeakMap<object, Handle>; insideTransaction: AsyncLocalStorage<OpenTransaction> };
};
shared.lightgatePostgres ??= {
  handles: new WeakMap<object, Handle>(),
  insideTransaction: new AsyncLocalStorage<OpenTransaction>(),
};
const { handles, insideTransaction } = shared.lightgatePostgres;
const migrationsFolder = path.join(process.cwd(), "db", "migrations-pg");

// Advisory lock keys: any fixed numbers no other application on the database uses.
const WRITE_LOCK = 7_411_001;
const MIGRATE_LOCK = 7_411_002;
const AUDIT_LOCK = 7_411_003;
// Projects' locks are pairs of 32-bit keys (a space apart from the single keys above): this
// namespace and the hash of the project's id.
const PROJECT_LOCKS = 7_411_004;
// PostgreSQL's deadlock_detected: the transaction it chose to abort is run again from the start.
const DEADLOCK = "40P01";
const DEADLOCK_ATTEMPTS = 3;

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
 */
export class DetachedClient extends pg.Client {
  // pg's own overloads: a promise without a callback, nothing with one.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  connect(callback?: any): any {
    const atStart = (globalThis as { lightgateStartupContext?: <R>(fn: () => R) => R }).lightgateStartupContext;
    const open = () => (callback ? super.connect(callback) : super.connect());
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
  const db = drizzle(pool);
  handles.set(db, { pool, url });
  return db as unknown as SqliteDb;
}

export function isPostgres(db: object): boolean {
  return handles.has(db);
}

export async function closePostgres(db: object): Promise<void> {
  await handles.get(db)?.pool.end();
}

/**
 * One write transaction. Writers run one at a time across every instance, as SQLite's BEGIN
 * IMMEDIATE makes them: checks of expected versions, the audit chain's head and "exactly one"
 * rules hold without retries. Reads never wait for them. Each one also bumps the change counter
 * that memoised reads compare.
 *
 * A command on one project (`projectId`) waits only for commands on the same project and for
 * installation-wide writers: it holds the writers' advisory lock shared and its project's lock
 * exclusively, and takes the audit chain's lock only when it appends (`lockAuditChain`), so the
 * chain stays one line while commands on different projects do their reads and writes side by
 * side. Every other transaction holds the writers' lock exclusively from its start. Locks are
 * always taken in that order (writers', project's, chain's), and a transaction PostgreSQL still
 * finds deadlocked (on rows two commands both write) is run again.
 */
export async function postgresTransaction<T>(
  db: object,
  work: (tx: SqliteDb) => Promise<T>,
  projectId?: string,
): Promise<T> {
  const handle = handles.get(db);
  if (!handle) throw new Error("transaction() needs a database opened by openDatabase()");
  const open = insideTransaction.getStore();
  // Inside a transaction of the same pool (even when called with the pool itself): a savepoint,
  // never a second connection waiting for the lock the first one holds.
  if (open?.pool === handle.pool) return await savepoint(handle, open, work, projectId);
  for (let attempt = 1; ; attempt++) {
    try {
      return await (db as Pg).transaction(async (tx) => {
        handles.set(tx, handle);
        const locks: Locks = projectId ? { scope: "project", projectId, auditLocked: false } : { scope: "all" };
        if (locks.scope === "project") {
          await tx.execute(
            sql`select pg_advisory_xact_lock_shared(${WRITE_LOCK}::bigint), pg_advisory_xact_lock(${PROJECT_LOCKS}::int, hashtext(${projectId}))`,
          );
        } else {
          await tx.execute(sql`select pg_advisory_xact_lock(${WRITE_LOCK}::bigint)`);
          await tx.execute(BUMP);
        }
        const result = await insideTransaction.run({ pool: handle.pool, tx, locks }, () =>
          work(tx as unknown as SqliteDb),
        );
        // A command that appended nothing still counts as a change.
        if (locks.scope === "project" && !locks.auditLocked) await tx.execute(BUMP);
        return result;
      });
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

const BUMP = sql`update lightgate_changes set n = n + 1 where id = 1`;

async function savepoint<T>(
  handle: Handle,
  open: OpenTransaction,
  work: (tx: SqliteDb) => Promise<T>,
  projectId: string | undefined,
): Promise<T> {
  return await open.tx.transaction(async (tx) => {
    handles.set(tx, handle);
    // Locks taken inside a savepoint that rolls back are released with it: this level's own copy,
    // handed to the level above only when the savepoint is kept.
    const locks: Locks = { ...open.locks };
    if (projectId && locks.scope === "project" && locks.projectId !== projectId) {
      await tx.execute(sql`select pg_advisory_xact_lock(${PROJECT_LOCKS}::int, hashtext(${projectId}))`);
    }
    const result = await insideTransaction.run({ pool: handle.pool, tx, locks }, () => work(tx as unknown as SqliteDb));
    if (locks.scope === "project" && locks.auditLocked && open.locks.scope === "project") open.locks.auditLocked = true;
    return result;
  });
}

/**
 * Before reading the audit chain's head to append after it: a project's command takes the chain's
 * lock (and bumps the change counter in the same statement), so that no other command appends
 * between its read and its commit. Installation-wide writers already hold every writer off.
 */
export async function lockAuditChain(): Promise<void> {
  const open = insideTransaction.getStore();
  if (!open || open.locks.scope !== "project" || open.locks.auditLocked) return;
  await open.tx.execute(
    sql`with chain as (select pg_advisory_xact_lock(${AUDIT_LOCK}::bigint)) update lightgate_changes set n = n + 1 from chain where id = 1`,
  );
  open.locks.auditLocked = true;
}

function isDeadlock(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === DEADLOCK) return true;
  }
  return false;
}

/**
 * A transaction without the writers' advisory lock, for work that touches only rows it locks
 * itself (`FOR UPDATE SKIP LOCKED`: the outbox's delivery claims), so instances claim deliveries
 * side by side instead of queueing behind every other write. `bump` counts it as a change.
 */
export async function postgresRowLockedTransaction<T>(
  db: object,
  work: (tx: SqliteDb) => Promise<T>,
  bump: boolean,
): Promise<T> {
  const handle = handles.get(db);
  if (!handle) throw new Error("transaction() needs a database opened by openDatabase()");
  if (insideTransaction.getStore()?.pool === handle.pool) throw new Error("Row-locked transactions do not nest");
  return await (db as Pg).transaction(async (tx) => {
    handles.set(tx, handle);
    if (bump) await tx.execute(sql`update lightgate_changes set n = n + 1 where id = 1`);
    return await insideTransaction.run({ pool: handle.pool, tx, locks: { scope: "all" } }, () =>
      work(tx as unknown as SqliteDb),
    );
  });
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
