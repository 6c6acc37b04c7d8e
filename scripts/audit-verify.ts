// `npm run audit:verify`: walks the audit hash chain of the database at LIGHTGATE_DATA_DIR /
// LIGHTGATE_DATABASE. Exits 0 when every event fits, 1 naming the first broken event.
import { checkDatabaseFile, describeVerdict } from "@/lib/data/backup";
import { databaseFile } from "@/lib/env";

const file = databaseFile();
try {
  const check = await checkDatabaseFile(file);
  console.log(`Database: ${check.file}`);
  console.log(describeVerdict(check.chain));
  process.exit(check.chain.ok ? 0 : 1);
} catch (error) {
  console.error(`Could not verify ${file}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
