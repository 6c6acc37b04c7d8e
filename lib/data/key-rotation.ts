// `npm run keys:rotate`: a new data key, every upload file and every sealed database value sealed
// again under it, then the previous key removed. Each step leaves everything readable by the current
// or the previous key (a file is replaced atomically, a value in a compare-and-set update), so a run
// that is interrupted, or stopped at its limit, is resumed by running it again, and the previous key
// goes only when nothing is sealed under it any more.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { type Db, transaction } from "@/db/client";
import { twoFactorAccounts, webhookEndpoints } from "@/db/schema";
import { removeFileDurably } from "@/lib/atomic-file";
import { dataDir } from "@/lib/env";
import { KeyFileError, keyFilePath, readKeyFile, replaceKeyFile } from "@/lib/key-files";
import {
  ENCRYPTION_KEY,
  forgetKeys,
  type Keyring,
  keyName,
  keyring,
  PREVIOUS_ENCRYPTION_KEY,
  resealBytes,
  SealBroken,
  sealedBy,
  sealState,
} from "@/lib/secret-box";
import { sealUploadsUnderCurrentKey, uploadsUnderOtherKeys, type UploadSealingReport } from "@/lib/data/upload-sealing";
import { queuedEmailLinksUnderOtherKeys, resealQueuedEmailLinks } from "@/lib/data/email-messages";

/** A database column holding values of sealText(): rotated with the files. */
export type SealedColumn = {
  /** For the report ("two-factor secrets"). */
  label: string;
  table: SQLiteTable;
  /** The row's key, to update exactly that row. */
  id: SQLiteColumn;
  value: SQLiteColumn;
  /** The value column's property name in the table object (what `.set()` takes). */
  key: string;
};

/**
 * Every column that holds sealed values. A feature that seals a column with sealText() adds it here,
 * so a rotation re-seals it and does not drop the previous key while a value still needs it.
 */
export const SEALED_COLUMNS: SealedColumn[] = [
  {
    label: "two-factor keys",
    table: twoFactorAccounts,
    id: twoFactorAccounts.userId,
    value: twoFactorAccounts.secret,
    key: "secret",
  },
  {
    label: "two-factor keys being set up",
    table: twoFactorAccounts,
    id: twoFactorAccounts.userId,
    value: twoFactorAccounts.pendingSecret,
    key: "pendingSecret",
  },
  {
    label: "webhook secrets",
    table: webhookEndpoints,
    id: webhookEndpoints.id,
    value: webhookEndpoints.secret,
    key: "secret",
  },
  {
    label: "webhook secrets before a rotation",
    table: webhookEndpoints,
    id: webhookEndpoints.id,
    value: webhookEndpoints.previousSecret,
    key: "previousSecret",
  },
];

export type ColumnReport = { label: string; values: number; resealed: number; broken: number };

export type RotationReport = {
  /** "started": this run made the new key; "resumed": it carried on an earlier, unfinished run. */
  start: "started" | "resumed" | "nothing_to_do";
  currentKey: string;
  previousKey: string | null;
  uploads: UploadSealingReport;
  columns: ColumnReport[];
  /** Files and values still sealed under the previous key (zero once the rotation is complete). */
  leftUnderPrevious: number;
  /** The previous key file was removed; with keys in the environment this is the operator's step. */
  previousRemoved: boolean;
};

/** Where the keys come from: the data folder's files (rotated here) or the environment (rotated by the operator). */
export function keysFromEnvironment(): boolean {
  return Boolean(process.env[ENCRYPTION_KEY.envVar]?.trim());
}

/**
 * In the data folder: starts a rotation unless one is under way (the previous key file exists and
 * differs from the current one). The current key is kept as the previous one before the new key
 * replaces it, each file written atomically; a crash between the two leaves both files holding the
 * same key, which the next run takes for "not started".
 */
function beginRotation(): "started" | "resumed" {
  const currentFile = keyFilePath(ENCRYPTION_KEY);
  const previousFile = keyFilePath(PREVIOUS_ENCRYPTION_KEY);
  const current = keyring().current;
  if (existsSync(previousFile) && !readKeyFile(previousFile, PREVIOUS_ENCRYPTION_KEY).equals(current)) {
    return "resumed";
  }
  replaceKeyFile(previousFile, current);
  replaceKeyFile(currentFile, randomBytes(ENCRYPTION_KEY.bytes));
  forgetKeys();
  return "started";
}

async function resealColumn(db: Db, column: SealedColumn, ring: Keyring): Promise<ColumnReport> {
  const report: ColumnReport = { label: column.label, values: 0, resealed: 0, broken: 0 };
  const values = (await db.select({ id: column.id, value: column.value }).from(column.table)) as {
    id: unknown;
    value: unknown;
  }[];
  for (const row of values) {
    if (typeof row.value !== "string" || row.value === "") continue;
    const bytes = Buffer.from(row.value, "base64");
    // Only values sealed under a key of the ring: anything else is not ours to rewrite.
    if (sealState(bytes, ring) !== "sealed") continue;
    report.values += 1;
    let again: Buffer | null;
    try {
      again = resealBytes(bytes, ring);
    } catch (error) {
      if (error instanceof SealBroken) {
        report.broken += 1;
        continue;
      }
      throw error;
    }
    if (!again) continue;
    // Compare-and-set: a value changed meanwhile (a new secret, sealed under the current key) stays.
    await transaction(db, async (tx) => {
      await tx
        .update(column.table)
        .set({ [column.key]: again.toString("base64") } as never)
        .where(and(eq(column.id, row.id), eq(column.value, row.value)));
    });
    report.resealed += 1;
  }
  return report;
}

async function valuesUnderOtherKeys(db: Db, columns: SealedColumn[], ring: Keyring): Promise<number> {
  let left = 0;
  for (const column of columns) {
    const values = (await db.select({ value: column.value }).from(column.table)) as { value: unknown }[];
    for (const { value } of values) {
      if (typeof value !== "string" || value === "") continue;
      const bytes = Buffer.from(value, "base64");
      if (sealState(bytes, ring) === "sealed" && sealedBy(bytes, ring) === "other") left += 1;
    }
  }
  return left;
}

/**
 * One rotation at a time: two runs starting together would each make a new key, and what one sealed
 * under the key the other replaced could be read by neither. The lock names its process, so a run
 * that was killed does not block the next one (which then resumes).
 */
function takeRotationLock(): () => void {
  const lock = path.join(/*turbopackIgnore: true*/ dataDir(), "encryption.key.rotating");
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(lock, String(process.pid), { flag: "wx", mode: 0o600 });
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const pid = Number(readFileSync(lock, "utf8"));
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processAlive(pid)) {
        throw new KeyFileError(`Another key rotation is running (process ${pid}); wait for it to finish.`);
      }
      rmSync(lock, { force: true });
    }
  }
  throw new KeyFileError("Could not take the key rotation's lock; try again.");
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Rotates the data key (see above). `limit` caps the files rewritten in this run (a large folder can
 * be done in slices); a run that stops there reports `leftUnderPrevious` > 0 and keeps the previous key.
 * With the keys in the environment, the operator has already set the new key and the previous one.
 */
export async function rotateKeys(
  db: Db,
  options: { columns?: SealedColumn[]; limit?: number } = {},
): Promise<RotationReport> {
  const release = takeRotationLock();
  try {
    return await rotateUnderLock(db, options.columns ?? SEALED_COLUMNS, options.limit);
  } finally {
    release();
  }
}

async function rotateUnderLock(db: Db, columns: SealedColumn[], limit: number | undefined): Promise<RotationReport> {
  const fromEnvironment = keysFromEnvironment();
  let start: RotationReport["start"] = fromEnvironment ? "resumed" : beginRotation();
  const ring = keyring();
  if (ring.others.length === 0) start = "nothing_to_do";
  const uploads = sealUploadsUnderCurrentKey({ ring, limit });
  const columnReports: ColumnReport[] = [];
  if (uploads.complete) {
    for (const column of columns) columnReports.push(await resealColumn(db, column, ring));
    // Sealed inside a JSON column, so not one of SEALED_COLUMNS: links of emails still in the outbox
    // (reported only when there are some).
    const queuedLinks = await resealQueuedEmailLinks(db, ring);
    if (queuedLinks.values > 0) columnReports.push(queuedLinks);
  }
  // Counted again from scratch rather than trusted from the run: an instance that sealed a file
  // under the previous key meanwhile (before it noticed the new key) keeps the previous key alive.
  const leftUnderPrevious =
    ring.others.length === 0
      ? 0
      : uploadsUnderOtherKeys(undefined, ring).length +
        (await valuesUnderOtherKeys(db, columns, ring)) +
        (await queuedEmailLinksUnderOtherKeys(db, ring));
  let previousRemoved = false;
  const previousFile = keyFilePath(PREVIOUS_ENCRYPTION_KEY);
  if (leftUnderPrevious === 0 && !fromEnvironment && existsSync(previousFile)) {
    removeFileDurably(previousFile);
    forgetKeys();
    previousRemoved = true;
  }
  return {
    start,
    currentKey: keyName(ring.current),
    previousKey: ring.others[0] ? keyName(ring.others[0]) : null,
    uploads,
    columns: columnReports,
    leftUnderPrevious,
    previousRemoved,
  };
}
