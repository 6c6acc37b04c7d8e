// The webhook channel of the outbox: which endpoints an event goes to, one signed POST per
// delivery, and what happens when an endpoint keeps failing. The delivery worker
// (lib/outbox/worker.ts) does the rest: fan-out, leases, backoff with jitter, order, the attempts log.
import { and, desc, eq, isNull } from "drizzle-orm";
import { type Db, type DbOrTx, first } from "@/db/client";
import { outboxDeliveries, projects, users, webhookEndpoints } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { hasBoardSeat, memberRoles } from "@/lib/data/access";
import { notify } from "@/lib/data/notifications";
import { subscribesTo } from "@/lib/domain/event-types";
import { canView } from "@/lib/domain/permissions";
import { privateTargetsAllowed } from "@/lib/domain/webhook-address";
import { openText } from "@/lib/secret-box";
import { signedHeaders } from "@/lib/webhook-signing";
import type { Channel, Delivery, OutboxEvent, SendOutcome } from "./channel";
import { postWebhook } from "./webhook-post";

const DAY_MS = 24 * 60 * 60 * 1000;
export const USER_AGENT = "Lightgate-Webhooks/1";

/** The body of every delivery, as Standard Webhooks recommends: the type, when it happened, the data. */
export function webhookBody(event: OutboxEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event.data });
}

/** Whether the endpoint's owner may (still) see the event's project: they may have lost the role. */
async function ownerSees(tx: DbOrTx, ownerId: string, projectId: string): Promise<boolean> {
  const owner = await first(tx.select().from(users).where(eq(users.id, ownerId)));
  const project = await first(tx.select().from(projects).where(eq(projects.id, projectId)));
  if (!owner || owner.disabledAt || !project) return false;
  const actor = {
    id: owner.id,
    email: owner.email,
    name: owner.name,
    role: owner.role,
    organizationId: owner.organizationId,
  };
  return canView(
    actor,
    project,
    await memberRoles(tx, projectId, owner.id),
    await hasBoardSeat(tx, projectId, owner.id),
  );
}

/**
 * The enabled endpoints subscribed to the event's type: those of its project, and those for every
 * project (an administrator's, or any whose owner may see the project). An event without a project
 * goes to the endpoints for every project only.
 */
async function targets(tx: DbOrTx, event: OutboxEvent): Promise<string[]> {
  const endpoints = await tx
    .select({
      id: webhookEndpoints.id,
      events: webhookEndpoints.events,
      projectId: webhookEndpoints.projectId,
      ownerId: webhookEndpoints.ownerId,
    })
    .from(webhookEndpoints)
    .where(isNull(webhookEndpoints.disabledAt))
    .orderBy(webhookEndpoints.createdAt, webhookEndpoints.id);
  const chosen: string[] = [];
  for (const endpoint of endpoints) {
    if (!subscribesTo(endpoint.events, event.type)) continue;
    if (endpoint.projectId !== null && endpoint.projectId !== event.projectId) continue;
    if (event.projectId === null) {
      const owner = await first(
        tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, endpoint.ownerId)),
      );
      if (endpoint.projectId === null && owner && !owner.disabledAt) chosen.push(endpoint.id);
      continue;
    }
    if (await ownerSees(tx, endpoint.ownerId, event.projectId)) chosen.push(endpoint.id);
  }
  return chosen;
}

/** The secrets that sign now: the current one, and the one before a rotation for its 24 hours. */
function signingSecrets(endpoint: typeof webhookEndpoints.$inferSelect, now: Date): string[] {
  const secrets = [openText(endpoint.secret)];
  if (endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil > now.toISOString()) {
    secrets.push(openText(endpoint.previousSecret));
  }
  return secrets;
}

async function send(database: Db, delivery: Delivery, event: OutboxEvent): Promise<SendOutcome> {
  const endpoint = await first(
    database.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.targetId)),
  );
  if (!endpoint) return { kind: "give_up", durationMs: 0, error: "The endpoint was deleted." };
  if (endpoint.disabledAt) return { kind: "give_up", durationMs: 0, error: "The endpoint is disabled." };
  const now = new Date();
  const body = webhookBody(event);
  const headers = {
    ...signedHeaders(signingSecrets(endpoint, now), `msg_${delivery.id}`, Math.floor(now.getTime() / 1000), body),
    "content-type": "application/json",
    "user-agent": USER_AGENT,
  };
  const result = await postWebhook(endpoint.url, headers, body, { allowPrivate: privateTargetsAllowed() });
  if (result.kind === "failed") return { kind: "retry", durationMs: result.durationMs, error: result.error };
  const { statusCode, durationMs } = result;
  if (statusCode >= 200 && statusCode < 300) return { kind: "delivered", statusCode, durationMs };
  if (statusCode === 410) {
    return { kind: "give_up", statusCode, durationMs, error: "The endpoint answered 410 Gone: it is disabled." };
  }
  const said = result.body.replace(/\s+/g, " ").trim().slice(0, 200);
  const to = result.location ? ` (to ${result.location.slice(0, 200)})` : "";
  const error =
    statusCode >= 300 && statusCode < 400
      ? `HTTP ${statusCode}: redirects are not followed${to}.`
      : `HTTP ${statusCode}${said ? `: ${said}` : ""}`;
  return { kind: "retry", statusCode, durationMs, error };
}

/** When the endpoint last took a delivery (null if never). */
async function lastSuccess(tx: DbOrTx, endpointId: string): Promise<string | null> {
  const row = await first(
    tx
      .select({ at: outboxDeliveries.deliveredAt })
      .from(outboxDeliveries)
      .where(
        and(
          eq(outboxDeliveries.channel, "webhook"),
          eq(outboxDeliveries.targetId, endpointId),
          eq(outboxDeliveries.status, "delivered"),
        ),
      )
      .orderBy(desc(outboxDeliveries.deliveredAt))
      .limit(1),
  );
  return row?.at ?? null;
}

/** Where the owner manages the endpoint. */
export const webhooksHref = (projectId: string | null) =>
  projectId ? `/projects/${projectId}/webhooks` : "/admin/webhooks";

/**
 * A delivery given up: an endpoint that answered 410, or that has taken nothing for a day, is
 * disabled and its owner told (in the app, and by email through the notification). One that still
 * takes other deliveries stays on: a single poisoned event does not cut an integration off.
 */
async function onGiveUp(tx: DbOrTx, delivery: Delivery, _event: OutboxEvent, outcome: SendOutcome): Promise<void> {
  const endpoint = await first(tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, delivery.targetId)));
  if (!endpoint || endpoint.disabledAt) return;
  const now = new Date();
  let reason: "gone" | "failing" | null = null;
  if (outcome.statusCode === 410) reason = "gone";
  else {
    const last = await lastSuccess(tx, endpoint.id);
    if (!last || now.getTime() - new Date(last).getTime() >= DAY_MS) reason = "failing";
  }
  if (!reason) return;
  await tx
    .update(webhookEndpoints)
    .set({ disabledAt: now.toISOString(), disabledReason: reason })
    .where(eq(webhookEndpoints.id, endpoint.id));
  await notify(tx, null, {
    userIds: [endpoint.ownerId],
    projectId: endpoint.projectId,
    kind: "webhook.disabled",
    title:
      reason === "gone"
        ? `Your webhook to ${endpoint.url} was disabled: it answered 410 Gone`
        : `Your webhook to ${endpoint.url} was disabled: it has failed for a day`,
    params: { url: endpoint.url, reason },
    href: webhooksHref(endpoint.projectId),
  });
  await recordAudit(tx, null, {
    action: "webhook.disable",
    objectType: "webhook",
    objectId: endpoint.id,
    projectId: endpoint.projectId,
    after: {
      url: endpoint.url,
      reason,
      statusCode: outcome.statusCode ?? null,
      error: outcome.kind === "delivered" ? null : outcome.error,
    },
  });
}

export const webhookChannel: Channel = {
  name: "webhook",
  targets,
  send,
  retryForMs: DAY_MS,
  onGiveUp,
};
