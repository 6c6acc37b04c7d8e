// The one entry to the database for lib/data, scripts and tests, whichever the dialect:
// DATABASE_URL unset is the embedded SQLite file (db/sqlite.ts), postgres://… is PostgreSQL
// (db/postgres.ts). Every query is awaited (`await db.select()…`) and every write runs inside
// transaction(), so the same lib/data code runs on both.
import { AsyncLocalStorage } from "node:async_hooks";
import { type SQL, sql } from "drizzle-orm";
import {
  closePostgres,
  isPostgres,
  migratePostgres,
  openPostgres,
  postgresChangeStamp,
  postgresRows,
} from "./postgres";
import {
  type ChainHeadRow,
  holdUntilCommit,
  lockAuditChain as lockPostgresAuditChain,
  postgresRowLockedTransaction,
  postgresTransaction,
} from "./postgres-writers";
import { closeSqlite, isSqlite, openSqlite, sqliteChangeStamp, sqliteTransaction, type SqliteDb } from "./sqlite";
import { databaseTarget, type DatabaseTarget, type Dialect } from "./url";

export { AsyncLock, reuseStatements, sqliteClients } from "./sqlite";

/** The database as lib/data sees it: typed with the SQLite definitions, which both dialects share. */
export type Db = SqliteDb;
/** Inside `transaction()`: the same query surface, bound to the open transaction. */
export type Tx = Db;
/** Query functions accept the database or an open transaction. */
export type DbOrTx = Db;

export function dialectOf(db: Db): Dialect {
  if (isSqlite(db)) return "sqlite";
  if (isPostgres(db)) return "postgres";
  throw new Error("Not a database opened by db/client");
}

/** The first row of a query, or undefined: the dialect-neutral form of SQLite's `.get()`. */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

/** The one row an insert or update `…returning()` gives; a missing row is a bug, not a user error. */
export async function one<T>(query: PromiseLike<T[]>): Promise<T> {
  const [row] = await query;
  if (row === undefined) throw new Error("Expected the statement to return a row");
  return row;
}

/**
 * Runs `work` in one write transaction and returns its result; any error rolls everything back.
 * Writers run one at a time (SQLite: an async lock around BEGIN IMMEDIATE; PostgreSQL: advisory
 * locks across instances, where a command on one project, `projectId`, waits only for writers of
 * the same project until it appends to the audit chain). A transaction opened inside another
 * becomes a savepoint.
 */
export async function transaction<T>(db: Db, work: (tx: Tx) => Promise<T>, projectId?: string): Promise<T> {
  const outer = commitScope.getStore();
  const shared = { afterCommit: outer?.afterCommit ?? [], remembered: outer?.remembered ?? new Map() };
  const run = async (tx: Tx) => {
    // Each transaction, savepoint and attempt has its own before-commit work: what a rolled-back
    // one queued is dropped with it, never run by the next one (SQLite's savepoints and
    // transactions share one `tx` object, so the work cannot be kept on it). Batches belong to
    // the outermost transaction, so that its savepoints' rows keep their order among its own.
    // An attempt run again after a failed COMMIT (a deadlock in its last batch, sent with it) starts
    // clean: the catch below never saw that failure.
    if (!outer) {
      shared.afterCommit.length = 0;
      shared.remembered.clear();
    }
    const hooks = new Map<string, CommitHook>();
    const batches = outer?.batches ?? new Map<string, Batch>();
    const marks = new Map([...batches].map(([key, batch]) => [key, batch.items.length]));
    const remembered = new Map(shared.remembered);
    const level: CommitScope = { ...shared, hooks, batches };
    const queued = shared.afterCommit.length;
    try {
      return await commitScope.run(level, async () => {
        const result = await work(tx);
        // Queued by what the work wrote (the audit checkpoint): last, inside it.
        for (const hook of hooks.values()) await hook(tx);
        // The outermost transaction then writes every batch, on PostgreSQL in one statement.
        if (!outer) await writeBatches(tx, [...batches.values()]);
        return result;
      });
    } catch (error) {
      // Rolled back (or to be run again): what it queued for after the commit never happened,
      // its batched rows are not written, and what it remembered is as it was when it began (an
      // enclosing transaction's appended but unwritten events still count for the chain's head).
      for (const [key, batch] of batches) batch.items.length = marks.get(key) ?? 0;
      shared.afterCommit.length = queued;
      shared.remembered.clear();
      for (const [key, value] of remembered) shared.remembered.set(key, value);
      throw error;
    }
  };
  const result = await commitScope.run(shared, () =>
    isPostgres(db) ? postgresTransaction(db, run, projectId) : sqliteTransaction(db, run),
  );
  // Only the outermost transaction commits; a nested one is a savepoint its parent may still undo.
  if (!outer) for (const done of shared.afterCommit) done();
  return result;
}

/**
 * Call before reading the audit chain's head to append after it. On PostgreSQL a project's
 * command takes the chain's lock here, so that appends stay one line, and gets the head it now
 * guards (undefined while the chain is empty); otherwise there is nothing to do and it gives null.
 */
export async function lockAuditChain(): Promise<{ head: ChainHeadRow | undefined } | null> {
  return await lockPostgresAuditChain();
}

/**
 * A short transaction over rows it locks itself (the outbox's delivery claims and their results):
 * on PostgreSQL it skips the writers' advisory lock and relies on `FOR UPDATE SKIP LOCKED`, so
 * several instances work side by side; on SQLite, which has one writer, it is `transaction()`.
 * It must not write audit events, outbox events, or anything else that relies on writers running one
 * at a time or on commit order.
 */
export async function rowLockedTransaction<T>(
  db: Db,
  work: (tx: Tx) => Promise<T>,
  options: { countsAsChange: boolean },
): Promise<T> {
  if (!isPostgres(db)) return await transaction(db, work);
  return await postgresRowLockedTransaction(db, work, options.countsAsChange);
}

type CommitHook = (tx: Tx) => Promise<void>;
/** A statement built and not yet run (drizzle's insert, update or delete), to run with others at the end. */
export type Deferred = PromiseLike<unknown> & { getSQL(): SQL };
/**
 * `inCommitOrder`: rows numbered by a sequence (the outbox's events) in the order their
 * transactions commit. On PostgreSQL they are written under the audit chain's lock, which a
 * transaction holds until it has committed, so that a reader that sees one sees every row
 * numbered below it (lib/data/outbox-deliveries.ts fans events out by that).
 */
type Batch = { items: unknown[]; inCommitOrder?: boolean; statements: (tx: Tx) => Deferred[] };
/**
 * The open transaction's commit scope: `afterCommit` and `remembered` are the outermost
 * transaction's, shared by its savepoints; `hooks` belong to one level.
 */
type CommitScope = {
  afterCommit: Array<() => void>;
  remembered: Map<string, unknown>;
  /** This transaction's (or savepoint's) work before it ends; absent before its work starts. */
  hooks?: Map<string, CommitHook>;
  /** The outermost transaction's batches, shared by its savepoints. */
  batches?: Map<string, Batch>;
};
const commitShared = globalThis as unknown as { lightgateCommitScope?: AsyncLocalStorage<CommitScope> };
const commitScope = (commitShared.lightgateCommitScope ??= new AsyncLocalStorage<CommitScope>());

/**
 * Runs `hook` once at the end of the open transaction (or savepoint), inside it, after its work:
 * one call per `key` however often it is queued (the audit chain signs its head once per command).
 * Outside a transaction there is no commit to wait for: it gives false and queues nothing.
 */
export function beforeCommit(key: string, hook: CommitHook): boolean {
  const hooks = commitScope.getStore()?.hooks;
  if (!hooks) return false;
  if (!hooks.has(key)) hooks.set(key, hook);
  return true;
}

/**
 * Writes `items` with the others queued under `key` at the end of the outermost open transaction,
 * after its before-commit work: `statements` gets them in order and builds what writes them; on
 * PostgreSQL every batch goes in one statement. Outside a transaction they are written at once.
 * `inCommitOrder` when a sequence numbers the rows and readers rely on it (see `Batch`).
 */
export async function writeAtCommit<T>(
  tx: Tx,
  key: string,
  items: T[],
  statements: (tx: Tx, items: T[]) => Deferred[],
  options: { inCommitOrder?: boolean } = {},
): Promise<void> {
  const batches = commitScope.getStore()?.batches;
  if (!batches) {
    for (const statement of statements(tx, items)) await statement;
    return;
  }
  let batch = batches.get(key);
  if (!batch) {
    const queued: T[] = [];
    const inCommitOrder = options.inCommitOrder ?? false;
    batch = { items: queued, inCommitOrder, statements: (done) => (queued.length ? statements(done, queued) : []) };
    batches.set(key, batch);
  }
  batch.items.push(...items);
}

/** At most this many rows are written in one statement, so that its parameters stay within bounds. */
const ROWS_PER_STATEMENT = 1000;

/** Rows in groups small enough for one statement's parameters (PostgreSQL takes at most 65,535). */
export function inGroups<T>(rows: T[], size = ROWS_PER_STATEMENT): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < rows.length; i += size) groups.push(rows.slice(i, i + size));
  return groups;
}

/**
 * Writes the batches' statements in order. On PostgreSQL, when all their rows fit in one
 * statement's parameters (PostgreSQL takes at most 65,535), as one statement: all but the last as
 * WITH clauses, which it runs with the main statement, each seeing the database as it was before;
 * it goes with the COMMIT. Otherwise (a transaction that wrote thousands of rows) one statement each.
 */
async function writeBatches(tx: Tx, batches: Batch[]): Promise<void> {
  // Taken already when the transaction appended to the audit chain; a no-op on SQLite.
  if (batches.some((batch) => batch.inCommitOrder && batch.items.length)) await lockAuditChain();
  const statements = batches.flatMap((batch) => batch.statements(tx));
  const rows = batches.reduce((sum, batch) => sum + batch.items.length, 0);
  if (statements.length > 0 && rows <= ROWS_PER_STATEMENT && isPostgres(tx)) {
    const last = statements.length - 1;
    const clauses = statements.slice(0, last).map((s, i) => sql`${sql.raw(`batch_${i}`)} as (${s.getSQL()})`);
    const statement = last
      ? sql`with ${sql.join(clauses, sql`, `)} ${statements[last].getSQL()}`
      : statements[0].getSQL();
    // Sent with the COMMIT, in the same round trip, when it can be (db/postgres-held.ts).
    if (!holdUntilCommit(tx, statement)) await postgresRows(tx, statement);
  } else for (const statement of statements) await statement;
}

/**
 * A value the open transaction keeps for the rest of its work (the audit chain's head after its
 * own appends): shared by its savepoints; one that rolls back restores it as it was when it
 * began. Outside a transaction nothing is kept.
 */
export function transactionMemo<T>(key: string): { recall: () => T | undefined; keep: (value: T) => void } {
  const remembered = commitScope.getStore()?.remembered;
  return {
    recall: () => remembered?.get(key) as T | undefined,
    keep: (value) => void remembered?.set(key, value),
  };
}

/** Runs `done` once the outermost open transaction has committed (never when it rolls back). */
export function afterCommit(done: () => void): void {
  const scope = commitScope.getStore();
  if (scope) scope.afterCommit.push(done);
}

/** Rows of a raw SQL query (for the few reports drizzle's builder cannot say). */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return isPostgres(db) ? await postgresRows<T>(db, query) : db.all<T>(query);
}

/** Runs one raw statement that returns nothing (for tests and maintenance; commands use the builder). */
export async function execute(db: Db, query: SQL): Promise<void> {
  if (isPostgres(db)) await postgresRows(db, query);
  else db.run(query);
}

/** Changes whenever a write commits anywhere (this process, another one, another instance). */
export async function changeStamp(db: Db): Promise<string> {
  return isPostgres(db) ? await postgresChangeStamp(db) : sqliteChangeStamp(db);
}

/** Opens a SQLite file (or ":memory:") and migrates it: the embedded database and most tests. */
export function openDatabase(file: string): Db {
  return openSqlite(file);
}

/** Opens and migrates the database a target names (DATABASE_URL by default): for the commands. */
export async function connectDatabase(target: DatabaseTarget = databaseTarget()): Promise<Db> {
  if (target.dialect === "sqlite") return openSqlite(target.file);
  await migratePostgres(target.url);
  return openPostgres(target.url);
}

/** Closes every connection of a database opened here. */
export async function closeDatabase(db: Db): Promise<void> {
  if (isPostgres(db)) await closePostgres(db);
  else closeSqlite(db);
}

const cache = globalThis as unknown as { lightgateDb?: Db };

/**
 * The app's database, cached on globalThis so hot reloads reuse it. The start commands have
 * migrated it already (scripts/prepare-data.ts), so opening a PostgreSQL pool here is sync.
 */
export function getDb(): Db {
  if (!cache.lightgateDb) {
    const target = databaseTarget();
    cache.lightgateDb = target.dialect === "sqlite" ? openSqlite(target.file) : openPostgres(target.url);
  }
  return cache.lightgateDb;
}

/** Makes `db` the app's database from now on: for tests that call the route handlers themselves. */
export function setAppDatabase(db: Db): void {
  cache.lightgateDb = db;
}
