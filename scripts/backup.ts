// `npm run backup -- <file>`: a consistent online backup of the database (safe while the app
// runs). SQLite (DATABASE_URL unset): the online backup API, then the copy is opened and its audit
// chain verified. PostgreSQL: pg_dump in custom format, the dump's table list checked, then the
// live database's counts and audit chain. See docs/backup.md for restoring.
// Exits 0 when all is well, 1 when the audit chain is broken, 2 when no backup was made.
import { closeDatabase, connectDatabase, type Db } from "@/db/client";
import { databaseTarget } from "@/db/url";
import {
  backupDatabase,
  checkDatabase,
  checkDatabaseFile,
  describeVerdict,
  dumpPostgres,
  toolConnection,
  type BackupCheck,
} from "@/lib/data/backup";
import { currentKeyWhereabouts } from "@/lib/secret-box";

const file = process.argv[2];
if (!file) {
  console.error(
    "Usage: npm run backup -- <backup file>   (e.g. backups/lightgate-2026-01-31.db, or .dump on PostgreSQL)",
  );
  process.exit(2);
}

let db: Db | undefined;
let secret = "";
try {
  const target = databaseTarget();
  const started = Date.now();
  let check: BackupCheck;
  if (target.dialect === "sqlite") {
    db = await connectDatabase(target);
    const copy = await backupDatabase(db, file);
    await closeDatabase(db);
    db = undefined;
    check = await checkDatabaseFile(copy.file);
    console.log(`Backed up ${target.display}`);
    console.log(`       to ${copy.file} (${copy.pages} pages in ${Date.now() - started} ms)`);
    console.log(`Contains ${check.projects} projects, ${check.users} accounts, ${check.auditEvents} audit events.`);
  } else {
    secret = toolConnection(target.url).password;
    db = await connectDatabase(target);
    const dump = await dumpPostgres(db, target.url, file);
    const dumpedIn = Date.now() - started;
    // Counted just after the dump: writes that landed meanwhile are in these figures, not in the dump.
    check = await checkDatabase(db, target.display);
    console.log(`Backed up ${target.display}`);
    console.log(
      `       to ${dump.file} (${dump.tables} tables, ${dump.bytes} bytes in ${dumpedIn} ms; restore with ` +
        `pg_restore, see docs/backup.md)`,
    );
    console.log(
      `The live database holds ${check.projects} projects, ${check.users} accounts, ${check.auditEvents} audit events.`,
    );
  }
  console.log(describeVerdict(check.chain));
  // The backup holds sealed values and names sealed files, never the key (a stolen backup stays
  // unreadable); without the key, a restored backup's uploads and secrets cannot be read.
  const key = currentKeyWhereabouts();
  if (key) {
    console.log(
      `Not in the backup: the encryption key ${key.name} (${key.where}). Keep a copy of it with your backups, ` +
        "stored apart from them: without it the uploads and sealed values cannot be read (docs/backup.md).",
    );
  }
  process.exitCode = check.chain.ok ? 0 : 1;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Backup failed: ${secret ? message.replaceAll(secret, "***") : message}`);
  process.exitCode = 2;
} finally {
  if (db) await closeDatabase(db).catch(() => undefined);
}
