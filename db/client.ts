import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import path from "node:path";
import { databaseFile } from "@/lib/env";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Query functions accept the database or an open transaction. */
export type DbOrTx = Db | Tx;

const migrationsFolder = path.join(process.cwd(), "db", "migrations");

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

/** Opens a database file (or ":memory:"), sets the pragmas every connection needs, migrates. */
export function openDatabase(file: string): Db {
  const sqlite = new Database(file);
  reuseStatements(sqlite);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  // FULL makes every commit durable (approvals and sign-offs must never be lost).
  sqlite.pragma("synchronous = FULL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return db as Db;
}

const cache = globalThis as unknown as { lightgateDb?: Db };

/** The process's one connection, cached on globalThis so hot reloads reuse it. */
export function getDb(): Db {
  if (!cache.lightgateDb) cache.lightgateDb = openDatabase(databaseFile());
  return cache.lightgateDb;
}
