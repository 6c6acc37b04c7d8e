// Append-only, hash-chained audit trail (DESIGN.md §2 AuditEvent). Each event's hash covers
// its canonical content and the previous event's hash, so altering or removing a row breaks
// the chain from that row on. Written inside the same transaction as the change it records.
import { createHash, randomUUID } from "node:crypto";
import { asc, gt } from "drizzle-orm";
import { beforeCommit, type DbOrTx, inGroups, writeAtCommit } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";
import { chainHead, GENESIS_HASH, rememberChainHead } from "@/lib/audit-head";
import { checkpointAuditHead } from "@/lib/data/audit-checkpoints";
import type { Actor } from "@/lib/domain/permissions";

export { GENESIS_HASH } from "@/lib/audit-head";

/** Who did it and from where: passed from the request to every command. */
export type RequestContext = {
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
};

/** Where an event without a signed-in actor came from (a refused sign-in): no actor is invented. */
export type SourceContext = { actor: null; ip: string | null; userAgent: string | null };

export type AuditInput = {
  action: string;
  objectType: string;
  objectId: string;
  projectId?: string | null;
  before?: unknown;
  after?: unknown;
};

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

type HashedFields = Omit<AuditEvent, "seq" | "hash">;

export function hashEvent(event: HashedFields): string {
  const content = canonicalJson({
    id: event.id,
    at: event.at,
    actorId: event.actorId,
    actorEmail: event.actorEmail,
    actorRole: event.actorRole,
    action: event.action,
    objectType: event.objectType,
    objectId: event.objectId,
    projectId: event.projectId,
    before: event.before ?? null,
    after: event.after ?? null,
    ip: event.ip,
    userAgent: event.userAgent,
  });
  return createHash("sha256").update(event.previousHash).update("\n").update(content).digest("hex");
}

export async function auditHead(db: DbOrTx): Promise<string> {
  return (await chainHead(db)).hash;
}

/** Appends one event to the chain. Call inside the transaction that makes the change. */
export async function recordAudit(
  tx: DbOrTx,
  ctx: RequestContext | SourceContext | null,
  input: AuditInput,
): Promise<AuditEvent> {
  const head = await chainHead(tx);
  const fields: HashedFields = {
    id: randomUUID(),
    at: new Date().toISOString(),
    actorId: ctx?.actor?.id ?? null,
    actorEmail: ctx?.actor?.email ?? null,
    actorRole: ctx?.actor?.role ?? null,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId,
    projectId: input.projectId ?? null,
    // Round-trip through JSON so the hash covers exactly what is stored.
    before: input.before === undefined ? null : JSON.parse(JSON.stringify(input.before)),
    after: input.after === undefined ? null : JSON.parse(JSON.stringify(input.after)),
    ip: ctx?.ip ?? null,
    userAgent: ctx?.userAgent ?? null,
    previousHash: head.hash,
  };
  const hash = hashEvent(fields);
  // The next number is set here, not by the database: a PostgreSQL sequence skips the numbers of
  // rolled-back transactions, and the chain has no gaps. transaction() serialises writers, so the
  // head read above is still the head.
  const event: AuditEvent = { ...fields, seq: head.seq + 1, hash };
  // Written with the transaction's other batched rows at its end (at once outside a transaction);
  // until then the head is the one remembered here.
  await writeAtCommit(tx, "audit-events", [event], (done, events) =>
    inGroups(events).map((group) => done.insert(auditEvents).values(group)),
  );
  rememberChainHead({ seq: event.seq, hash });
  // One signed checkpoint of the head per transaction, however many events it appends: signed at
  // its end, so it covers them all and commits (or rolls back) with them.
  beforeCommit("audit-checkpoint", async (done) => void (await checkpointAuditHead(done)));
  return event;
}

export type ChainVerdict =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: { seq: number; id: string }; problem: string };

/** Walks the whole chain in order, in pages, and names the first event that does not fit. */
export async function verifyAuditChain(db: DbOrTx, pageSize = 5000): Promise<ChainVerdict> {
  let previous = GENESIS_HASH;
  let lastSeq = 0;
  let count = 0;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, lastSeq))
      .orderBy(asc(auditEvents.seq))
      .limit(pageSize);
    if (page.length === 0) return { ok: true, events: count, head: previous };
    for (const event of page) {
      if (event.seq !== lastSeq + 1) {
        return {
          ok: false,
          events: count,
          brokenAt: { seq: event.seq, id: event.id },
          problem: `event ${lastSeq + 1} is missing before event ${event.seq}`,
        };
      }
      if (event.previousHash !== previous) {
        return {
          ok: false,
          events: count,
          brokenAt: { seq: event.seq, id: event.id },
          problem: "its previous hash does not match the event before it (an event was removed or altered)",
        };
      }
      if (hashEvent(event) !== event.hash) {
        return {
          ok: false,
          events: count,
          brokenAt: { seq: event.seq, id: event.id },
          problem: "its content does not match its hash (the row was altered)",
        };
      }
      previous = event.hash;
      lastSeq = event.seq;
      count++;
    }
  }
}
