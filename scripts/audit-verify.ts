// `npm run audit:verify`: walks the audit hash chain of the database (DATABASE_URL, or the SQLite
// file at LIGHTGATE_DATA_DIR / LIGHTGATE_DATABASE). Exits 0 when every event fits, 1 naming the
// first broken event, 2 when the database cannot be read.
import { closeDatabase } from "@/db/client";
import { checkDatabase, checkDatabaseFile, describeVerdict } from "@/lib/data/backup";
import { commandTarget, openCommandDatabase } from "./database";

const target = commandTarget();
try {
  let check;
  if (target.dialect === "sqlite") check = await checkDatabaseFile(target.file);
  else {
    const db = await openCommandDatabase(target);
    try {
      check = await checkDatabase(db, target.display);
    } finally {
      await closeDatabase(db);
    }
  }
  console.log(`Database: ${check.file}`);
  console.log(describeVerdict(check.chain));
  process.exit(check.chain.ok ? 0 : 1);
} catch (error) {
  console.error(`Could not verify ${target.display}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
