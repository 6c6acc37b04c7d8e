// Write transactions on PostgreSQL. Writers run one at a time across every instance, as SQLite's
// BEGIN IMMEDIATE makes them: checks of expected versions, the audit chain's head and "exactly
// one" rules hold without retries. Reads never wait for them. Each one also bumps the change
// counter that memoised reads compare.
//
// A command on one project waits only for commands on the same project and for installation-wide
// writers: it holds the writers' advisory lock shared and its project's lock exclusively, and takes
// the audit chain's lock only when it appends (`lockAuditChain`), so the chain stays one line while
// commands on different projects do their reads and writes side by side. Every other transaction
// holds the writers' lock exclusively from its start. Locks are always taken in that order
// (writers', project's, chain's), and a transaction PostgreSQL still finds deadlocked (on rows two
// commands both write) is run again.
//
// Taking the chain's lock with the head it guards is one round trip: statements of numbers only,
// sent together in one simple query. A transaction's opening with its locks travels with its first
// statement, and its last batch with its COMMIT (db/postgres-held.ts).
import type { SQL } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import type { PgDialect } from "drizzle-orm/pg-core";
import type { PoolClient } from "pg";
import { HoldingClient } from "./postgres-held";
import { handles, insideTransaction, type Handle, type Locks, type OpenTransaction } from "./postgres";
import type { SqliteDb } from "./sqlite";

// Advisory lock keys: any fixed numbers no other application on the database uses.
const WRITE_LOCK = 7_411_001;
const AUDIT_LOCK = 7_411_003;
// Projects' locks are pairs of 32-bit keys (a space apart from the single keys above): this
// namespace and a hash of the project's id.
const PROJECT_LOCKS = 7_411_004;
// PostgreSQL's deadlock_detected: the transaction it chose to abort is run again from the start.
const DEADLOCK = "40P01";
const DEADLOCK_ATTEMPTS = 3;
const BUMP = "update lightgate_changes set n = n + 1 where id = 1";

type Work<T> = (tx: SqliteDb) => Promise<T>;
export type ChainHeadRow = { seq: number; hash: string };

/** A project's lock key: FNV-1a of its id, as a signed 32-bit number. Two projects sharing one only queue together. */
export function projectLockKey(projectId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < projectId.length; i++) {
    hash ^= projectId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** The statements that open a transaction with its locks, and how many they are. */
function opening(locks: Locks): [string, number] {
  switch (locks.scope) {
    case "all":
      return [`begin; select pg_advisory_xact_lock(${WRITE_LOCK}); ${BUMP}`, 3];
    case "project":
      return [
        `begin; select pg_advisory_xact_lock_shared(${WRITE_LOCK}), ` +
          `pg_advisory_xact_lock(${PROJECT_LOCKS}, ${projectLockKey(locks.projectId)})`,
        2,
      ];
    case "rows":
      return ["begin", 1];
  }
}

/** One write transaction; a command on one project passes its id (see the file's header). */
export async function postgresTransaction<T>(db: object, work: Work<T>, projectId?: string): Promise<T> {
  const handle = handleOf(db);
  const open = insideTransaction.getStore();
  // Inside a transaction of the same pool (even when called with the pool itself): a savepoint,
  // never a second connection waiting for the lock the first one holds.
  if (open?.pool === handle.pool) return await savepoint(handle, open, work, projectId);
  for (let attempt = 1; ; attempt++) {
    const locks: Locks = projectId ? { scope: "project", projectId, auditLocked: false } : { scope: "all" };
    try {
      return await runTransaction(handle, locks, work);
    } catch (error) {
      if (attempt >= DEADLOCK_ATTEMPTS || !isDeadlock(error)) throw error;
    }
  }
}

/**
 * A transaction without the writers' advisory lock, for work that touches only rows it locks
 * itself (`FOR UPDATE SKIP LOCKED`: the outbox's delivery claims; a token's last use), so instances
 * work side by side instead of queueing behind every other write. `bump` counts it as a change.
 */
export async function postgresRowLockedTransaction<T>(db: object, work: Work<T>, bump: boolean): Promise<T> {
  const handle = handleOf(db);
  if (insideTransaction.getStore()?.pool === handle.pool) throw new Error("Row-locked transactions do not nest");
  return await runTransaction(handle, { scope: "rows", counts: bump }, work);
}

/**
 * Before reading the audit chain's head to append after it: a project's command takes the chain's
 * lock, bumps the change counter and reads the head, in one round trip (each statement sees what
 * committed before it started, so the head is read after the lock is held). Returns that head
 * (undefined for an empty chain), or null when the transaction needed no lock here: installation-
 * wide writers already hold every writer off, and a command takes the lock once.
 */
export async function lockAuditChain(): Promise<{ head: ChainHeadRow | undefined } | null> {
  const open = insideTransaction.getStore();
  if (!open || open.locks.scope !== "project" || open.locks.auditLocked) return null;
  const head = "select seq, hash from audit_events order by seq desc limit 1";
  const results = (await open.client.query(
    `select pg_advisory_xact_lock(${AUDIT_LOCK}); ${BUMP}; ${head}`,
  )) as unknown as Array<{ rows: ChainHeadRow[] }>;
  open.locks.auditLocked = true;
  return { head: results[2].rows[0] };
}

/**
 * Holds the transaction's last statement to send it with its COMMIT (the batch its work queued,
 * whose answer no one reads): false, and nothing held, outside a transaction, inside a savepoint,
 * or when its values cannot be inlined (db/postgres-held.ts); the caller then runs it at once.
 */
export function holdUntilCommit(tx: object, statement: SQL): boolean {
  const open = insideTransaction.getStore();
  if (!open || open.depth > 0) return false;
  const { sql, params } = (tx as unknown as { dialect: PgDialect }).dialect.sqlToQuery(statement);
  return open.client.holdStatement(sql, params);
}

/**
 * Whether the change counter is bumped just before the commit: a project's command that appended
 * nothing (appending bumps it with the chain's lock), and a row-locked transaction that counts as a
 * change. Installation-wide writers bump it as they open.
 */
function countedAtEnd(locks: Locks): boolean {
  if (locks.scope === "project") return !locks.auditLocked;
  return locks.scope === "rows" && locks.counts;
}

function handleOf(db: object): Handle {
  const handle = handles.get(db);
  if (!handle) throw new Error("transaction() needs a database opened by openDatabase()");
  return handle;
}

async function runTransaction<T>(handle: Handle, locks: Locks, work: Work<T>): Promise<T> {
  const connection = await handle.pool.connect();
  const client = new HoldingClient(connection);
  let broken: Error | undefined;
  try {
    client.hold(...opening(locks));
    const tx = drizzle(client as unknown as PoolClient);
    handles.set(tx, handle);
    const open: OpenTransaction = { pool: handle.pool, client, tx, locks, depth: 0 };
    const result = await insideTransaction.run(open, () => work(tx as unknown as SqliteDb));
    if (countedAtEnd(locks)) client.hold(BUMP, 1);
    await client.query("commit");
    return result;
  } catch (error) {
    // Nothing to undo when nothing was sent. A connection that cannot even roll back is closed
    // rather than handed to the next writer.
    if (client.sent) await connection.query("rollback").catch((e: Error) => (broken = e));
    throw error;
  } finally {
    connection.release(broken);
  }
}

async function savepoint<T>(
  handle: Handle,
  open: OpenTransaction,
  work: Work<T>,
  projectId: string | undefined,
): Promise<T> {
  const depth = open.depth + 1;
  const name = `lightgate_${depth}`;
  // Locks taken inside a savepoint that rolls back are released with it: this level's own copy,
  // handed to the level above only when the savepoint is kept.
  const locks: Locks = { ...open.locks };
  const otherProject = projectId && locks.scope === "project" && locks.projectId !== projectId;
  await open.client.query(
    otherProject
      ? `savepoint ${name}; select pg_advisory_xact_lock(${PROJECT_LOCKS}, ${projectLockKey(projectId)})`
      : `savepoint ${name}`,
  );
  try {
    const tx = drizzle(open.client as unknown as PoolClient);
    handles.set(tx, handle);
    const result = await insideTransaction.run({ ...open, tx, locks, depth }, () => work(tx as unknown as SqliteDb));
    await open.client.query(`release savepoint ${name}`);
    if (locks.scope === "project" && locks.auditLocked && open.locks.scope === "project") open.locks.auditLocked = true;
    return result;
  } catch (error) {
    await open.client.query(`rollback to savepoint ${name}`);
    throw error;
  }
}

function isDeadlock(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === DEADLOCK) return true;
  }
  return false;
}
