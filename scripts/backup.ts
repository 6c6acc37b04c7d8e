// `npm run backup -- <file>`: a consistent online backup of the database (safe while the app
// runs), then opens the copy and verifies its audit chain. See docs/backup.md for restoring.
import { openDatabase, closeDatabase } from "@/db/client";
import { backupDatabase, checkDatabaseFile, describeVerdict } from "@/lib/data/backup";
import { databaseFile } from "@/lib/env";

const target = process.argv[2];
if (!target) {
  console.error("Usage: npm run backup -- <backup file>   (e.g. backups/lightgate-2026-01-31.db)");
  process.exit(2);
}
const source = databaseFile();
try {
  const db = openDatabase(source);
  const started = Date.now();
  const { file, pages } = await backupDatabase(db, target);
  await closeDatabase(db);
  const check = await checkDatabaseFile(file);
  console.log(`Backed up ${source}`);
  console.log(`       to ${file} (${pages} pages in ${Date.now() - started} ms)`);
  console.log(`Contains ${check.projects} projects, ${check.users} accounts, ${check.auditEvents} audit events.`);
  console.log(describeVerdict(check.chain));
  process.exit(check.chain.ok ? 0 : 1);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
