// What a channel of the outbox (webhooks, email) gives the delivery worker (lib/outbox/worker.ts):
// who an event goes to, and how one delivery is sent. The worker does the rest the same way for
// every channel: fan-out in commit order, claiming with a lease, backoff with jitter, order per
// project and target, the attempts log, and giving up after `retryForMs`.
import type { Db, DbOrTx } from "@/db/client";
import type { OUTBOX_CHANNELS } from "@/db/enums";
import type { EventType } from "@/lib/domain/event-types";

export type ChannelName = (typeof OUTBOX_CHANNELS)[number];

/** One row of the outbox as a channel reads it. */
export type OutboxEvent = {
  seq: number;
  /** Stable across retries and instances. */
  id: string;
  type: EventType;
  projectId: string | null;
  /** In the API's field names. */
  data: Record<string, unknown>;
  occurredAt: string;
  /** Set for an event meant for one target of one channel only. */
  directChannel: ChannelName | null;
  directTarget: string | null;
};

/** One event to one target, as the worker hands it to `send`. */
export type Delivery = {
  /** Stable across retries and resends: a webhook's `webhook-id` is built from it. */
  id: string;
  channel: ChannelName;
  targetId: string;
  projectId: string | null;
  /** 1 for the first attempt. */
  attempt: number;
  createdAt: string;
};

/** What one attempt came to; `durationMs` and `statusCode` go to the attempts log. */
export type SendOutcome =
  | { kind: "delivered"; statusCode?: number; durationMs: number }
  /** Try again later (backoff), until the channel's `retryForMs` has passed since the delivery was created. */
  | { kind: "retry"; statusCode?: number; durationMs: number; error: string }
  /** Never try again (an endpoint answering 410, a deleted target). */
  | { kind: "give_up"; statusCode?: number; durationMs: number; error: string };

export type Channel = {
  name: ChannelName;
  /**
   * The targets an event goes to, read in the fan-out transaction (so a target registered after
   * the event was committed does not get it). Not called for direct events.
   */
  targets(tx: DbOrTx, event: OutboxEvent): Promise<string[]>;
  /** Sends one delivery. Runs outside any transaction; may throw (counted as a retry). */
  send(db: Db, delivery: Delivery, event: OutboxEvent): Promise<SendOutcome>;
  /** How long after a delivery was created the worker still retries it (webhooks: a day). */
  retryForMs: number;
  /** Called once, in a transaction, when a delivery is given up (disable the endpoint, tell its owner). */
  onGiveUp?(tx: DbOrTx, delivery: Delivery, event: OutboxEvent, outcome: SendOutcome): Promise<void>;
  /** Called by the worker about once a minute (the email digest: send what is due, idempotently). */
  periodic?(db: Db, now: Date): Promise<void>;
};
