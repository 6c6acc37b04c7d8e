// Shared by the start commands: data folder, auth secret, migrations (and the demo seed in demo mode).
import { openDatabase, transaction, closeDatabase } from "@/db/client";
import { isSeeded, seedDemo } from "@/db/seed/demo";
import { authSecret } from "@/lib/auth-secret";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { databaseFile, dataDir } from "@/lib/env";

export async function prepareData(options: { demo: boolean }): Promise<void> {
  authSecret();
  const db = openDatabase(databaseFile());
  try {
    // Every mode needs the quality scale (DESIGN.md §5); only added when none exists yet.
    await transaction(db, async (tx) => void await ensureDefaultQualityScale(tx));
    if (options.demo && !await isSeeded(db)) {
      console.log("Seeding the demo portfolio…");
      await seedDemo(db);
    }
  } finally {
    closeDatabase(db);
  }
  console.log(`Data folder: ${dataDir()}`);
}
