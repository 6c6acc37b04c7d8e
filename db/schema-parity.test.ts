// The two dialect schemas must describe one data model: lib/data writes each query once.
// This compares them table for table (columns, keys, defaults, indexes, foreign keys) at run
// time, and their row types at compile time (npx tsc --noEmit).
import { Column, getTableName, is, Relations, SQL, Table } from "drizzle-orm";
import { getTableConfig as pgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteTableConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import { describe, expect, expectTypeOf, it } from "vitest";
import * as pgSchema from "./schema-pg";
import * as sqliteSchema from "./schema-sqlite";

type AnyConfig = ReturnType<typeof sqliteTableConfig> | ReturnType<typeof pgTableConfig>;

// One renderer for both: the SQL in these schemas (a partial index's where, a JSON default)
// has no parameters, and quoted identifiers read the same in both dialects.
const sqliteDialect = new SQLiteSyncDialect();
const render = (sql: SQL) => sqliteDialect.sqlToQuery(sql).sql;

/** A database default as a comparable value: SQLite's sql`'[]'` and PostgreSQL's [] are both []. */
function defaultValue(column: Column): unknown {
  const value = column.default;
  if (!is(value, SQL)) return value;
  const text = render(value);
  const literal = /^'(.*)'$/s.exec(text);
  if (!literal) return { sql: text };
  try {
    return JSON.parse(literal[1].replaceAll("''", "'"));
  } catch {
    return literal[1];
  }
}

/** What a column promises to lib/data, whatever the dialect's type names. */
function describeColumn(column: Column & { autoIncrement?: boolean; generatedIdentity?: unknown }) {
  return {
    name: column.name,
    // drizzle's coarse JS type: "string", "number", "boolean", "json"…
    dataType: column.dataType,
    enumValues: column.enumValues ?? null,
    notNull: column.notNull,
    primary: column.primary,
    hasDefault: column.hasDefault,
    // Who fills a value left out: the app ($defaultFn), the database, or a key sequence.
    defaultBy: column.defaultFn
      ? "app"
      : column.default !== undefined
        ? "database"
        : column.autoIncrement || column.generatedIdentity
          ? "sequence"
          : "none",
    defaultValue: defaultValue(column),
    unique: column.isUnique ? (column.uniqueName ?? true) : false,
  };
}

// Key and index parts: a column (PostgreSQL's index parts are IndexedColumns, named too) or SQL.
const columnNames = (columns: unknown[]) =>
  columns.map((c) => (is(c, SQL) ? { sql: render(c) } : (c as { name: string }).name));

function describeTable(config: AnyConfig) {
  const byName = <T extends { name?: string }>(a: T, b: T) => String(a.name).localeCompare(String(b.name));
  return {
    name: config.name,
    columns: config.columns.map((c) => describeColumn(c)).sort(byName),
    primaryKeys: config.primaryKeys.map((pk) => ({ name: pk.getName(), columns: columnNames(pk.columns) })),
    uniqueConstraints: config.uniqueConstraints.map((u) => ({ name: u.getName(), columns: columnNames(u.columns) })),
    indexes: config.indexes
      .map(({ config: index }) => ({
        name: index.name,
        columns: columnNames(index.columns),
        unique: index.unique,
        where: index.where ? render(index.where) : null,
      }))
      .sort(byName),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const reference = fk.reference();
        return {
          name: fk.getName(),
          columns: columnNames(reference.columns),
          references: `${getTableName(reference.foreignTable)}(${columnNames(reference.foreignColumns).join(", ")})`,
          onDelete: fk.onDelete ?? "no action",
          onUpdate: fk.onUpdate ?? "no action",
        };
      })
      .sort(byName),
    checks: config.checks.map((check) => check.name).sort(),
  };
}

const exportsOf = (schema: Record<string, unknown>) =>
  Object.entries(schema).filter(([, value]) => !is(value, Relations));
const tablesOf = (schema: Record<string, unknown>) =>
  new Map(exportsOf(schema).filter(([, value]) => is(value, Table)) as [string, Table][]);

const sqliteTables = tablesOf(sqliteSchema);
const pgTables = tablesOf(pgSchema);

describe("db/schema-pg.ts mirrors db/schema-sqlite.ts", () => {
  it("exports the same names (tables, enums, helpers), relations aside", () => {
    expect(
      exportsOf(pgSchema)
        .map(([name]) => name)
        .sort(),
    ).toEqual(
      exportsOf(sqliteSchema)
        .map(([name]) => name)
        .sort(),
    );
    expect(sqliteTables.size).toBeGreaterThan(40);
    for (const [name, table] of sqliteTables) expect(is(table, SQLiteTable), name).toBe(true);
    for (const [name, table] of pgTables) expect(is(table, PgTable), name).toBe(true);
  });

  it.each([...sqliteTables.keys()])("%s: same columns, keys, defaults, indexes and foreign keys", (exportName) => {
    const sqlite = describeTable(sqliteTableConfig(sqliteTables.get(exportName) as SQLiteTable));
    const pg = pgTables.get(exportName);
    expect(pg, `db/schema-pg.ts has no table export ${exportName}`).toBeDefined();
    expect(describeTable(pgTableConfig(pg as PgTable))).toEqual(sqlite);
  });

  it("shares the enum value sets themselves, not copies", () => {
    expect(pgSchema.GATE_STATUSES).toBe(sqliteSchema.GATE_STATUSES);
    expect(pgSchema.PROJECT_ROLES).toBe(sqliteSchema.PROJECT_ROLES);
  });
});

// Compile-time: the rows lib/data reads and the values it inserts have the same TypeScript
// types on both dialects (bigint columns are read as numbers, jsonb as the declared type).
type Sqlite = typeof sqliteSchema;
type Pg = typeof pgSchema;
type Rows<S, Base> = {
  [K in keyof S as S[K] extends Base ? K : never]: S[K] extends Table ? S[K]["$inferSelect"] : never;
};
type Inserts<S, Base> = {
  [K in keyof S as S[K] extends Base ? K : never]: S[K] extends Table ? S[K]["$inferInsert"] : never;
};

describe("row types", () => {
  it("are the same for every table, selected and inserted", () => {
    expectTypeOf<Rows<Pg, PgTable>>().toEqualTypeOf<Rows<Sqlite, SQLiteTable>>();
    expectTypeOf<Inserts<Pg, PgTable>>().toEqualTypeOf<Inserts<Sqlite, SQLiteTable>>();
    expectTypeOf<pgSchema.User>().toEqualTypeOf<sqliteSchema.User>();
    expectTypeOf<pgSchema.AccountInvitation>().toEqualTypeOf<sqliteSchema.AccountInvitation>();
    expectTypeOf<pgSchema.ClientOrganization>().toEqualTypeOf<sqliteSchema.ClientOrganization>();
    expectTypeOf<pgSchema.Project>().toEqualTypeOf<sqliteSchema.Project>();
    expectTypeOf<pgSchema.ProjectMember>().toEqualTypeOf<sqliteSchema.ProjectMember>();
    expectTypeOf<pgSchema.AuditEvent>().toEqualTypeOf<sqliteSchema.AuditEvent>();
    expectTypeOf<pgSchema.Gate>().toEqualTypeOf<sqliteSchema.Gate>();
    expectTypeOf<pgSchema.Artifact>().toEqualTypeOf<sqliteSchema.Artifact>();
    expectTypeOf<pgSchema.ArtifactVersion>().toEqualTypeOf<sqliteSchema.ArtifactVersion>();
    expectTypeOf<pgSchema.Sprint>().toEqualTypeOf<sqliteSchema.Sprint>();
    expectTypeOf<pgSchema.ScopeItem>().toEqualTypeOf<sqliteSchema.ScopeItem>();
    expectTypeOf<pgSchema.PolicyGate>().toEqualTypeOf<sqliteSchema.PolicyGate>();
    expectTypeOf<pgSchema.Requirement>().toEqualTypeOf<sqliteSchema.Requirement>();
    expectTypeOf<pgSchema.GlobalRole>().toEqualTypeOf<sqliteSchema.GlobalRole>();
    expectTypeOf<pgSchema.ProjectRole>().toEqualTypeOf<sqliteSchema.ProjectRole>();
    expectTypeOf<pgSchema.SizeClass>().toEqualTypeOf<sqliteSchema.SizeClass>();
  });
});
