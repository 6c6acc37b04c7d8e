// `npm run keys:rotate [-- --limit <files>]`: a new encryption key for uploads and sealed database
// values (lib/data/key-rotation.ts). Safe to interrupt and to run again: a second run carries on
// where the first stopped, and the previous key is removed only when nothing is sealed under it.
// With LIGHTGATE_ENCRYPTION_KEY set, the keys live in the environment, which this command cannot
// rewrite: it prints a new key and what to set, and re-seals once both variables are set.
// Exits 0 when the rotation is complete, 1 when something is left (run it again), 2 on an error.
import { randomBytes } from "node:crypto";
import { closeDatabase, type Db } from "@/db/client";
import { keysFromEnvironment, rotateKeys, type RotationReport } from "@/lib/data/key-rotation";
import { KeyFileError } from "@/lib/key-files";
import { ENCRYPTION_KEY, keyName, PREVIOUS_ENCRYPTION_KEY } from "@/lib/secret-box";
import { openCommandDatabase } from "./database";

function limitArgument(): number | undefined {
  const at = process.argv.indexOf("--limit");
  if (at < 0) return undefined;
  const limit = Number(process.argv[at + 1]);
  if (!Number.isInteger(limit) || limit < 1) {
    console.error("--limit takes a whole number of files, e.g. --limit 500.");
    process.exit(2);
  }
  return limit;
}

function explainEnvironmentRotation(): void {
  const next = randomBytes(ENCRYPTION_KEY.bytes).toString("base64");
  console.log(
    [
      `The encryption key comes from ${ENCRYPTION_KEY.envVar}, which this command cannot change. To rotate it:`,
      "",
      "1. On every instance, set the current key as the previous one and this new key as the current one,",
      "   then restart them (they seal with the new key and still read what the previous one sealed):",
      `     ${PREVIOUS_ENCRYPTION_KEY.envVar}=<the value ${ENCRYPTION_KEY.envVar} has now>`,
      `     ${ENCRYPTION_KEY.envVar}=${next}`,
      "2. Run `npm run keys:rotate` again with both variables set: it re-seals every file and value.",
      `3. When it reports nothing left under the previous key, remove ${PREVIOUS_ENCRYPTION_KEY.envVar}.`,
      "",
      `The new key's id will be ${keyName(Buffer.from(next, "base64"))}. Keep it with your backups (docs/backup.md).`,
    ].join("\n"),
  );
}

function describe(report: RotationReport): string[] {
  const lines = [
    report.start === "started"
      ? `New key ${report.currentKey}; the previous key ${report.previousKey} stays until everything is re-sealed.`
      : report.start === "resumed"
        ? `Carrying on the rotation from key ${report.previousKey} to ${report.currentKey}.`
        : `Key ${report.currentKey}: no previous key, nothing to re-seal.`,
    `Uploads: ${report.uploads.files} files looked at, ${report.uploads.resealed} re-sealed, ` +
      `${report.uploads.sealed} plaintext files sealed.`,
  ];
  for (const column of report.columns) {
    lines.push(`${column.label}: ${column.values} values, ${column.resealed} re-sealed.`);
  }
  if (report.uploads.broken.length > 0) {
    lines.push(
      `${report.uploads.broken.length} files fail their integrity check (altered on disk) and keep the previous ` +
        `key alive; restore them from a backup: ${report.uploads.broken.join(", ")}`,
    );
  }
  const brokenValues = report.columns.reduce((n, c) => n + c.broken, 0);
  if (brokenValues > 0) lines.push(`${brokenValues} database values fail their integrity check.`);
  if (report.uploads.foreign.length > 0) {
    lines.push(
      `${report.uploads.foreign.length} files are sealed under a key that is neither the current nor the previous ` +
        `one; they were left as they are: ${report.uploads.foreign.join(", ")}`,
    );
  }
  if (report.leftUnderPrevious > 0) {
    lines.push(`${report.leftUnderPrevious} files or values are still under the previous key: run this again.`);
  } else if (report.previousRemoved) {
    lines.push("Nothing is sealed under the previous key any more: it was removed. The rotation is complete.");
  } else if (keysFromEnvironment() && report.previousKey) {
    lines.push(`Nothing is sealed under the previous key any more: remove ${PREVIOUS_ENCRYPTION_KEY.envVar}.`);
  }
  return lines;
}

if (keysFromEnvironment() && !process.env[PREVIOUS_ENCRYPTION_KEY.envVar]?.trim()) {
  explainEnvironmentRotation();
  process.exit(0);
}

const limit = limitArgument();
let db: Db | undefined;
try {
  db = await openCommandDatabase();
  const report = await rotateKeys(db, { limit });
  for (const line of describe(report)) console.log(line);
  process.exitCode = report.leftUnderPrevious === 0 ? 0 : 1;
} catch (error) {
  if (!(error instanceof KeyFileError)) throw error;
  console.error(`Cannot rotate the key: ${error.message}`);
  process.exitCode = 2;
} finally {
  if (db) await closeDatabase(db);
}
