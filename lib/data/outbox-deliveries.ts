// The delivery side of the outbox: fan-out of committed events into one delivery per target, the
// claiming of due deliveries (a lease, and FOR UPDATE SKIP LOCKED on PostgreSQL, so instances
// never send the same delivery at once), and the recording of each attempt's outcome.
import { and, asc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import { type Db, type DbOrTx, dialectOf, execute, first, rowLockedTransaction, rows, transaction } from "@/db/client";
import { outboxAttempts, outboxCursors, outboxDeliveries, outboxEvents } from "@/db/schema";
import { afterFailure } from "@/lib/domain/delivery-backoff";
import type { EventType } from "@/lib/domain/event-types";
import type { Channel, ChannelName, Delivery, OutboxEvent, SendOutcome } from "@/lib/outbox/channel";

/** How long a claimed delivery is this worker's: longer than any send (10 s timeout) may take. */
export const LEASE_MS = 60_000;
const FAN_OUT_BATCH = 200;

type EventRow = typeof outboxEvents.$inferSelect;

function toEvent(row: EventRow): OutboxEvent {
  return {
    seq: row.seq,
    id: row.id,
    type: row.type as EventType,
    projectId: row.projectId,
    data: row.data,
    occurredAt: row.occurredAt,
    directChannel: row.directChannel as ChannelName | null,
    directTarget: row.directTarget,
  };
}

async function cursorOf(db: DbOrTx, channel: ChannelName): Promise<number> {
  const row = await first(
    db.select({ lastSeq: outboxCursors.lastSeq }).from(outboxCursors).where(eq(outboxCursors.channel, channel)),
  );
  return row?.lastSeq ?? 0;
}

async function latestSeq(db: DbOrTx): Promise<number> {
  const row = await first(db.select({ seq: sql<number | null>`max(${outboxEvents.seq})` }).from(outboxEvents));
  return Number(row?.seq ?? 0);
}

/** The channels' names as the values of an `in (…)`. */
function listOf(channels: readonly ChannelName[]): SQL {
  return sql.join(
    channels.map((c) => sql`${c}`),
    sql`, `,
  );
}

/** What a worker's pass has to do: fan out events some channel has not read, claim due deliveries. */
export type OutboxWork = { behind: boolean; due: boolean };

/**
 * One cheap read, every second in every process: is the head of the outbox past the cursor of
 * the channel furthest behind (a channel without a cursor has read nothing), and is any delivery
 * due? An idle pass ends here, so the many idle seconds cost one statement each.
 */
export async function outboxWork(db: Db, channels: readonly ChannelName[], now: Date): Promise<OutboxWork> {
  const names = [...new Set(channels)];
  if (!names.length) return { behind: false, due: false };
  const channelList = listOf(names);
  const [row] = await rows<{ behind: number | string; due: number | string }>(
    db,
    sql`select
        case when (select coalesce(max(seq), 0) from outbox_events) > (
          select case when count(*) < ${names.length} then 0 else min(last_seq) end
          from outbox_cursors where channel in (${channelList}))
        then 1 else 0 end as behind,
        case when exists (
          select 1 from outbox_deliveries where status = 'pending' and next_attempt_at <= ${now.toISOString()})
        then 1 else 0 end as due`,
  );
  return { behind: Number(row.behind) === 1, due: Number(row.due) === 1 };
}

/**
 * Turns the events after the channel's cursor into deliveries, in commit order, and moves the
 * cursor in the same transaction: each event is fanned out once, whoever runs this.
 * Returns how many events it read (0 when the channel is up to date).
 *
 * On PostgreSQL it runs beside the projects' commands, as a command of its own pseudo-project
 * (one per channel: fan-outs of one channel queue, on every instance), not as an installation-wide
 * writer that every command would stop for several times a second. No event is skipped: events
 * are numbered in the order they commit (`writeAtCommit`'s `inCommitOrder` in db/client.ts), so
 * every event numbered below one it sees has committed.
 */
export async function fanOut(db: Db, channel: Channel, now: Date): Promise<number> {
  // Outside any transaction: a channel already up to date (another one is behind, or the
  // previous batch was the last) takes no write lock.
  if ((await latestSeq(db)) <= (await cursorOf(db, channel.name))) return 0;
  return await transaction(
    db,
    async (tx) => {
      const after = await cursorOf(tx, channel.name);
      const events = await tx
        .select()
        .from(outboxEvents)
        .where(gt(outboxEvents.seq, after))
        .orderBy(asc(outboxEvents.seq))
        .limit(FAN_OUT_BATCH);
      if (!events.length) return 0;
      const at = now.toISOString();
      const deliveries: Array<typeof outboxDeliveries.$inferInsert> = [];
      for (const row of events) {
        const event = toEvent(row);
        const targets = event.directChannel
          ? event.directChannel === channel.name && event.directTarget
            ? [event.directTarget]
            : []
          : await channel.targets(tx, event);
        for (const targetId of new Set(targets)) {
          deliveries.push({
            channel: channel.name,
            targetId,
            eventSeq: event.seq,
            projectId: event.projectId,
            nextAttemptAt: at,
            createdAt: at,
          });
        }
      }
      for (let i = 0; i < deliveries.length; i += 100) {
        await tx.insert(outboxDeliveries).values(deliveries.slice(i, i + 100));
      }
      const last = events[events.length - 1].seq;
      await tx
        .insert(outboxCursors)
        .values({ channel: channel.name, lastSeq: last })
        .onConflictDoUpdate({ target: outboxCursors.channel, set: { lastSeq: last } });
      return events.length;
    },
    `outbox:${channel.name}`,
  );
}

/** A delivery this worker holds the lease of, with its event. */
export type ClaimedDelivery = { delivery: Delivery; event: OutboxEvent };

/**
 * Claims up to `limit` due deliveries of `channels`: pending, due, not leased by a live worker,
 * and the first pending one of their (channel, target, project), so each target receives a
 * project's events in order. Each claim takes the lease and counts the attempt. The worker calls
 * it only when `outboxWork` found something due (or it has just fanned events out).
 */
export async function claimDue(
  db: Db,
  channels: readonly ChannelName[],
  now: Date,
  limit: number,
): Promise<ClaimedDelivery[]> {
  if (!channels.length) return [];
  const at = now.toISOString();
  const lockClause = dialectOf(db) === "postgres" ? sql` for update skip locked` : sql``;
  const channelList = listOf(channels);
  return await rowLockedTransaction(
    db,
    async (tx) => {
      const due = await rows<{ id: string }>(
        tx,
        sql`select d.id from outbox_deliveries d
          where d.status = 'pending' and d.channel in (${channelList}) and d.next_attempt_at <= ${at}
            and (d.lease_until is null or d.lease_until <= ${at})
            and not exists (
              select 1 from outbox_deliveries e
              where e.channel = d.channel and e.target_id = d.target_id and e.status = 'pending'
                and e.event_seq < d.event_seq
                and (e.project_id = d.project_id or (e.project_id is null and d.project_id is null)))
          order by d.event_seq
          limit ${limit}${lockClause}`,
      );
      if (!due.length) return [];
      const claimed = await tx
        .update(outboxDeliveries)
        .set({ leaseUntil: new Date(now.getTime() + LEASE_MS).toISOString(), attempts: sql`attempts + 1` })
        .where(
          inArray(
            outboxDeliveries.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
      const events = await tx
        .select()
        .from(outboxEvents)
        .where(
          inArray(
            outboxEvents.seq,
            claimed.map((d) => d.eventSeq),
          ),
        );
      const bySeq = new Map(events.map((e) => [e.seq, toEvent(e)]));
      return claimed
        .sort((a, b) => a.eventSeq - b.eventSeq)
        .map((d) => ({
          delivery: {
            id: d.id,
            channel: d.channel,
            targetId: d.targetId,
            projectId: d.projectId,
            attempt: d.attempts,
            createdAt: d.createdAt,
          },
          event: bySeq.get(d.eventSeq)!,
        }));
    },
    { countsAsChange: false },
  );
}

/**
 * Records what one attempt came to: logged, then delivered, scheduled again with backoff, or
 * given up (the channel's `onGiveUp` in the same transaction). A worker whose lease was taken
 * over (it outlived LEASE_MS) logs its attempt but leaves the delivery to the new holder.
 */
export async function recordOutcome(
  db: Db,
  channel: Channel,
  claimed: ClaimedDelivery,
  outcome: SendOutcome,
  now: Date,
): Promise<void> {
  const { delivery, event } = claimed;
  const verdict =
    outcome.kind === "retry"
      ? afterFailure({
          attempt: delivery.attempt,
          createdAt: delivery.createdAt,
          now,
          retryForMs: channel.retryForMs,
          random: Math.random(),
        })
      : null;
  const givingUp = outcome.kind === "give_up" || (verdict !== null && !verdict.retry);
  const ours = and(eq(outboxDeliveries.id, delivery.id), eq(outboxDeliveries.attempts, delivery.attempt));
  const write = async (tx: DbOrTx) => {
    await tx.insert(outboxAttempts).values({
      deliveryId: delivery.id,
      attempt: delivery.attempt,
      at: now.toISOString(),
      statusCode: outcome.statusCode ?? null,
      durationMs: Math.round(outcome.durationMs),
      error: outcome.kind === "delivered" ? null : outcome.error.slice(0, 500),
    });
    const common = {
      leaseUntil: null,
      lastStatusCode: outcome.statusCode ?? null,
      lastError: outcome.kind === "delivered" ? null : outcome.error.slice(0, 500),
    };
    if (outcome.kind === "delivered") {
      return await tx
        .update(outboxDeliveries)
        .set({ ...common, status: "delivered", deliveredAt: now.toISOString() })
        .where(ours)
        .returning({ id: outboxDeliveries.id });
    }
    if (givingUp) {
      return await tx
        .update(outboxDeliveries)
        .set({ ...common, status: "failed" })
        .where(ours)
        .returning({ id: outboxDeliveries.id });
    }
    const next = verdict && verdict.retry ? verdict.nextAttemptAt : now.toISOString();
    return await tx
      .update(outboxDeliveries)
      .set({ ...common, nextAttemptAt: next })
      .where(ours)
      .returning({ id: outboxDeliveries.id });
  };
  if (!givingUp) {
    await rowLockedTransaction(db, write, { countsAsChange: true });
    return;
  }
  // Giving up may disable an endpoint and notify its owner (audited): an ordinary write.
  await transaction(db, async (tx) => {
    const updated = await write(tx);
    if (updated.length && channel.onGiveUp) await channel.onGiveUp(tx, delivery, event, outcome);
  });
}

/** How long delivered events (and their deliveries and attempts log) are kept. */
export const OUTBOX_RETENTION_DAYS = 30;

/**
 * Forgets events older than the retention that every channel has fanned out and that have no
 * delivery still pending; their deliveries and attempts go with them (cascade).
 */
export async function pruneOutbox(db: Db, channels: readonly ChannelName[], now: Date): Promise<void> {
  const cutoff = new Date(now.getTime() - OUTBOX_RETENTION_DAYS * 24 * 60 * 60_000).toISOString();
  const cursors = await Promise.all(channels.map((channel) => cursorOf(db, channel)));
  const fannedOutTo = Math.min(...cursors, Number.MAX_SAFE_INTEGER);
  await transaction(db, async (tx) => {
    await execute(
      tx,
      sql`delete from outbox_events where occurred_at < ${cutoff} and seq <= ${fannedOutTo}
        and not exists (
          select 1 from outbox_deliveries d where d.event_seq = outbox_events.seq and d.status = 'pending')`,
    );
  });
}
