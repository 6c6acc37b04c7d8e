// Signed checkpoints of the audit chain (lib/domain/audit-checkpoint.ts): the key outside the
// database, the checkpoint written at the end of every transaction that appended events, the
// verification of the chain against the newest checkpoint and against heads published elsewhere,
// and the best-effort webhook that publishes each new head.
import { existsSync } from "node:fs";
import { and, desc, eq, lte, sql } from "drizzle-orm";
import { afterCommit, type Db, type DbOrTx, first, transaction, writeAtCommit } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { chainHead } from "@/lib/audit-head";
import { requireAdministrator } from "@/lib/data/access";
import {
  type ChainHead,
  judgeCheckpoint,
  judgeHead,
  signatureValid,
  type SignedHead,
  signHead,
  type SigningKey,
  signingKeyFromSeed,
} from "@/lib/domain/audit-checkpoint";
import type { Actor } from "@/lib/domain/permissions";
import { KeyFileError, keyFilePath, loadKey, readKeyFile, type KeySource } from "@/lib/key-files";

const SIGNING_KEY: KeySource = {
  fileName: "audit-signing.key",
  envVar: "LIGHTGATE_AUDIT_SIGNING_KEY",
  bytes: 32,
  purpose: "audit signing (Ed25519 seed)",
};

/**
 * The newest checkpoint proves the whole chain up to it (each event's hash covers the one before),
 * so older ones add no proof. The newest KEEP_CHECKPOINTS are kept for the admin's page and for
 * looking back after an incident; older rows are removed in batches, not on every command.
 */
export const KEEP_CHECKPOINTS = 1000;
const THIN_EVERY = 100;

const keyCache = new Map<string, SigningKey>();

/**
 * This installation's signing key: LIGHTGATE_AUDIT_SIGNING_KEY, else `audit-signing.key` in the
 * data folder, created (mode 0600) on first use. Throws a KeyFileError with one clear line when
 * the file has the wrong length or is readable by others. Cached per source: commands sign often.
 */
export function auditSigningKey(): SigningKey {
  const cacheKey = `${process.env.LIGHTGATE_AUDIT_SIGNING_KEY ?? ""}|${process.env.LIGHTGATE_DATA_DIR ?? ""}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    key = signingKeyFromSeed(loadKey(SIGNING_KEY));
    keyCache.set(cacheKey, key);
  }
  return key;
}

/** The key for verifying a copy: like auditSigningKey, but never creates a key file. */
export function existingAuditSigningKey(): SigningKey {
  const fromEnv = process.env.LIGHTGATE_AUDIT_SIGNING_KEY?.trim();
  if (fromEnv) return auditSigningKey();
  const file = keyFilePath(SIGNING_KEY);
  if (!existsSync(file)) {
    throw new KeyFileError(
      `No audit signing key at ${file}: point LIGHTGATE_DATA_DIR at the installation's data folder ` +
        `or set LIGHTGATE_AUDIT_SIGNING_KEY.`,
    );
  }
  return signingKeyFromSeed(readKeyFile(file, SIGNING_KEY));
}

/** Forgets cached keys (tests that swap the key). */
export function forgetAuditSigningKeys(): void {
  keyCache.clear();
}

/**
 * At start: the key loads (a key file of the wrong length or readable by others stops the start)
 * and is the one that signed the newest checkpoint: a key file from another installation would
 * sign heads nobody can check against the old ones. A chain from before checkpoints existed gets
 * its first one, so verification holds from here on.
 */
export async function checkAuditSigningKey(db: Db): Promise<SigningKey> {
  const key = auditSigningKey();
  const newest = await latestCheckpoint(db);
  if (newest && newest.keyFingerprint !== key.fingerprint) {
    throw new KeyFileError(
      `The audit signing key (${key.fingerprint.slice(0, 16)}…, ${keyFilePath(SIGNING_KEY)} or ` +
        `LIGHTGATE_AUDIT_SIGNING_KEY) is not the key that signed checkpoint #${newest.seq} ` +
        `(${newest.keyFingerprint.slice(0, 16)}…); restore the installation's audit-signing.key.`,
    );
  }
  if (!newest) await transaction(db, async (tx) => void (await checkpointAuditHead(tx)));
  return key;
}

/**
 * Signs the chain's current head and stores the checkpoint, in the caller's transaction (the hook
 * in lib/audit.ts calls it once per transaction that appended events): written at its end with
 * its other batched rows, or at once outside a transaction. After the commit, the head is posted
 * to the webhook, if one is configured.
 */
export async function checkpointAuditHead(tx: DbOrTx, now = new Date().toISOString()): Promise<SignedHead | null> {
  const head = await chainHead(tx);
  if (head.seq === 0) return null;
  const signed = signHead(auditSigningKey(), head, now);
  const writes = (done: DbOrTx, rows: SignedHead[]) => [
    thinBefore(done, rows.length),
    done.insert(auditCheckpoints).values(rows),
  ];
  await writeAtCommit(tx, "audit-checkpoint", [signed], writes);
  afterCommit(() => publishHead(signed));
  return signed;
}

/**
 * Removes the checkpoints beyond the newest KEEP_CHECKPOINTS when the `written` about to be added
 * cross a multiple of THIN_EVERY (so in batches, not on every command). It reads the newest id
 * itself, so that it can run in the same statement as the insert.
 */
function thinBefore(tx: DbOrTx, written: number) {
  const newest = sql`(select coalesce(max(${auditCheckpoints.id}), 0) from ${auditCheckpoints})`;
  return tx
    .delete(auditCheckpoints)
    .where(
      and(
        sql`${newest} % ${THIN_EVERY} + ${written} >= ${THIN_EVERY}`,
        lte(auditCheckpoints.id, sql`${newest} + ${written} - ${KEEP_CHECKPOINTS}`),
      ),
    );
}

/** The newest checkpoint stored, or null (the newest by chain position, then by when it was signed). */
export async function latestCheckpoint(db: DbOrTx): Promise<SignedHead | null> {
  const row = await first(
    db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.id)).limit(1),
  );
  return row ? toSigned(row) : null;
}

/**
 * The signed head to publish now (in a status report, on a certificate): the newest checkpoint
 * when it is the current head, else the current head signed now and stored as a checkpoint.
 */
export async function publishedAuditHead(tx: DbOrTx): Promise<SignedHead | null> {
  const head = await chainHead(tx);
  if (head.seq === 0) return null;
  const newest = await latestCheckpoint(tx);
  if (newest && newest.seq === head.seq && newest.hash === head.hash) return newest;
  return await checkpointAuditHead(tx);
}

export type CheckpointRow = SignedHead & { id: number; signatureValid: boolean; ourKey: boolean };

/** The newest checkpoints, each with whether its signature holds under this installation's key. */
export async function recentCheckpoints(db: DbOrTx, actor: Actor, limit = 10): Promise<CheckpointRow[]> {
  requireAdministrator(actor, "Only administrators see the audit chain.");
  const key = auditSigningKey();
  const rows = await db
    .select()
    .from(auditCheckpoints)
    .orderBy(desc(auditCheckpoints.seq), desc(auditCheckpoints.id))
    .limit(limit);
  return rows.map((row) => {
    const signed = toSigned(row);
    const ourKey = signed.keyFingerprint === key.fingerprint;
    return { ...signed, id: row.id, ourKey, signatureValid: ourKey && signatureValid(key.publicKey, signed) };
  });
}

function toSigned(row: typeof auditCheckpoints.$inferSelect): SignedHead {
  return { seq: row.seq, hash: row.hash, at: row.at, signature: row.signature, keyFingerprint: row.keyFingerprint };
}

/** The hash of event `seq`, if the chain has one. */
async function hashAt(db: DbOrTx, seq: number): Promise<string | undefined> {
  const row = await first(db.select({ hash: auditEvents.hash }).from(auditEvents).where(eq(auditEvents.seq, seq)));
  return row?.hash;
}

export type TrailVerdict = {
  ok: boolean;
  /** The hash chain walked from the first event: an altered or removed event in the middle. */
  chain: Awaited<ReturnType<typeof verifyAuditChain>>;
  checkpoint: SignedHead | null;
  /** One line per failure, naming the gap or the event; empty when everything holds. */
  problems: string[];
};

/**
 * The whole check: the hash chain, then the newest signed checkpoint (signed by this key, and the
 * chain leads to it), then every head published elsewhere that the caller holds (`heads`).
 */
export async function verifyAuditTrail(
  db: DbOrTx,
  key: Pick<SigningKey, "publicKey" | "fingerprint">,
  heads: ChainHead[] = [],
): Promise<TrailVerdict> {
  const chain = await verifyAuditChain(db);
  const problems: string[] = [];
  if (!chain.ok) problems.push(`event #${chain.brokenAt.seq} (id ${chain.brokenAt.id}): ${chain.problem}`);
  const lastSeq = (await chainHead(db)).seq;
  const checkpoint = await latestCheckpoint(db);
  const signed = judgeCheckpoint(checkpoint, lastSeq, key);
  if (!signed.ok) problems.push(signed.problem);
  const against = async (head: ChainHead, label: string) => {
    const finding = judgeHead({ lastSeq, hashAtSeq: await hashAt(db, head.seq) }, head, label);
    if (!finding.ok) problems.push(finding.problem);
  };
  if (checkpoint && signed.ok) await against(checkpoint, `the newest signed checkpoint (#${checkpoint.seq})`);
  for (const head of heads) await against(head, `the published head #${head.seq}`);
  return { ok: problems.length === 0, chain, checkpoint, problems };
}

// ─── Publication to a webhook: best effort, after the commit, never in a command's way ───

let posting: Promise<void> | null = null;
let queued: SignedHead | null = null;

/**
 * Posts the head to LIGHTGATE_AUDIT_HEAD_WEBHOOK as JSON. One request at a time: heads signed
 * meanwhile collapse into the newest, which proves all before it. Failures are logged, not raised.
 */
export function publishHead(head: SignedHead): void {
  const url = process.env.LIGHTGATE_AUDIT_HEAD_WEBHOOK?.trim();
  if (!url) return;
  queued = head;
  if (posting) return;
  posting = (async () => {
    while (queued) {
      const next = queued;
      queued = null;
      await postHead(url, next);
    }
  })().finally(() => {
    posting = null;
  });
}

/** Resolves when the webhook has nothing left to send (tests, and a clean shutdown). */
export async function headsPublished(): Promise<void> {
  while (posting) await posting;
}

async function postHead(url: string, head: SignedHead): Promise<void> {
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ kind: "lightgate.audit_head", ...head, publicKey: auditSigningKey().publicKeyPem }),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) console.warn(`Audit head webhook answered ${response.status} for head #${head.seq}.`);
  } catch (error) {
    console.warn(`Audit head webhook failed for head #${head.seq}: ${(error as Error).message}`);
  }
}
