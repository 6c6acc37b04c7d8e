// Where the bench keeps its data, per dialect and size, and when a seed can be reused.
// SQLite: one file per size under the bench data folder, never the app's own database.
// PostgreSQL: the database DATABASE_URL names, which must be empty or hold an earlier bench seed
// (checked before anything is written, even a migration), so that pointing the bench at real
// data can never wipe it.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import pg from "pg";
import { connectDatabase, execute, openDatabase, rows, sqliteClients, type Db } from "@/db/client";
import { redactUrl, type DatabaseTarget } from "@/db/url";
import { BENCH_EMAIL_DOMAIN, seedBenchPortfolio, type SeedFigures } from "./seed-portfolio";

const STAMP_KEY = "bench_seed";

/** What a seed was made from: its size, the dialect's migrations and the seed code. Equal stamps: reuse. */
export function seedStamp(dialect: DatabaseTarget["dialect"], size: number): string {
  const hash = createHash("sha256");
  const folder = path.join(process.cwd(), "db", dialect === "postgres" ? "migrations-pg" : "migrations");
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    const full = path.join(folder, name);
    if (name.endsWith(".sql") || name.endsWith(".json")) hash.update(name).update(readFileSync(full));
  }
  hash.update(readFileSync(path.join(import.meta.dirname, "seed-portfolio.ts")));
  return JSON.stringify({ projects: size, schema: hash.digest("hex").slice(0, 16) });
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** A refusal to touch the database, printed as one line. */
export class NotABenchDatabase extends Error {}

/**
 * Refuses a PostgreSQL database that holds anything but a bench seed: accounts, projects or
 * audit events without the bench's mark, or any account outside the bench's domain.
 * Read-only, and before migrating: a database of another schema version is not altered either.
 */
export async function assertBenchOwned(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new NotABenchDatabase(`Cannot connect to PostgreSQL at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  try {
    const tables = new Set(
      (
        await client.query<{ name: string }>(
          "select table_name as name from information_schema.tables where table_schema = 'public'",
        )
      ).rows.map((r) => r.name),
    );
    if (tables.size === 0) return;
    const n = async (table: string) =>
      tables.has(table)
        ? Number((await client.query<{ n: string }>(`select count(*) as n from "${table}"`)).rows[0].n)
        : 0;
    const held = { users: await n("users"), projects: await n("projects"), audit: await n("audit_events") };
    if (held.users + held.projects + held.audit === 0) return;
    const marked =
      tables.has("lightgate_settings") &&
      (await client.query("select 1 from lightgate_settings where key = $1", [STAMP_KEY])).rowCount === 1;
    const strangers = tables.has("users")
      ? Number(
          (
            await client.query<{ n: string }>("select count(*) as n from users where email not like $1", [
              `%${BENCH_EMAIL_DOMAIN}`,
            ])
          ).rows[0].n,
        )
      : 0;
    if (!marked || strangers > 0) {
      throw new NotABenchDatabase(
        `Refusing to use ${redactUrl(url)}: it ` +
          `holds ${plural(held.users, "account")}, ${plural(held.projects, "project")} ` +
          `and ${plural(held.audit, "audit event")} that are not a bench seed; point DATABASE_URL at an empty ` +
          `database.`,
      );
    }
  } finally {
    await client.end();
  }
}

/** The stamp of the seed a PostgreSQL database holds (null: none or incomplete), read-only. */
export async function postgresSeedStamp(url: string): Promise<string | null> {
  await assertBenchOwned(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = (await client.query("select to_regclass('public.lightgate_settings') is not null as found")).rows[0]
      .found as boolean;
    if (!exists) return null;
    const found = await client.query<{ value: string }>("select value from lightgate_settings where key = $1", [
      STAMP_KEY,
    ]);
    return found.rows[0]?.value ?? null;
  } finally {
    await client.end();
  }
}

export type BenchDatabase = {
  db: Db;
  target: DatabaseTarget;
  dataDir: string;
  reused: boolean;
  seedSeconds: number;
  figures: SeedFigures | null;
};

/**
 * The database for one size, seeded unless its stamp says it already holds this seed. The
 * PostgreSQL database is shared by the sizes, so a different size empties it first.
 */
export async function prepareBenchDatabase(
  target: DatabaseTarget,
  size: number,
  benchDir: string,
  log: (line: string) => void,
): Promise<BenchDatabase> {
  const stamp = seedStamp(target.dialect, size);
  if (target.dialect === "sqlite") {
    const dataDir = path.join(benchDir, `sqlite-${size}`);
    const stampFile = path.join(dataDir, "seed-stamp.json");
    const file = path.join(dataDir, "lightgate.db");
    const reused = existsSync(stampFile) && existsSync(file) && readFileSync(stampFile, "utf8") === stamp;
    if (!reused) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
    }
    const db = openDatabase(file);
    const sqliteTarget: DatabaseTarget = { dialect: "sqlite", file, display: `SQLite ${file}` };
    if (reused) return { db, target: sqliteTarget, dataDir, reused, seedSeconds: 0, figures: null };
    const started = Date.now();
    // The seed inserts into indexes on random UUIDs (audit_events.id…): with SQLite's default
    // 2 MB page cache most of those inserts read pages back from the file. The app's own
    // connections keep the default; only this seeding connection gets 256 MB.
    const { writer } = sqliteClients(db);
    writer.pragma("cache_size = -262144");
    const figures = await seedBenchPortfolio(db, size, log);
    writer.pragma("cache_size = -2000");
    writer.pragma("wal_checkpoint(TRUNCATE)");
    writeFileSync(stampFile, stamp);
    return { db, target: sqliteTarget, dataDir, reused, seedSeconds: (Date.now() - started) / 1000, figures };
  }

  await assertBenchOwned(target.url);
  const dataDir = path.join(benchDir, "postgres");
  mkdirSync(dataDir, { recursive: true });
  const db = await connectDatabase(target);
  const [current] = await rows<{ value: string }>(
    db,
    sql`select value from lightgate_settings where key = ${STAMP_KEY}`,
  );
  if (current?.value === stamp) return { db, target, dataDir, reused: true, seedSeconds: 0, figures: null };
  // Marked before the first write, and stamped only once complete: an interrupted seed stays
  // the bench's (so the next run may empty it) but is never reused.
  await execute(
    db,
    sql`insert into lightgate_settings (key, value) values (${STAMP_KEY}, 'seeding') on conflict (key) do
        update set value = excluded.value`,
  );
  await emptyPostgres(db);
  const started = Date.now();
  const figures = await seedBenchPortfolio(db, size, log);
  // A bulk load leaves the planner without statistics and the visibility map unset (no
  // index-only scans) until autovacuum passes; a steady-state database has both.
  await execute(db, sql`vacuum analyze`);
  await execute(db, sql`update lightgate_settings set value = ${stamp} where key = ${STAMP_KEY}`);
  return { db, target, dataDir, reused: false, seedSeconds: (Date.now() - started) / 1000, figures };
}

/** Every table of the app emptied; the change counter and the shared settings stay. */
async function emptyPostgres(db: Db): Promise<void> {
  const tables = await rows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type =
        'BASE TABLE' and table_name not in ('lightgate_changes', 'lightgate_settings')`,
  );
  if (tables.length)
    await execute(db, sql.raw(`truncate ${tables.map((t) => `"${t.name}"`).join(", ")} restart identity cascade`));
}
