// The outbox and its delivery worker on a real migrated database (SQLite here; vitest.pg.config.ts
// runs this file again on PostgreSQL). The channel is a small recording one: what it receives and
// what it answers is the test's to decide, and everything between (fan-out, claims, order, backoff,
// giving up, the attempts log) is the code under test.
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  closeDatabase,
  type Db,
  type DbOrTx,
  dialectOf,
  first,
  rowLockedTransaction,
  rows,
  transaction,
} from "@/db/client";
import { outboxAttempts, outboxDeliveries, outboxEvents } from "@/db/schema";
import { createTestDb, secondInstanceOf } from "@/lib/testing/fixtures";
import { statementsOf, watchRoundTrips } from "@/lib/testing/statements";
import type { Channel, Delivery, OutboxEvent, SendOutcome } from "@/lib/outbox/channel";
import { runOutbox } from "@/lib/outbox/worker";
import { claimDue, fanOut, LEASE_MS, OUTBOX_RETENTION_DAYS, pruneOutbox } from "./outbox-deliveries";
import { emitEvent, resendDelivery } from "./outbox";

const HOUR = 60 * 60_000;

type Answer = (delivery: Delivery, event: OutboxEvent) => SendOutcome | Promise<SendOutcome>;

/** A channel whose targets and answers the test sets; it records every send. */
function recordingChannel(targets: (event: OutboxEvent) => string[], answer: Answer = () => ok) {
  const sent: Array<{ delivery: Delivery; event: OutboxEvent }> = [];
  const givenUp: string[] = [];
  const channel: Channel & { answer: Answer } = {
    name: "webhook",
    retryForMs: 24 * HOUR,
    answer,
    targets: async (_tx: DbOrTx, event) => targets(event),
    send: async (_db, delivery, event) => {
      sent.push({ delivery, event });
      return await channel.answer(delivery, event);
    },
    onGiveUp: async (_tx, delivery) => void givenUp.push(delivery.id),
  };
  return { channel, sent, givenUp };
}

const ok: SendOutcome = { kind: "delivered", statusCode: 200, durationMs: 3 };
const down: SendOutcome = { kind: "retry", statusCode: 503, durationMs: 4, error: "Service Unavailable" };

async function emit(db: Db, type: "gate.submitted" | "gate.voted", projectId: string | null, n = 1) {
  return await transaction(db, async (tx) => await emitEvent(tx, { type, projectId, data: { n } }));
}

const at = (iso: string) => new Date(iso);

describe("the outbox", () => {
  it("writes an event only when its transaction commits", async () => {
    const db = await createTestDb();
    await expect(
      transaction(db, async (tx) => {
        await emitEvent(tx, { type: "gate.submitted", projectId: "p1", data: { gateId: "g1" } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select().from(outboxEvents)).toHaveLength(0);
    const id = await emit(db, "gate.submitted", "p1");
    const [row] = await db.select().from(outboxEvents);
    expect(row).toMatchObject({ id, type: "gate.submitted", projectId: "p1", data: { n: 1 } });
  });

  it("writes a transaction's events at its end, in order; a savepoint that rolls back takes its own", async () => {
    const db = await createTestDb();
    await transaction(db, async (tx) => {
      await emitEvent(tx, { type: "gate.submitted", projectId: "p1", data: { n: 1 } });
      await expect(
        transaction(db, async (inner) => {
          await emitEvent(inner, { type: "gate.voted", projectId: "p1", data: { n: 2 } });
          throw new Error("the savepoint failed");
        }),
      ).rejects.toThrow("the savepoint failed");
      await transaction(db, async (inner) => {
        await emitEvent(inner, { type: "gate.voted", projectId: "p1", data: { n: 3 } });
      });
      await emitEvent(tx, { type: "gate.submitted", projectId: "p1", data: { n: 4 } });
    });
    const rows = await db.select().from(outboxEvents).orderBy(outboxEvents.seq);
    expect(rows.map((r) => r.data.n)).toEqual([1, 3, 4]);
  });

  it("never writes the events of a rolled-back transaction in the next one", async () => {
    const db = await createTestDb();
    await expect(
      transaction(db, async (tx) => {
        await emitEvent(tx, { type: "gate.submitted", projectId: "p1", data: { n: 1 } });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await emit(db, "gate.voted", "p1", 2);
    const rows = await db.select().from(outboxEvents);
    expect(rows.map((r) => [r.type, r.data.n])).toEqual([["gate.voted", 2]]);
  });

  it("fans each event out once to the targets of that moment, delivers it and logs the attempt", async () => {
    const db = await createTestDb();
    const { channel, sent } = recordingChannel(() => ["endpoint-a", "endpoint-b"]);
    await emit(db, "gate.submitted", "p1");
    expect(await runOutbox(db, [channel])).toEqual({ fannedOut: 1, attempted: 2 });
    expect(sent.map((s) => s.delivery.targetId).sort()).toEqual(["endpoint-a", "endpoint-b"]);
    expect(sent[0].delivery.attempt).toBe(1);
    expect(await runOutbox(db, [channel])).toEqual({ fannedOut: 0, attempted: 0 });
    const deliveries = await db.select().from(outboxDeliveries);
    expect(deliveries.map((d) => d.status)).toEqual(["delivered", "delivered"]);
    const attempts = await db.select().from(outboxAttempts);
    expect(attempts).toHaveLength(2);
    expect(attempts[0]).toMatchObject({ attempt: 1, statusCode: 200, durationMs: 3, error: null });
  });

  it("retries a failure with backoff, in the order of the project's events, then delivers", async () => {
    const db = await createTestDb();
    const { channel, sent } = recordingChannel(
      () => ["endpoint-a"],
      () => down,
    );
    await emit(db, "gate.submitted", "p1", 1);
    await emit(db, "gate.voted", "p1", 2);
    await emit(db, "gate.submitted", "p2", 3);
    const t0 = at("2026-11-30T08:00:00.000Z");
    // First pass: p1's first event fails; p1's second waits behind it; p2's is not held up.
    await runOutbox(db, [channel], t0);
    expect(sent.map((s) => s.event.data.n)).toEqual([1, 3]);
    const first1 = (await db.select().from(outboxDeliveries).orderBy(asc(outboxDeliveries.eventSeq)))[0];
    expect(first1).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503, leaseUntil: null });
    const wait = Date.parse(first1.nextAttemptAt) - t0.getTime();
    expect(wait).toBeGreaterThanOrEqual(4_000);
    expect(wait).toBeLessThanOrEqual(6_000);
    // Not due yet: nothing is attempted.
    await runOutbox(db, [channel], at("2026-11-30T08:00:03.000Z"));
    expect(sent).toHaveLength(2);
    // Due, and the receiver is back: p1's events arrive in order, p2's too.
    channel.answer = () => ok;
    await runOutbox(db, [channel], at("2026-11-30T08:00:30.000Z"));
    await runOutbox(db, [channel], at("2026-11-30T08:00:31.000Z"));
    expect(sent.map((s) => s.event.data.n)).toEqual([1, 3, 1, 3, 2]);
    expect(sent.at(-3)!.delivery.attempt).toBe(2);
    const attempts = await db.select().from(outboxAttempts).where(eq(outboxAttempts.deliveryId, first1.id));
    expect(attempts.map((a) => [a.attempt, a.statusCode]).sort()).toEqual([
      [1, 503],
      [2, 200],
    ]);
  });

  it("counts a send that throws as a failed attempt, never a lost one", async () => {
    const db = await createTestDb();
    const { channel } = recordingChannel(
      () => ["endpoint-a"],
      () => {
        throw new Error("connect ECONNREFUSED 127.0.0.1:9");
      },
    );
    await emit(db, "gate.submitted", "p1");
    await runOutbox(db, [channel], at("2026-11-30T08:00:00.000Z"));
    const delivery = (await first(db.select().from(outboxDeliveries)))!;
    expect(delivery).toMatchObject({ status: "pending", attempts: 1, lastError: "connect ECONNREFUSED 127.0.0.1:9" });
  });

  it("gives up after the channel's retry window, once, and lets the next event through", async () => {
    const db = await createTestDb();
    const { channel, sent, givenUp } = recordingChannel(
      () => ["endpoint-a"],
      () => down,
    );
    await emit(db, "gate.submitted", "p1", 1);
    await emit(db, "gate.voted", "p1", 2);
    await runOutbox(db, [channel]);
    const [stuck] = await db.select().from(outboxDeliveries).orderBy(asc(outboxDeliveries.eventSeq));
    const aDayLater = new Date(Date.parse(stuck.createdAt) + 24 * HOUR + 1000);
    await runOutbox(db, [channel], aDayLater);
    expect(givenUp).toEqual([stuck.id]);
    expect((await first(db.select().from(outboxDeliveries).where(eq(outboxDeliveries.id, stuck.id))))!.status).toBe(
      "failed",
    );
    channel.answer = () => ok;
    await runOutbox(db, [channel], aDayLater);
    expect(sent.at(-1)!.event.data.n).toBe(2);
    expect(givenUp).toHaveLength(1);
  });

  it("gives up at once on an answer that says never again", async () => {
    const db = await createTestDb();
    const gone: SendOutcome = { kind: "give_up", statusCode: 410, durationMs: 2, error: "Gone" };
    const { channel, givenUp } = recordingChannel(
      () => ["endpoint-a"],
      () => gone,
    );
    await emit(db, "gate.submitted", "p1");
    await runOutbox(db, [channel]);
    expect(givenUp).toHaveLength(1);
    expect((await first(db.select().from(outboxDeliveries)))!).toMatchObject({ status: "failed", lastStatusCode: 410 });
  });

  it("takes back a delivery whose worker died mid-send once its lease has run out", async () => {
    const db = await createTestDb();
    const { channel, sent } = recordingChannel(() => ["endpoint-a"]);
    await emit(db, "gate.submitted", "p1");
    const t0 = at("2026-11-30T08:00:00.000Z");
    // A worker claims it, then dies before recording anything (kill -9 mid-send).
    await fanOut(db, channel, t0);
    expect(await claimDue(db, ["webhook"], t0, 10)).toHaveLength(1);
    // Leased: no one else may take it meanwhile.
    await runOutbox(db, [channel], new Date(t0.getTime() + LEASE_MS - 1000));
    expect(sent).toHaveLength(0);
    await runOutbox(db, [channel], new Date(t0.getTime() + LEASE_MS + 1000));
    expect(sent).toHaveLength(1);
    expect(sent[0].delivery.attempt).toBe(2);
    expect((await first(db.select().from(outboxDeliveries)))!.status).toBe("delivered");
  });

  it("sends a direct event to its one target of its one channel only", async () => {
    const db = await createTestDb();
    const { channel, sent } = recordingChannel(() => ["everyone"]);
    await transaction(db, async (tx) => {
      await emitEvent(tx, {
        type: "webhook.test",
        projectId: null,
        data: {},
        direct: { channel: "webhook", target: "endpoint-a" },
      });
      await emitEvent(tx, {
        type: "email.message",
        projectId: null,
        data: {},
        direct: { channel: "email", target: "x" },
      });
    });
    await runOutbox(db, [channel]);
    expect(sent.map((s) => [s.event.type, s.delivery.targetId])).toEqual([["webhook.test", "endpoint-a"]]);
  });

  it("forgets delivered events after the retention, never one still pending or not yet fanned out", async () => {
    const db = await createTestDb();
    const { channel } = recordingChannel(() => ["endpoint-a"]);
    await emit(db, "gate.submitted", "p1", 1);
    await runOutbox(db, [channel]);
    await emit(db, "gate.submitted", "p2", 2);
    channel.answer = () => down;
    await runOutbox(db, [channel]);
    await emit(db, "gate.voted", "p3", 3);
    const later = new Date(Date.now() + (OUTBOX_RETENTION_DAYS + 1) * 24 * HOUR);
    await pruneOutbox(db, ["webhook"], later);
    // The first was delivered: gone, with its delivery and attempt. The second is still being
    // retried, the third not fanned out yet: both kept.
    expect((await db.select().from(outboxEvents)).map((e) => e.data.n)).toEqual([2, 3]);
    expect(await db.select().from(outboxAttempts)).toHaveLength(1);
  });

  it("resends a delivery under the same id", async () => {
    const db = await createTestDb();
    const { channel, sent } = recordingChannel(() => ["endpoint-a"]);
    await emit(db, "gate.submitted", "p1");
    await runOutbox(db, [channel]);
    await transaction(db, (tx) => resendDelivery(tx, sent[0].delivery.id));
    await runOutbox(db, [channel]);
    expect(sent.map((s) => [s.delivery.id, s.delivery.attempt])).toEqual([
      [sent[0].delivery.id, 1],
      [sent[0].delivery.id, 2],
    ]);
  });
});

describe("an idle pass", () => {
  it("is one read, with every channel up to date and a retry not yet due", async (ctx) => {
    const db = await createTestDb();
    if (dialectOf(db) !== "sqlite") return ctx.skip();
    const webhook = recordingChannel(() => ["endpoint-a"]);
    const email = recordingChannel(
      () => ["someone@example.com"],
      () => down,
    );
    const channels = [webhook.channel, { ...email.channel, name: "email" as const }];
    const t0 = at("2026-11-30T08:00:00.000Z");
    await emit(db, "gate.submitted", "p1");
    expect(await runOutbox(db, channels, t0)).toEqual({ fannedOut: 2, attempted: 2 });
    // Delivered by webhook; the email waits for its backoff, so nothing is due a moment later.
    const statements = await statementsOf(db, () => runOutbox(db, channels, at("2026-11-30T08:00:00.500Z")));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/^select/);
    // The same read still sees work: the retry once due, an event once committed.
    expect(await runOutbox(db, channels, at("2026-11-30T09:00:00.000Z"))).toEqual({ fannedOut: 0, attempted: 1 });
    await emit(db, "gate.voted", "p1");
    expect(await runOutbox(db, channels, at("2026-11-30T09:00:01.000Z"))).toMatchObject({ fannedOut: 2 });
  });

  it("fans out to a channel that has read nothing yet, though the others are up to date", async () => {
    const db = await createTestDb();
    const webhook = recordingChannel(() => ["endpoint-a"]);
    const email = recordingChannel(() => ["someone@example.com"]);
    const emailChannel = { ...email.channel, name: "email" as const };
    await emit(db, "gate.submitted", "p1");
    expect(await runOutbox(db, [webhook.channel])).toEqual({ fannedOut: 1, attempted: 1 });
    expect(await runOutbox(db, [webhook.channel, emailChannel])).toEqual({ fannedOut: 1, attempted: 1 });
    expect(email.sent.map((s) => s.delivery.targetId)).toEqual(["someone@example.com"]);
    expect(await runOutbox(db, [webhook.channel, emailChannel])).toEqual({ fannedOut: 0, attempted: 0 });
  });
});

describe("two instances on one PostgreSQL", () => {
  it("never claim the same delivery at once (FOR UPDATE SKIP LOCKED), and together deliver each once", async (ctx) => {
    const db = await createTestDb();
    if (dialectOf(db) !== "postgres") return ctx.skip();
    const other = secondInstanceOf(db);
    try {
      const received: string[] = [];
      // Slow sends: both instances run passes while the other's claims are in flight.
      const slow: Answer = async (delivery) => {
        received.push(delivery.id);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return ok;
      };
      const a = recordingChannel((e) => [`endpoint-${String(e.data.n)}`], slow);
      const b = recordingChannel((e) => [`endpoint-${String(e.data.n)}`], slow);
      for (let n = 0; n < 40; n++) await emit(db, "gate.submitted", "p1", n);
      const both = await Promise.all([
        (async () => {
          for (let i = 0; i < 6; i++) await runOutbox(db, [a.channel]);
        })(),
        (async () => {
          for (let i = 0; i < 6; i++) await runOutbox(other, [b.channel]);
        })(),
      ]);
      expect(both).toHaveLength(2);
      expect(new Set(received).size).toBe(40);
      expect(received).toHaveLength(40);
      // Both took part.
      expect(a.sent.length).toBeGreaterThan(0);
      expect(b.sent.length).toBeGreaterThan(0);
      const deliveries = await db.select().from(outboxDeliveries);
      expect(deliveries.every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
    } finally {
      await closeDatabase(other);
    }
  });

  it("skip the deliveries the other instance is claiming this very moment, without waiting for it", async (ctx) => {
    const db = await createTestDb();
    if (dialectOf(db) !== "postgres") return ctx.skip();
    const other = secondInstanceOf(db);
    try {
      const { channel } = recordingChannel((e) => [`endpoint-${String(e.data.n)}`]);
      for (let n = 0; n < 6; n++) await emit(db, "gate.submitted", "p1", n);
      await fanOut(db, channel, new Date());
      // Instance A is in the middle of a claim: it holds the first three rows locked. Instance B
      // claims meanwhile and must get the other three at once (without SKIP LOCKED it would wait
      // for A, which waits for B here: the test would time out).
      const taken = await rowLockedTransaction(
        db,
        async (tx) => {
          const locked = await rows<{ id: string }>(
            tx,
            sql`select id from outbox_deliveries order by event_seq limit 3 for update`,
          );
          const claimed = await claimDue(other, ["webhook"], new Date(), 10);
          return { locked: locked.map((r) => r.id), claimed: claimed.map((c) => c.delivery.id) };
        },
        { countsAsChange: false },
      );
      expect(taken.claimed).toHaveLength(3);
      expect(taken.claimed.filter((id) => taken.locked.includes(id))).toEqual([]);
    } finally {
      await closeDatabase(other);
    }
  }, 20_000);
});

describe("fan-out on PostgreSQL", () => {
  it("runs beside a command in flight, and skips none of its events", async (ctx) => {
    const db = await createTestDb();
    if (dialectOf(db) !== "postgres") return ctx.skip();
    const { channel } = recordingChannel(() => ["endpoint-a"]);
    await emit(db, "gate.submitted", "p1", 1);
    // A command on another project has emitted its event and waits before it commits.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const command = transaction(
      db,
      async (tx) => {
        await rows(tx, sql`select 1`);
        await emitEvent(tx, { type: "gate.voted", projectId: "p2", data: { n: 2 } });
        started();
        await gate;
      },
      "p2",
    );
    await running;
    // The fan-out does not wait for it (as an installation-wide writer it would, and this test
    // would time out): it reads the event that has committed.
    expect(await fanOut(db, channel, new Date())).toBe(1);
    release();
    await command;
    expect(await fanOut(db, channel, new Date())).toBe(1);
    const fannedOut = await db.select().from(outboxDeliveries).orderBy(asc(outboxDeliveries.eventSeq));
    const events = await db.select().from(outboxEvents).orderBy(asc(outboxEvents.seq));
    expect(fannedOut.map((d) => d.eventSeq)).toEqual(events.map((e) => e.seq));
  });

  it("numbers a command's events under the audit chain's lock, also when it appends no audit event", async (ctx) => {
    const db = await createTestDb();
    if (dialectOf(db) !== "postgres") return ctx.skip();
    const trips = watchRoundTrips();
    try {
      await transaction(db, (tx) => emitEvent(tx, { type: "gate.voted", projectId: "p1", data: { n: 1 } }), "p1");
      const texts = trips.texts();
      const locked = texts.findIndex((text) => text.includes("pg_advisory_xact_lock(7411003)"));
      const inserted = texts.findIndex((text) => text.includes('insert into "outbox_events"'));
      expect(locked).toBeGreaterThanOrEqual(0);
      expect(inserted).toBeGreaterThan(locked);
    } finally {
      trips.stop();
    }
  });
});
