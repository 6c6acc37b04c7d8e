// The few SQL expressions the two dialects spell differently, for lib/data. The dialect is the
// process's (DATABASE_URL), as for the tables in db/schema.ts.
import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { databaseDialect } from "./url";

const onPostgres = databaseDialect() === "postgres";

/**
 * A join that keeps the tables in the order written: SQLite's CROSS JOIN (which also takes ON)
 * stops its planner from reordering; PostgreSQL plans a plain join well and refuses CROSS … ON.
 */
export const joinInThisOrder: SQL = sql.raw(onPostgres ? "join" : "cross join");

/** Number of elements of a JSON array column. */
export function jsonArrayLength(column: SQLWrapper): SQL<number> {
  return onPostgres ? sql<number>`jsonb_array_length(${column})` : sql<number>`json_array_length(${column})`;
}

/** `column LIKE pattern` ignoring case (SQLite's LIKE already does for ASCII; PostgreSQL needs ILIKE). `\` escapes. */
export function likeIgnoringCase(column: SQLWrapper, pattern: string): SQL {
  return onPostgres ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}
