// Bulk inserts for the bench seed: each statement carries up to 5,000 rows as ONE JSON
// parameter that the database unpacks itself (SQLite json_each, PostgreSQL
// json_populate_recordset). drizzle's multi-row insert builds a bound parameter per value:
// measured on this machine it spent more CPU building statements and collecting their garbage
// than the databases spent inserting, which at 10,000 projects (about 3 million rows) is the
// difference between minutes and most of an hour. Runs through db/client's execute(), inside the
// caller's transaction(), so it is the same transaction and lock as every other write.
import { getTableColumns, getTableName, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import { dialectOf, execute, type Tx } from "@/db/client";

const ROWS_PER_STATEMENT = 5000;

/**
 * Inserts `rows` (drizzle's insert shape: property names, JS values) into `table`. Every row
 * must have the same properties, and every NOT NULL column without a value in them must have a
 * database default: no default functions run here, so pass ids and times explicitly.
 */
export async function insertRows<T extends SQLiteTable>(tx: Tx, table: T, rows: T["$inferInsert"][]): Promise<void> {
  if (!rows.length) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in (rows[0] as object));
  const names = columns.map(([, column]) => `"${column.name}"`).join(", ");
  const name = `"${getTableName(table)}"`;
  const postgres = dialectOf(tx) === "postgres";
  // The JSON keys are the column names; values stay JSON (booleans, numbers, nested JSON).
  const select = postgres
    ? `select ${names} from json_populate_recordset(null::${name}, `
    : `select ${columns.map(([, column]) => `json_extract(value, '$.${column.name}')`).join(", ")} from json_each(`;
  for (let i = 0; i < rows.length; i += ROWS_PER_STATEMENT) {
    const chunk = rows.slice(i, i + ROWS_PER_STATEMENT).map((row) => {
      const out: Record<string, unknown> = {};
      for (const [key, column] of columns) {
        const value = (row as Record<string, unknown>)[key];
        // SQLite stores JSON columns as text; PostgreSQL's jsonb takes the nested value itself.
        out[column.name] =
          !postgres && value !== null && typeof value === "object" ? JSON.stringify(value) : (value ?? null);
      }
      return out;
    });
    await execute(
      tx,
      sql`${sql.raw(`insert into ${name} (${names}) ${select}`)}${JSON.stringify(chunk)}${sql.raw(
        postgres ? "::json)" : ")",
      )}`,
    );
  }
}
