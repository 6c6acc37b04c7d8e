// Online backup of the database (`npm run backup -- <file>`) and the check of a copy.
// SQLite's backup API copies a consistent snapshot page by page while the app keeps writing.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { openDatabase, type Db, first, closeDatabase } from "@/db/client";
import { auditEvents, projects, users } from "@/db/schema";
import { verifyAuditChain, type ChainVerdict } from "@/lib/audit";

export type BackupCheck = {
  file: string;
  projects: number;
  users: number;
  auditEvents: number;
  chain: ChainVerdict;
};

/** Copies the open database to `file` (a new file; refusing to overwrite one that exists). */
export async function backupDatabase(db: Db, file: string): Promise<{ file: string; pages: number }> {
  const target = path.resolve(file);
  if (existsSync(target)) throw new Error(`${target} already exists; choose a new file name.`);
  if (path.resolve(db.$client.name) === target) throw new Error("The backup cannot be the live database itself.");
  mkdirSync(path.dirname(target), { recursive: true });
  const result = await db.$client.backup(target);
  return { file: target, pages: result.totalPages };
}

/** Counts and the audit chain's verdict of an open database; `label` names it in the report. */
export async function checkDatabase(db: Db, label: string): Promise<BackupCheck> {
  const n = async (table: typeof projects | typeof users | typeof auditEvents) => (await first(db.select({ n: count() }).from(table)))?.n ?? 0;
  return { file: label, projects: await n(projects), users: await n(users), auditEvents: await n(auditEvents), chain: await verifyAuditChain(db) };
}

/** Opens a SQLite file as the app would (migrating it), verifies the audit chain, counts, closes. */
export async function checkDatabaseFile(file: string): Promise<BackupCheck> {
  const db = openDatabase(file);
  try {
    return await checkDatabase(db, path.resolve(file));
  } finally {
    await closeDatabase(db);
  }
}

/** A human summary of a chain verdict, naming the first broken event. */
export function describeVerdict(verdict: ChainVerdict): string {
  if (verdict.ok) return `Audit chain verified: ${verdict.events} events, head ${verdict.head}.`;
  return `Audit chain BROKEN at event #${verdict.brokenAt.seq} (id ${verdict.brokenAt.id}): ${verdict.problem}. ${verdict.events} events before it verified.`;
}
