// Resetting a PostgreSQL test database to the migrated template's state, instead of copying the
// template for every test (CREATE DATABASE … TEMPLATE costs about a second on a loaded machine; this
// costs a few tens of milliseconds).
//
// What a test can change in its database, and how each is put back:
// - sessions: the test's pools are closed by the caller; every other backend on the database is
//   terminated here (and awaited), which also ends its transactions, advisory locks, LISTENs and
//   temporary tables;
// - rows: one TRUNCATE of every table in every non-system schema, RESTART IDENTITY, then the rows
//   the migrations inserted (lightgate_changes' counter, drizzle's own journal) are written back
//   from the template's copy, in the template's physical order;
// - sequences, owned by a column or standalone: each is set back to the template's last_value and
//   is_called (RESTART IDENTITY alone would rewind drizzle's journal id below its rows);
// - anything outside rows and sequences (DDL, large objects, per-database settings): not reset but
//   detected, by a fingerprint of the catalogs that a copy shares with its template (same OIDs).
//   A database whose fingerprint differs is not reusable: the caller copies the template again.
//
// The template's state (TemplateState) is read once, by the global setup, just after migrating it.
import pg from "pg";

type Queryable = pg.Pool | pg.Client;

export type TemplateState = {
  /** Every table of the non-system schemas, quoted and schema-qualified, sorted. */
  tables: string[];
  /** The rows of the tables that are not empty, as json_agg text in physical order. */
  rows: Record<string, string>;
  /** Every sequence's position, by quoted qualified name. */
  sequences: Record<string, { lastValue: string; isCalled: boolean }>;
  /** md5 of the catalog rows a test could change without writing to a table (see catalogFingerprint). */
  catalog: string;
};

const userRelations = `
  select c.oid, format('%I.%I', n.nspname, c.relname) as name, c.relkind
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'`;

// OIDs are part of each line: a table dropped and created again under its old name is a change.
const catalogFingerprint = `
  with rel as (${userRelations}),
  lines(line) as (
    select format('ns %s %s', oid, nspname) from pg_namespace
      where nspname <> 'information_schema' and nspname not like 'pg\\_%'
    union all select format('rel %s %s %s', oid, name, relkind) from rel
    union all select format('att %s %s %s %s %s %s %s %s %s', a.attrelid, a.attnum, a.attname, a.atttypid,
        a.attnotnull, a.atthasdef, a.attisdropped, a.attidentity, a.attgenerated)
      from pg_attribute a join rel on rel.oid = a.attrelid where a.attnum > 0
    union all select format('def %s %s %s', d.adrelid, d.adnum, pg_get_expr(d.adbin, d.adrelid))
      from pg_attrdef d join rel on rel.oid = d.adrelid
    union all select format('con %s %s %s %s', c.oid, c.conname, c.conrelid, pg_get_constraintdef(c.oid))
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
    union all select format('seq %s %s %s %s %s %s', s.seqrelid, s.seqincrement, s.seqstart, s.seqmin, s.seqmax,
        s.seqcycle) from pg_sequence s join rel on rel.oid = s.seqrelid
    union all select format('trg %s %s %s', t.oid, t.tgname, t.tgenabled)
      from pg_trigger t join rel on rel.oid = t.tgrelid
    union all select format('proc %s %s', p.oid, p.proname) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'
    union all select format('ext %s %s', extname, extversion) from pg_extension
    union all select format('lo %s', count(*)) from pg_largeobject_metadata
    union all select format('setting %s %s', s.setrole, s.setconfig) from pg_db_role_setting s
      join pg_database d on d.oid = s.setdatabase where d.datname = current_database()
  )
  select md5(string_agg(line, E'\\n' order by line)) as catalog from lines`;

/** Reads the state a reset restores, and the catalog fingerprint; also used to compare two databases. */
export async function readTemplateState(db: Queryable): Promise<TemplateState> {
  const relations = await db.query<{ name: string; relkind: string }>(
    `select name, relkind from (${userRelations}) rel where relkind in ('r', 'p', 'S') order by name`,
  );
  const tables = relations.rows.filter((row) => row.relkind !== "S").map((row) => row.name);
  const sequenceNames = relations.rows.filter((row) => row.relkind === "S").map((row) => row.name);
  const rows: Record<string, string> = {};
  if (tables.length > 0) {
    const contents = await db.query<{ name: string; rows: string | null }>(
      tables
        .map((table) => `select ${literal(table)} as name, (select json_agg(t)::text from ${table} t) as rows`)
        .join(" union all "),
    );
    for (const row of contents.rows) if (row.rows !== null) rows[row.name] = row.rows;
  }
  const sequences: TemplateState["sequences"] = {};
  if (sequenceNames.length > 0) {
    const positions = await db.query<{ name: string; last_value: string; is_called: boolean }>(
      sequenceNames
        .map((name) => `select ${literal(name)} as name, last_value::text, is_called from ${name}`)
        .join(" union all "),
    );
    for (const row of positions.rows) sequences[row.name] = { lastValue: row.last_value, isCalled: row.is_called };
  }
  const { rows: fingerprint } = await db.query<{ catalog: string }>(catalogFingerprint);
  return { tables, rows, sequences, catalog: fingerprint[0].catalog };
}

/**
 * Puts the database `db` is connected to (as a superuser) back into the template's state. False
 * when its catalog no longer matches the template's: then only a new copy is equal to a fresh one.
 */
export async function resetToTemplate(db: Queryable, template: TemplateState): Promise<boolean> {
  // A closed pool's sessions end a moment after its end() resolves: wait (up to a second) for them, as
  // terminating them would make their clients report an error. The rest are terminated, waiting
  // (up to 10 s each) until they are gone: their locks and LISTENs go with them.
  for (let poll = 0; poll < 100 && (await otherSessions(db)) > 0; poll++) await sleep(10);
  await db.query(
    `select pg_terminate_backend(pid, 10000) from pg_stat_activity
     where datname = current_database() and pid <> pg_backend_pid()`,
  );
  const { rows } = await db.query<{ catalog: string }>(catalogFingerprint);
  if (rows[0].catalog !== template.catalog) return false;
  await db.query(restoreScript(template));
  return true;
}

async function otherSessions(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()",
  );
  return rows[0].n;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Built once per template state: one round trip, one transaction.
const scripts = new WeakMap<TemplateState, string>();
function restoreScript(template: TemplateState): string {
  let script = scripts.get(template);
  if (script) return script;
  const statements = ["begin"];
  if (template.tables.length > 0) statements.push(`truncate ${template.tables.join(", ")} restart identity cascade`);
  for (const [table, json] of Object.entries(template.rows)) {
    statements.push(
      `insert into ${table} overriding system value select * from json_populate_recordset(null::${table}, ` +
        `${literal(json)}::json)`,
    );
  }
  const positions = Object.entries(template.sequences).map(
    ([name, { lastValue, isCalled }]) => `setval(${literal(name)}::regclass, ${lastValue}, ${isCalled})`,
  );
  if (positions.length > 0) statements.push(`select ${positions.join(", ")}`);
  statements.push("commit");
  script = statements.join(";\n");
  scripts.set(template, script);
  return script;
}

function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
