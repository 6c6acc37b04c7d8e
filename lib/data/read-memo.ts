// Memoised reads for the busiest page (the dashboard), valid until the database changes.
//
// Every entry remembers the database's change stamp (db/client.ts `changeStamp`) taken before
// it was computed. Any committed write anywhere, by this process or another instance, changes
// the stamp and makes every entry stale, so a memoised answer is always the one a fresh read
// would give. (Stamped before the read: a commit landing during the read makes the entry stale
// at once rather than pairing an older answer with a newer stamp.) Keys must name everything else
// the answer depends on (the account, the query, the day). Reads inside a transaction must not
// use this (they may see their own uncommitted writes).
import { changeStamp, type Db } from "@/db/client";

type Entry = { stamp: string; value: unknown };
type Flight = { stamp: string; value: Promise<unknown> };

const CAPACITY = 500;
const memos = new WeakMap<Db, Map<string, Entry>>();
const flights = new WeakMap<Db, Map<string, Flight>>();

/**
 * The answer of `read` for `key`, from memory while the database has not changed. Callers that
 * miss at the same time, for the same key and stamp, share one read: when a write makes every
 * entry stale under load, each busy key is computed once, not once per waiting request (ten
 * dashboards of 10,000 projects computed side by side once exhausted the server's heap).
 */
export async function memoRead<T>(db: Db, key: string, read: () => Promise<T>): Promise<T> {
  let memo = memos.get(db);
  if (!memo) memos.set(db, (memo = new Map()));
  let flying = flights.get(db);
  if (!flying) flights.set(db, (flying = new Map()));
  const stamp = await changeStamp(db);
  // Looked up after the stamp's await: a caller that waited for it sees what others stored meanwhile.
  const hit = memo.get(key);
  if (hit && hit.stamp === stamp) {
    memo.delete(key);
    memo.set(key, hit); // most recently used last
    return hit.value as T;
  }
  const shared = flying.get(key);
  if (shared && shared.stamp === stamp) return (await shared.value) as T;
  const value = read();
  const flight = { stamp, value };
  flying.set(key, flight);
  try {
    const answer = await value;
    // A read that itself wrote (cached health brought up to date) misses once more, then holds.
    memo.set(key, { stamp, value: answer });
    if (memo.size > CAPACITY) memo.delete(memo.keys().next().value!);
    return answer;
  } finally {
    if (flying.get(key) === flight) flying.delete(key);
  }
}
