// Shared by the start commands: data folder, auth secret, migrations (and the demo seed in demo mode).
import { openDatabase } from "@/db/client";
import { isSeeded, seedDemo } from "@/db/seed/demo";
import { authSecret } from "@/lib/auth-secret";
import { databaseFile, dataDir } from "@/lib/env";

export async function prepareData(options: { demo: boolean }): Promise<void> {
  authSecret();
  const db = openDatabase(databaseFile());
  try {
    if (options.demo && !isSeeded(db)) {
      console.log("Seeding the demo portfolio…");
      await seedDemo(db);
    }
  } finally {
    db.$client.close();
  }
  console.log(`Data folder: ${dataDir()}`);
}
