// Shared by the start commands: data folder, auth secret, migrations (and the demo seed in demo mode).
import { randomBytes } from "node:crypto";
import { closeDatabase, dialectOf, transaction } from "@/db/client";
import { sharedSetting } from "@/db/postgres";
import { isSeeded, seedDemo } from "@/db/seed/demo";
import { authSecret } from "@/lib/auth-secret";
import { checkAuditSigningKey } from "@/lib/data/audit-checkpoints";
import { ensureDefaultQualityScale } from "@/lib/data/quality-scale";
import { prepareUploadsAtRest } from "@/lib/data/upload-sealing";
import { dataDir } from "@/lib/env";
import { KeyFileError } from "@/lib/key-files";
import { commandTarget, openCommandDatabase } from "./database";

/** The encryption key and the uploads sealed under it; a wrong key file stops the start with one line. */
function prepareEncryption(): void {
  try {
    for (const line of prepareUploadsAtRest()) console.log(line);
  } catch (error) {
    if (!(error instanceof KeyFileError)) throw error;
    console.error(`Lightgate cannot start: ${error.message}`);
    process.exit(1);
  }
}

export async function prepareData(options: { demo: boolean }): Promise<void> {
  prepareEncryption();
  const target = commandTarget();
  const db = await openCommandDatabase(target);
  try {
    // Instances on one PostgreSQL database must sign sessions with the same secret: unless
    // AUTH_SECRET is set, the first one generates it and every one reads it from the database.
    if (dialectOf(db) === "postgres" && !process.env.AUTH_SECRET) {
      process.env.AUTH_SECRET = await sharedSetting(db, "auth_secret", () => randomBytes(32).toString("base64url"));
    }
    authSecret();
    // A wrong audit signing key stops the start here with one line, before any command signs with it.
    await checkAuditSigningKey(db).catch(stopOnKeyFile);
    // Every mode needs the quality scale (DESIGN.md §5); only added when none exists yet.
    await transaction(db, async (tx) => void (await ensureDefaultQualityScale(tx)));
    if (options.demo && !(await isSeeded(db))) {
      console.log("Seeding the demo portfolio…");
      // seedDemo checks again inside its transaction: a second instance starting at once skips.
      if (!(await seedDemo(db))) console.log("Another instance seeded it first.");
    }
  } finally {
    await closeDatabase(db);
  }
  console.log(`Database: ${target.display}`);
  console.log(`Data folder: ${dataDir()}`);
}

/** A key file problem is the operator's to fix: one line saying what and how, no stack trace. */
function stopOnKeyFile(error: unknown): never {
  if (!(error instanceof KeyFileError)) throw error;
  console.error(error.message);
  process.exit(1);
}
