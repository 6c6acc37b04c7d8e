// The transactional outbox (issue 16): an event that leaves the app is written in the same
// transaction as the change it reports, so it exists exactly when the change does; the delivery
// worker (lib/outbox/worker.ts) fans it out to webhooks and email after the commit.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterCommit, type DbOrTx, first, inGroups, writeAtCommit } from "@/db/client";
import { outboxDeliveries, outboxEvents } from "@/db/schema";
import type { EventType } from "@/lib/domain/event-types";
import type { ChannelName } from "@/lib/outbox/channel";

export type EventInput = {
  type: EventType;
  projectId: string | null;
  /** In the API's field names: what a webhook delivery carries as `data`. */
  data: Record<string, unknown>;
  /** For one target of one channel only (a webhook's test event, an email to one address). */
  direct?: { channel: ChannelName; target: string };
};

const wake = globalThis as unknown as { lightgateOutboxWake?: () => void };

/** Lets the worker of this process hear of new events as soon as they commit. */
export function onOutboxCommit(listener: () => void): void {
  wake.lightgateOutboxWake = listener;
}

/**
 * Writes one event in the caller's transaction and returns its id: queued, and written with the
 * transaction's other events in one statement at its end (in order, and only if it commits).
 */
export async function emitEvent(tx: DbOrTx, input: EventInput): Promise<string> {
  const id = randomUUID();
  const row = {
    id,
    type: input.type,
    projectId: input.projectId,
    // Round-trip through JSON: what is stored is exactly what a receiver will read.
    data: JSON.parse(JSON.stringify(input.data)) as Record<string, unknown>,
    occurredAt: new Date().toISOString(),
    directChannel: input.direct?.channel ?? null,
    directTarget: input.direct?.target ?? null,
  };
  await writeAtCommit(
    tx,
    "outbox",
    [row],
    (done, rows) => inGroups(rows).map((group) => done.insert(outboxEvents).values(group)),
    { inCommitOrder: true },
  );
  afterCommit(() => wake.lightgateOutboxWake?.());
  return id;
}

/**
 * Sends a delivery again (the "resend" button): pending and due now, under the same id, so a
 * receiver that deduplicates on `webhook-id` sees it as the same message. Its attempts go on
 * counting from where they were.
 */
export async function resendDelivery(tx: DbOrTx, deliveryId: string): Promise<void> {
  const delivery = await first(tx.select().from(outboxDeliveries).where(eq(outboxDeliveries.id, deliveryId)));
  if (!delivery) throw new Error(`No delivery ${deliveryId}`);
  await tx
    .update(outboxDeliveries)
    .set({
      status: "pending",
      nextAttemptAt: new Date().toISOString(),
      leaseUntil: null,
      // The retry window starts again, or a resend of an old delivery would give up at once.
      createdAt: new Date().toISOString(),
    })
    .where(eq(outboxDeliveries.id, deliveryId));
  afterCommit(() => wake.lightgateOutboxWake?.());
}
