// The embedded SQLite backend: better-sqlite3, one writer connection behind an async lock and a
// read-only reader beside it (WAL), so that async commands never interleave their statements.
import { AsyncLocalStorage } from "node:async_hooks";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "./schema-sqlite";

/** The query surface lib/data is typed against (both dialects answer it the same way). */
export type SqliteDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
type Db = SqliteDb;
type Tx = Db;

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

/**
 * Runs `work` in one write transaction and returns its result once it is committed; any error rolls
 * its work back.
 *
 * SQLite has one writer connection per process and better-sqlite3 refuses async transaction
 * callbacks, so transactions here run behind an async lock: while one is open (across its awaits)
 * no other transaction's statements can run on the connection. A transaction opened inside another
 * (same async context) becomes a savepoint.
 *
 * Commits are grouped. A durable COMMIT waits for the disk (about 0.5 ms here under load, with
 * Node's one thread blocked), so the writers of one turn of the event loop share one: each runs in
 * its own savepoint of one `BEGIN IMMEDIATE … COMMIT`, where its failure rolls back its own work
 * only. The group commits when the turn ends (setImmediate, in line behind the writers still
 * waiting), or at once when GROUP_MAX writers have joined. None returns before that COMMIT; if it
 * fails, or SQLite ends the whole transaction on an error (a full disk), every writer of the group
 * gets the error and none of their work is kept. Under the benchmark's load a group holds about
 * nine writers; a writer alone waits one turn of the loop.
 */
export async function sqliteTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T> {
  const writer = writerOf(db);
  const open = insideTransaction.getStore();
  if (open?.writer === writer) return savepoint(open, work);
  let committed: Promise<void> | undefined;
  const result = await writer.lock.run(async () => {
    const group = (writer.group ??= beginGroup(writer.client));
    group.members++;
    committed = group.committed;
    writer.client.exec("SAVEPOINT lightgate_writer");
    try {
      const result = await insideTransaction.run({ writer, depth: 0 }, () => work(writer.db));
      writer.client.exec("RELEASE lightgate_writer");
      return result;
    } catch (error) {
      if (writer.client.inTransaction) {
        writer.client.exec("ROLLBACK TO lightgate_writer");
        writer.client.exec("RELEASE lightgate_writer");
      } else endGroup(writer, error);
      throw error;
    } finally {
      if (writer.group === group) {
        if (group.members >= GROUP_MAX) endGroup(writer);
        else if (writer.lock.waiting === 0 && !group.ending) {
          // The writers of requests handled in this turn of the event loop join before it commits.
          group.ending = true;
          setImmediate(() => void writer.lock.run(async () => writer.group === group && endGroup(writer)));
        }
      }
    }
  });
  await committed;
  return result;
}

/** At most this many writers share one COMMIT, so that the first of a busy queue is not kept waiting. */
const GROUP_MAX = 16;

type Group = { members: number; ending?: boolean; committed: Promise<void>; settle: (failure?: unknown) => void };

function beginGroup(client: Database.Database): Group {
  client.exec("BEGIN IMMEDIATE");
  let settle!: Group["settle"];
  const committed = new Promise<void>((resolve, reject) => {
    settle = (failure) => (failure === undefined ? resolve() : reject(failure));
  });
  // A writer whose own work failed has already thrown, and awaits no commit.
  committed.catch(() => undefined);
  return { members: 0, committed, settle };
}

/** Commits the group (or, after `failure`, only reports it to its writers) and closes it. */
function endGroup(writer: Writer, failure?: unknown): void {
  const group = writer.group!;
  writer.group = undefined;
  if (failure !== undefined) return group.settle(failure);
  try {
    writer.client.exec("COMMIT");
    group.settle();
  } catch (error) {
    if (writer.client.inTransaction) writer.client.exec("ROLLBACK");
    group.settle(error);
  }
}

async function savepoint<T>(open: OpenTransaction, work: (tx: Tx) => Promise<T>): Promise<T> {
  const name = `nested_${++open.depth}`;
  open.writer.client.exec(`SAVEPOINT ${name}`);
  try {
    const result = await work(open.writer.db);
    open.writer.client.exec(`RELEASE ${name}`);
    return result;
  } catch (error) {
    open.writer.client.exec(`ROLLBACK TO ${name}`);
    open.writer.client.exec(`RELEASE ${name}`);
    throw error;
  }
}

/** A FIFO async mutex: each `run` starts when the previous one has settled. */
export class AsyncLock {
  private tail: Promise<unknown> = Promise.resolve();
  /** Tasks queued that have not started yet. */
  waiting = 0;
  run<T>(task: () => Promise<T>): Promise<T> {
    this.waiting++;
    const start = () => {
      this.waiting--;
      return task();
    };
    const result = this.tail.then(start, start);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

type Writer = { db: Db; client: Database.Database; lock: AsyncLock; group?: Group };
type OpenTransaction = { writer: Writer; depth: number };
// Kept on globalThis: Next bundles this module into several server chunks, and every copy must
// know the process's one database and its open transactions.
const shared = globalThis as unknown as {
  lightgateSqlite?: { insideTransaction: AsyncLocalStorage<OpenTransaction>; writers: WeakMap<Db, Writer> };
};
shared.lightgateSqlite ??= {
  insideTransaction: new AsyncLocalStorage<OpenTransaction>(),
  writers: new WeakMap<Db, Writer>(),
};
const { insideTransaction, writers } = shared.lightgateSqlite;

function writerOf(db: Db): Writer {
  const writer = writers.get(db);
  if (!writer) throw new Error("transaction() needs a database opened by openDatabase()");
  return writer;
}

/**
 * drizzle prepares a statement on every query and better-sqlite3 compiles it each time. This
 * keeps the compiled statements of the most recent SQL texts and hands them out again, reset
 * to the default row shape (drizzle switches some to raw arrays). A statement still being
 * iterated is never shared.
 */
export function reuseStatements(sqlite: Database.Database, capacity = 500): void {
  const compile = sqlite.prepare.bind(sqlite);
  const compiled = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = compiled.get(source);
    if (cached && !cached.busy) {
      compiled.delete(source);
      compiled.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = compile(source);
    if (cached) return statement;
    compiled.set(source, statement);
    if (compiled.size > capacity) compiled.delete(compiled.keys().next().value!);
    return statement;
  }) as Database.Database["prepare"];
}

function connect(file: string, options?: Database.Options): Database.Database {
  const sqlite = new Database(file, options);
  reuseStatements(sqlite);
  if (options?.readonly) {
    sqlite.pragma("busy_timeout = 5000");
    return sqlite;
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL makes every commit durable (approvals and sign-offs must never be lost).
  sqlite.pragma("synchronous = FULL");
  return sqlite;
}

/**
 * Opens a database file (or ":memory:"), sets the pragmas every connection needs, migrates.
 *
 * A file gets two connections: the writer, used only inside `transaction()`, and a reader for
 * everything else, so a read between two awaits of another request's open transaction sees
 * committed data only (WAL gives the reader its own snapshot). ":memory:" has one connection.
 */
export function openSqlite(file: string): Db {
  const writerClient = connect(file);
  const writerDb = drizzle(writerClient, { schema }) as Db;
  migrate(writerDb, { migrationsFolder });
  const writer: Writer = { db: writerDb, client: writerClient, lock: new AsyncLock() };
  writers.set(writerDb, writer);
  if (file === ":memory:") return writerDb;
  // Read-only: a write outside transaction() would bypass the lock (and could wait on the
  // writer's open transaction while blocking the event loop), so it fails at once instead.
  const readerClient = connect(file, { readonly: true });
  const readerDb = drizzle(readerClient, { schema }) as Db;
  writers.set(readerDb, writer);
  return readerDb;
}

/** Closes every connection of a database opened by openDatabase(). */
export function closeSqlite(db: Db): void {
  const writer = writers.get(db);
  // A group still waiting for the end of the loop's turn commits first (its writers may have failed,
  // and returned, already).
  if (writer?.group && writer.client.open) endGroup(writer);
  if (db.$client.open) db.$client.close();
  if (writer?.client.open) writer.client.close();
}

/** Connections of a database for maintenance (backup, change stamps): the writer's and the reader's. */
export function sqliteClients(db: Db): { writer: Database.Database; reader: Database.Database } {
  return { writer: writerOf(db).client, reader: db.$client };
}

/**
 * A value that changes whenever a write commits, whoever made it: the writer's total_changes()
 * (this process's rows) and the reader's PRAGMA data_version (commits by other connections, such
 * as `npm run reports:weekly`). Memoised reads compare it to know they are still current.
 */
export function sqliteChangeStamp(db: Db): string {
  const { writer, reader } = sqliteClients(db);
  const { changes } = writer.prepare("select total_changes() as changes").get() as { changes: number };
  return `${changes}:${reader.pragma("data_version", { simple: true })}`;
}

/** Is this a SQLite database (or transaction) opened here? */
export function isSqlite(db: object): boolean {
  return writers.has(db as Db);
}
