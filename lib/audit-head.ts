// The head of the audit chain: its newest event's number and hash. Its own module because both the
// chain (lib/audit.ts, which appends after the head) and its signed checkpoints
// (lib/data/audit-checkpoints.ts, which sign the head) read it, and lib/audit.ts imports the latter.
import { desc } from "drizzle-orm";
import { type DbOrTx, lockAuditChain, transactionMemo } from "@/db/client";
import { reusedQuery } from "@/db/reused";
import { auditEvents } from "@/db/schema";
import type { ChainHead } from "@/lib/domain/audit-checkpoint";

const APPENDED = "audit-chain-head";

/**
 * After appending inside a write transaction: the new head, which no one else can move before it
 * commits (writers append one at a time), so the transaction's next append or checkpoint need
 * not read it back.
 */
export function rememberChainHead(head: ChainHead): void {
  transactionMemo<ChainHead>(APPENDED).keep(head);
}

/** The hash the first event chains to. */
export const GENESIS_HASH = "0".repeat(64);
const GENESIS: ChainHead = { seq: 0, hash: GENESIS_HASH };

const newestEvent = reusedQuery((db) =>
  db.select({ seq: auditEvents.seq, hash: auditEvents.hash }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1),
);

/**
 * The chain's head now: its newest event, or the genesis (number 0) while the chain is empty.
 * Inside a write transaction it first takes the chain's lock, so the head stays the head until the
 * transaction ends.
 */
export async function chainHead(db: DbOrTx): Promise<ChainHead> {
  const locked = await lockAuditChain();
  if (locked) return locked.head ?? GENESIS;
  const appended = transactionMemo<ChainHead>(APPENDED).recall();
  if (appended) return appended;
  const [last] = await newestEvent(db, {});
  return last ?? GENESIS;
}
