// The delivery worker: runs in every server process (instrumentation.ts). Each pass fans new
// events out to the channels' targets and attempts every due delivery; several instances on one
// PostgreSQL share the work through claims (lib/data/outbox-deliveries.ts). A pass runs every
// second, and soon after this process commits an event; an idle pass is one read (outboxWork).
import type { Db } from "@/db/client";
import {
  claimDue,
  type ClaimedDelivery,
  fanOut,
  outboxWork,
  pruneOutbox,
  recordOutcome,
} from "@/lib/data/outbox-deliveries";
import { onOutboxCommit } from "@/lib/data/outbox";
import type { Channel, SendOutcome } from "@/lib/outbox/channel";

/** Deliveries attempted side by side in one pass. */
const CLAIM_LIMIT = 16;
const IDLE_MS = 1_000;
/**
 * How soon after a commit the next pass runs. Not at once: under a burst of writes, a pass per
 * commit would fan out one event at a time, each fan-out a write competing with the requests for
 * the database (on SQLite, for its one writer). A short wait lets one pass take a whole batch.
 */
const AFTER_COMMIT_MS = 250;
const PERIODIC_MS = 60_000;

export type PassResult = { fannedOut: number; attempted: number };

async function sendSafely(channel: Channel, db: Db, item: ClaimedDelivery): Promise<SendOutcome> {
  const started = performance.now();
  try {
    return await channel.send(db, item.delivery, item.event);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: "retry", durationMs: performance.now() - started, error: message };
  }
}

/** One pass over the outbox: what tests call to drive deliveries, and what the loop repeats. */
/** `now` fixes the clock (tests); by default each step reads the time it happens at. */
export async function runOutbox(db: Db, channels: readonly Channel[], now?: Date): Promise<PassResult> {
  const clock = () => now ?? new Date();
  const byName = new Map(channels.map((c) => [c.name, c]));
  const work = await outboxWork(db, [...byName.keys()], clock());
  let fannedOut = 0;
  if (work.behind) {
    for (const channel of channels) {
      for (let read = await fanOut(db, channel, clock()); read > 0; read = await fanOut(db, channel, clock())) {
        fannedOut += read;
      }
    }
  }
  // Events just fanned out are due now, though the probe came before their deliveries.
  if (!work.due && fannedOut === 0) return { fannedOut, attempted: 0 };
  const claimed = await claimDue(db, [...byName.keys()], clock(), CLAIM_LIMIT);
  await Promise.all(
    claimed.map(async (item) => {
      const channel = byName.get(item.delivery.channel)!;
      const outcome = await sendSafely(channel, db, item);
      await recordOutcome(db, channel, item, outcome, clock());
    }),
  );
  return { fannedOut, attempted: claimed.length };
}

type Worker = { stop: () => Promise<void> };
const running = globalThis as unknown as { lightgateOutboxWorker?: Worker };

/**
 * Starts this process's worker (once: hot reloads and repeated calls reuse it). A pass that fails
 * (the database restarting) is logged and the next one tries again; nothing is lost, since
 * events and deliveries live in the database until they are acknowledged.
 */
export function startOutboxWorker(db: Db, channels: readonly Channel[]): Worker {
  if (running.lightgateOutboxWorker) return running.lightgateOutboxWorker;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastPeriodic = 0;

  let dueAt = Infinity;
  /** Runs the next pass within `delay` ms: brings a later one forward, never puts one off. */
  const schedule = (delay: number) => {
    if (stopped || Date.now() + delay >= dueAt) return;
    clearTimeout(timer);
    dueAt = Date.now() + delay;
    timer = setTimeout(tick, delay);
    timer.unref();
  };

  const tick = () => {
    dueAt = Infinity;
    if (pass) {
      again = true;
      return;
    }
    pass = (async () => {
      let busy = false;
      try {
        const result = await runOutbox(db, channels);
        // Fan-out reads until nothing is left; a full claim may leave due deliveries behind.
        busy = result.attempted >= CLAIM_LIMIT;
        if (Date.now() - lastPeriodic >= PERIODIC_MS) {
          lastPeriodic = Date.now();
          for (const channel of channels) await channel.periodic?.(db, new Date());
          await pruneOutbox(
            db,
            channels.map((c) => c.name),
            new Date(),
          );
        }
      } catch (error) {
        console.error(`Outbox: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        pass = null;
        schedule(busy ? 0 : again ? AFTER_COMMIT_MS : IDLE_MS);
        again = false;
      }
    })();
  };

  onOutboxCommit(() => schedule(AFTER_COMMIT_MS));
  schedule(0);
  const worker: Worker = {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      onOutboxCommit(() => undefined);
      await pass;
      delete running.lightgateOutboxWorker;
    },
  };
  running.lightgateOutboxWorker = worker;
  return worker;
}
