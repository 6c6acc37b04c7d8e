// Emails to one address (an invitation, a password reset) go through the outbox like every other
// email: written in the caller's transaction, sent by the worker, retried while SMTP is down. The
// event must not hold a usable link in clear (the outbox is readable by whoever reads the database,
// and it outlives the send), so the link is sealed under the data key (lib/secret-box.ts).
import { eq } from "drizzle-orm";
import { type Db, type DbOrTx, transaction } from "@/db/client";
import { outboxEvents } from "@/db/schema";
import { emitEvent } from "@/lib/data/outbox";
import type { EmailMessageData } from "@/lib/outbox/email-channel";
import { type Keyring, resealBytes, SealBroken, sealedBy, sealState, sealText } from "@/lib/secret-box";

export async function queueAccountLinkEmail(
  tx: DbOrTx,
  input: Omit<EmailMessageData, "sealedUrl"> & { to: string; url: string },
): Promise<string> {
  const { to, url, ...rest } = input;
  const data: EmailMessageData = { ...rest, sealedUrl: sealText(url) };
  return await emitEvent(tx, {
    type: "email.message",
    projectId: null,
    data,
    direct: { channel: "email", target: to },
  });
}

// ─── Key rotation (`npm run keys:rotate`, lib/data/key-rotation.ts) ───
// A link waiting in the outbox (the mail server down) must survive a rotation: it is sealed again
// under the new key, and the previous key stays until no waiting link needs it.

type SealedLinkRow = { id: string; data: Record<string, unknown> };

async function queuedLinks(db: DbOrTx): Promise<SealedLinkRow[]> {
  const rows = await db
    .select({ id: outboxEvents.id, data: outboxEvents.data })
    .from(outboxEvents)
    .where(eq(outboxEvents.type, "email.message"));
  return rows.filter((row) => typeof row.data.sealedUrl === "string");
}

const sealedUnder = (row: SealedLinkRow, ring: Keyring) => {
  const bytes = Buffer.from(row.data.sealedUrl as string, "base64");
  return sealState(bytes, ring) === "sealed" ? sealedBy(bytes, ring) : null;
};

/** Seals every queued email's link under the current key; reports like a sealed column. */
export async function resealQueuedEmailLinks(db: Db, ring: Keyring) {
  const report = { label: "links of emails waiting to be sent", values: 0, resealed: 0, broken: 0 };
  for (const row of await queuedLinks(db)) {
    const by = sealedUnder(row, ring);
    if (!by) continue;
    report.values += 1;
    if (by === "current") continue;
    let again: Buffer | null;
    try {
      again = resealBytes(Buffer.from(row.data.sealedUrl as string, "base64"), ring);
    } catch (error) {
      if (!(error instanceof SealBroken)) throw error;
      report.broken += 1;
      continue;
    }
    if (!again) continue;
    const data = { ...row.data, sealedUrl: again.toString("base64") };
    await transaction(db, (tx) => tx.update(outboxEvents).set({ data }).where(eq(outboxEvents.id, row.id)));
    report.resealed += 1;
  }
  return report;
}

/** Queued emails whose link is still sealed under a previous key. */
export async function queuedEmailLinksUnderOtherKeys(db: DbOrTx, ring: Keyring): Promise<number> {
  return (await queuedLinks(db)).filter((row) => sealedUnder(row, ring) === "other").length;
}
