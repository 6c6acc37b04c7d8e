// Memoised reads for the busiest page (the dashboard), valid until the database changes.
//
// Every entry remembers the database's change stamp when it was computed: this connection's
// total_changes() (rows written by this process, committed or not) and PRAGMA data_version
// (commits by any other connection, such as `npm run reports:weekly`). Any write anywhere
// changes the stamp and makes every entry stale, so a memoised answer is always the one a
// fresh read would give. Keys must name everything else the answer depends on (the account,
// the query, the day). Reads inside a transaction must not use this (they may see their own
// uncommitted writes).
import type { Db } from "@/db/client";

type Entry = { stamp: string; value: unknown };

const CAPACITY = 500;
const memos = new WeakMap<Db, Map<string, Entry>>();

/** The database's change stamp: it differs after any write by this process or commit by another. */
export function changeStamp(db: Db): string {
  const { changes } = db.$client.prepare("select total_changes() as changes").get() as { changes: number };
  return `${changes}:${db.$client.pragma("data_version", { simple: true })}`;
}

export async function memoRead<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  const hit = memo.get(key);
  if (hit && hit.stamp === changeStamp(db)) {
    memo.delete(key);
    memo.set(key, hit); // most recently used last
    return hit.value as T;
  }
  const value = await read();
  // Stamped after the read: writes the read itself made (cached health brought up to date) are part of it.
  memo.set(key, { stamp: changeStamp(db), value });
  if (memo.size > CAPACITY) memo.delete(memo.keys().next().value!);
  return value;
}
