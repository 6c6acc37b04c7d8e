// What an endpoint was sent: its deliveries (newest first, paged) with every attempt, a test
// event on demand, and a delivery sent again. The delivery worker (lib/outbox/worker.ts) does the
// sending; this only writes to the outbox, in the transaction of the audited request.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction } from "@/db/client";
import { outboxAttempts, outboxDeliveries, outboxEvents } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { afterKey, decodeCursor, pageOf } from "@/lib/data/cursor";
import { emitEvent, resendDelivery } from "@/lib/data/outbox";
import { loadWebhook, type WebhookEndpointRow } from "@/lib/data/webhooks";
import type { Actor } from "@/lib/domain/permissions";
import { AppError, notFound } from "@/lib/errors";

export type WebhookAttemptView = {
  attempt: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
};

export type WebhookDeliveryView = {
  id: string;
  /** The `webhook-id` header the receiver saw, the same on every attempt and resend. */
  messageId: string;
  eventId: string;
  eventType: string;
  occurredAt: string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  deliveredAt: string | null;
  /** Every attempt, the latest first. */
  attemptLog: WebhookAttemptView[];
};

export const messageIdOf = (deliveryId: string) => `msg_${deliveryId}`;

function refuseWhileDisabled(endpoint: WebhookEndpointRow) {
  if (!endpoint.disabledAt) return;
  throw new AppError("conflict", "This webhook is disabled: enable it again first.", "webhook_disabled", undefined, {
    problem: "webhookDisabled",
  });
}

/** Queues a `webhook.test` event for this endpoint only; the worker sends it within seconds. */
export async function sendWebhookTest(db: Db, ctx: RequestContext, id: string): Promise<{ eventId: string }> {
  return await transaction(db, async (tx) => {
    const endpoint = await loadWebhook(tx, ctx.actor, id);
    refuseWhileDisabled(endpoint);
    const eventId = await emitEvent(tx, {
      type: "webhook.test",
      projectId: endpoint.projectId,
      data: {
        webhookId: endpoint.id,
        url: endpoint.url,
        message: "A test event from Lightgate: this endpoint receives and verifies deliveries.",
        requestedBy: { id: ctx.actor.id, name: ctx.actor.name },
      },
      direct: { channel: "webhook", target: endpoint.id },
    });
    await recordAudit(tx, ctx, {
      action: "webhook.test",
      objectType: "webhook",
      objectId: endpoint.id,
      projectId: endpoint.projectId,
      after: { url: endpoint.url, eventId },
    });
    return { eventId };
  });
}

async function loadDelivery(tx: DbOrTx, endpoint: WebhookEndpointRow, deliveryId: string) {
  const delivery = await first(
    tx
      .select({ id: outboxDeliveries.id })
      .from(outboxDeliveries)
      .where(
        and(
          eq(outboxDeliveries.id, deliveryId),
          eq(outboxDeliveries.channel, "webhook"),
          eq(outboxDeliveries.targetId, endpoint.id),
        ),
      ),
  );
  if (!delivery) throw notFound("This item");
  return delivery;
}

/** Sends a delivery again, as soon as the worker runs: same delivery, same `webhook-id`. */
export async function resendWebhookDelivery(db: Db, ctx: RequestContext, id: string, deliveryId: string) {
  await transaction(db, async (tx) => {
    const endpoint = await loadWebhook(tx, ctx.actor, id);
    refuseWhileDisabled(endpoint);
    const delivery = await loadDelivery(tx, endpoint, deliveryId);
    await resendDelivery(tx, delivery.id);
    await recordAudit(tx, ctx, {
      action: "webhook.resend",
      objectType: "webhook",
      objectId: endpoint.id,
      projectId: endpoint.projectId,
      after: { url: endpoint.url, deliveryId: delivery.id },
    });
  });
}

/** An endpoint's deliveries, newest first, each with its attempts: the delivery log. */
export async function listWebhookDeliveries(
  db: DbOrTx,
  actor: Actor,
  id: string,
  page: { limit: number; cursor?: string },
): Promise<{ items: WebhookDeliveryView[]; nextCursor: string | null }> {
  const endpoint = await loadWebhook(db, actor, id);
  const key = page.cursor ? decodeCursor(page.cursor, ["string", "string"] as const) : null;
  const rows = await db
    .select({ delivery: outboxDeliveries, event: outboxEvents })
    .from(outboxDeliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.seq, outboxDeliveries.eventSeq))
    .where(
      and(
        eq(outboxDeliveries.channel, "webhook"),
        eq(outboxDeliveries.targetId, endpoint.id),
        afterKey([outboxDeliveries.createdAt, outboxDeliveries.id], key, "desc"),
      ),
    )
    .orderBy(desc(outboxDeliveries.createdAt), desc(outboxDeliveries.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit).map((r) => r.delivery.id);
  const attempts = shown.length
    ? await db
        .select()
        .from(outboxAttempts)
        .where(inArray(outboxAttempts.deliveryId, shown))
        .orderBy(asc(outboxAttempts.deliveryId), desc(outboxAttempts.attempt))
    : [];
  return pageOf(
    rows,
    page.limit,
    (r) => [r.delivery.createdAt, r.delivery.id],
    ({ delivery, event }) => ({
      id: delivery.id,
      messageId: messageIdOf(delivery.id),
      eventId: event.id,
      eventType: event.type,
      occurredAt: event.occurredAt,
      status: delivery.status,
      attempts: delivery.attempts,
      lastStatusCode: delivery.lastStatusCode,
      lastError: delivery.lastError,
      nextAttemptAt: delivery.status === "pending" ? delivery.nextAttemptAt : null,
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt,
      attemptLog: attempts
        .filter((a) => a.deliveryId === delivery.id)
        .map((a) => ({
          attempt: a.attempt,
          at: a.at,
          statusCode: a.statusCode,
          durationMs: a.durationMs,
          error: a.error,
        })),
    }),
  );
}
