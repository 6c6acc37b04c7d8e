// Statements whose SQL text is built once. Drizzle builds a query's text from its builder on every
// run, and for a wide statement that costs more than running it: 40–100 µs of Node's CPU for a
// project with its members, an API token with its account, a gate (measured on this machine), on
// every request that reads them. `reusedQuery` builds the text once per dialect, with placeholders
// where the values go, and then only runs it, on whichever connection it is given: the database,
// or the open transaction (on PostgreSQL its own client, on SQLite the writer).
//
// On PostgreSQL the query also has a name (from its text), so that each connection parses and plans
// it once, as a prepared statement, and then only binds values and runs it: the API token's
// account took PostgreSQL 370–410 µs a round trip unnamed, 180–240 µs named. (Sent with other
// statements in one simple query, by db/postgres-held.ts or db/postgres-reads.ts, it goes unnamed.)
//
// It relies on how drizzle-orm 0.45's prepared queries keep their connection (`stmt` for
// better-sqlite3, `client` for node-postgres) and their name: db/reused.test.ts runs it on both
// dialects, inside and outside transactions.
import { createHash } from "node:crypto";
import { type Placeholder, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "./client";

/** The placeholders a reused query's builder puts where its values go: `p.projectId`, … */
export type Placeholders<K extends string> = { readonly [Key in K]: Placeholder<Key> };

type Prepared = { execute(values: Record<string, unknown>): PromiseLike<unknown> | unknown };
type Session = { client: { prepare?: (source: string) => unknown } };
type Connected = Prepared & {
  stmt?: unknown;
  client?: unknown;
  query?: { sql: string };
  rawQueryConfig?: { name?: string; text: string };
  queryConfig?: { name?: string };
};

const placeholders = new Proxy({} as Record<string, Placeholder>, {
  get: (_, name) => (typeof name === "string" ? sql.placeholder(name) : undefined),
});

/**
 * A read built once and run many times. `build` makes it with `p.<name>` where each value goes
 * (strings and numbers, passed to the driver as they are); the returned function runs it on `db`
 * with the values and answers what awaiting the builder would. Not for inserts: the values the
 * schema computes for a row (`$defaultFn`: ids, times) would be computed once, when it is built.
 */
export function reusedQuery<K extends string, Q extends PromiseLike<unknown> & { prepare(): unknown }>(
  build: (db: Db, p: Placeholders<K>) => Q,
): (db: DbOrTx, values: Record<K, string | number>) => Promise<Awaited<Q>> {
  const built = new Map<unknown, Connected>();
  return async (db, values): Promise<Awaited<Q>> => {
    const session = (db as unknown as { session: Session }).session;
    let prepared = built.get(session.constructor);
    if (!prepared) {
      prepared = named(build(db, placeholders as Placeholders<K>).prepare() as Connected);
      built.set(session.constructor, prepared);
    }
    const rows: unknown = await on(prepared, session).execute(values);
    return rows as Awaited<Q>;
  };
}

/** The prepared query bound to the session's connection instead of the one it was built on. */
function on(prepared: Connected, session: Session): Prepared {
  if ("stmt" in prepared) {
    // better-sqlite3: its statement is compiled per connection (db/sqlite.ts keeps them).
    const stmt = session.client.prepare!(prepared.query!.sql);
    return Object.create(prepared, { stmt: { value: stmt } }) as Prepared;
  }
  if ("client" in prepared) return Object.create(prepared, { client: { value: session.client } }) as Prepared;
  throw new Error("reusedQuery: this prepared query keeps its connection where drizzle-orm 0.45 did not");
}

/** A node-postgres query named after its text: the same name on every connection, in every copy of this module. */
function named(prepared: Connected): Connected {
  if (prepared.rawQueryConfig && prepared.queryConfig) {
    const name = `lightgate_${createHash("sha256").update(prepared.rawQueryConfig.text).digest("hex").slice(0, 24)}`;
    prepared.rawQueryConfig.name = name;
    prepared.queryConfig.name = name;
  }
  return prepared;
}
