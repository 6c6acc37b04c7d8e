// Signed audit checkpoints against a real migrated database with the demo data (SQLite here, and
// PostgreSQL through vitest.pg.config.ts): someone who can write the database cuts the newest
// events, rewrites the chain with fresh hashes, removes or forges checkpoints; verification says so.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { asc, count, desc, eq, gte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, execute, first, transaction } from "@/db/client";
import { auditCheckpoints, auditEvents, projects, statusReports } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { GENESIS_HASH, hashEvent, recordAudit } from "@/lib/audit";
import {
  auditSigningKey,
  checkpointAuditHead,
  forgetAuditSigningKeys,
  headsPublished,
  KEEP_CHECKPOINTS,
  latestCheckpoint,
  recentCheckpoints,
  verifyAuditTrail,
} from "@/lib/data/audit-checkpoints";
import { freezeReport } from "@/lib/data/status-reports";
import { parseHead, signatureValid } from "@/lib/domain/audit-checkpoint";
import type { StatusReportSnapshot } from "@/lib/domain/status-report";
import { createTestDb, ctxFor, makeUser } from "@/lib/testing/fixtures";

// A fixed key from the environment: the tests never write a key file.
const SEED = Buffer.alloc(32, 42).toString("base64");
beforeAll(() => {
  process.env.LIGHTGATE_AUDIT_SIGNING_KEY = SEED;
  forgetAuditSigningKeys();
});
afterAll(() => {
  delete process.env.LIGHTGATE_AUDIT_SIGNING_KEY;
  forgetAuditSigningKeys();
});

const verify = async (db: Db, heads: { seq: number; hash: string }[] = []) =>
  await verifyAuditTrail(db, auditSigningKey(), heads);
const lastSeq = async (db: Db) =>
  (await first(db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq))))!.seq;

/** What an attacker with write access does: recompute every hash from `fromSeq` on, no secret needed. */
async function rehashFrom(db: Db, fromSeq: number) {
  const events = await db.select().from(auditEvents).where(gte(auditEvents.seq, fromSeq)).orderBy(asc(auditEvents.seq));
  const before = await first(
    db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.seq, fromSeq - 1)),
  );
  let previous = before?.hash ?? GENESIS_HASH;
  for (const event of events) {
    const hash = hashEvent({ ...event, previousHash: previous });
    await db.update(auditEvents).set({ previousHash: previous, hash }).where(eq(auditEvents.seq, event.seq));
    previous = hash;
  }
}

describe("signed audit checkpoints on the demo data", () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
    await seedDemo(db);
  }, 120_000);

  it("an untouched chain verifies against its newest checkpoint, signed once per transaction", async () => {
    const verdict = await verify(db);
    expect(verdict.problems).toEqual([]);
    expect(verdict.ok).toBe(true);
    const events = await lastSeq(db);
    expect(verdict.checkpoint).toMatchObject({ seq: events, keyFingerprint: auditSigningKey().fingerprint });
    const rows = (await first(db.select({ n: count() }).from(auditCheckpoints)))!.n;
    // One per transaction that appended events, not one per event.
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThan(events);
    const admin = await makeUser(db, "admin");
    const recent = await recentCheckpoints(db, admin, 5);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every((c) => c.signatureValid)).toBe(true);
    expect(recent[0].seq).toBe(events);
  });

  it("a command signs the head after its last event; a rolled-back one leaves no checkpoint", async () => {
    const admin = await makeUser(db, "admin");
    await transaction(db, async (tx) => {
      for (const n of [1, 2, 3])
        await recordAudit(tx, ctxFor(admin), { action: "x.t", objectType: "t", objectId: `${n}` });
    });
    const head = await lastSeq(db);
    expect((await latestCheckpoint(db))!.seq).toBe(head);
    const before = (await first(db.select({ n: count() }).from(auditCheckpoints)))!.n;
    await expect(
      transaction(db, async (tx) => {
        await recordAudit(tx, ctxFor(admin), { action: "x.t", objectType: "t", objectId: "rolled back" });
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect((await first(db.select({ n: count() }).from(auditCheckpoints)))!.n).toBe(before);
    expect((await verify(db)).ok).toBe(true);
  });

  it("deleting the newest event fails, naming the missing event", async () => {
    const head = await lastSeq(db);
    await db.delete(auditEvents).where(eq(auditEvents.seq, head));
    const verdict = await verify(db);
    expect(verdict.ok).toBe(false);
    expect(verdict.chain.ok).toBe(true); // the hash chain alone cannot tell
    expect(verdict.problems).toEqual([
      expect.stringMatching(new RegExp(`^event #${head} is missing: .* ends at #${head - 1}`)),
    ]);
  });

  it("rewriting the chain with fresh hashes fails: the chain no longer leads to the checkpoint", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const head = await lastSeq(db);
    await db.update(auditEvents).set({ actorEmail: "someone.else@demo.test" }).where(eq(auditEvents.seq, 5));
    await rehashFrom(db, 5);
    const verdict = await verify(db);
    expect(verdict.chain.ok).toBe(true);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems[0]).toMatch(new RegExp(`does not lead to the newest signed checkpoint \\(#${head}\\)`));

    // Making the checkpoint row agree needs the key: a forged row fails its signature.
    const newHead = (await first(db.select().from(auditEvents).where(eq(auditEvents.seq, head))))!;
    await db.update(auditCheckpoints).set({ hash: newHead.hash }).where(eq(auditCheckpoints.seq, head));
    expect((await verify(db)).problems).toEqual([expect.stringMatching(/does not carry a valid signature/)]);

    // Removing every checkpoint is seen too.
    await execute(db, sql`delete from audit_checkpoints`);
    expect((await verify(db)).problems).toEqual([expect.stringMatching(/no signed checkpoint/)]);
  }, 120_000);

  it("a head published in a status report proves a later cut, even with the newer checkpoints removed", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const project = (await first(
      db.select().from(projects).where(eq(projects.name, "Nordlicht residential billing MVP")),
    ))!;
    const report = await transaction(
      db,
      async (tx) => await freezeReport(tx, null, project, "2027-03-03T09:00:00.000Z"),
    );
    const row = (await first(db.select().from(statusReports).where(eq(statusReports.id, report.id))))!;
    const published = (row.snapshot as unknown as StatusReportSnapshot).auditHead!;
    expect(signatureValid(auditSigningKey().publicKey, published)).toBe(true);
    const line = /--head (\d+:[0-9a-f]{64})/.exec(row.markdown)!;
    expect(parseHead(line[1])).toEqual({ seq: published.seq, hash: published.hash });
    expect((await verify(db, [published])).ok).toBe(true);

    // More history, then someone cuts everything from the published head on, with its checkpoints.
    const admin = await makeUser(db, "admin");
    await transaction(
      db,
      async (tx) => void (await recordAudit(tx, ctxFor(admin), { action: "x.later", objectType: "t", objectId: "1" })),
    );
    await db.delete(auditEvents).where(gte(auditEvents.seq, published.seq));
    await db.delete(auditCheckpoints).where(gte(auditCheckpoints.seq, published.seq));
    // The database alone now looks whole: an older checkpoint, a chain that leads to it.
    expect((await verify(db)).ok).toBe(true);
    const verdict = await verify(db, [published]);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      expect.stringMatching(new RegExp(`^event #${published.seq} is missing: the published head #${published.seq}`)),
    ]);
  }, 120_000);
});

describe("checkpoint upkeep and publication", () => {
  it(`keeps the newest ${KEEP_CHECKPOINTS} checkpoints, thinning older ones in batches`, async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    await transaction(
      db,
      async (tx) => void (await recordAudit(tx, ctxFor(admin), { action: "x", objectType: "t", objectId: "1" })),
    );
    for (let i = 0; i < KEEP_CHECKPOINTS + 150; i++) {
      await transaction(db, async (tx) => void (await checkpointAuditHead(tx)));
    }
    const rows = (await first(db.select({ n: count() }).from(auditCheckpoints)))!.n;
    expect(rows).toBeGreaterThanOrEqual(KEEP_CHECKPOINTS);
    expect(rows).toBeLessThan(KEEP_CHECKPOINTS + 100);
    expect((await verify(db)).ok).toBe(true);
  }, 60_000);

  it("posts each committed head to the webhook, and a dead webhook never fails the command", async () => {
    const received: Record<string, unknown>[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    try {
      process.env.LIGHTGATE_AUDIT_HEAD_WEBHOOK = `http://127.0.0.1:${(server.address() as AddressInfo).port}/heads`;
      await transaction(
        db,
        async (tx) => void (await recordAudit(tx, ctxFor(admin), { action: "x", objectType: "t", objectId: "1" })),
      );
      await headsPublished();
      expect(received).toHaveLength(1);
      const head = (await latestCheckpoint(db))!;
      expect(received[0]).toMatchObject({
        kind: "lightgate.audit_head",
        seq: head.seq,
        hash: head.hash,
        signature: head.signature,
      });
      expect(received[0].publicKey).toBe(auditSigningKey().publicKeyPem);
      // Nothing is posted for a transaction that rolled back.
      await transaction(db, async (tx) => {
        await recordAudit(tx, ctxFor(admin), { action: "x", objectType: "t", objectId: "2" });
        throw new Error("no");
      }).catch(() => undefined);
      await headsPublished();
      expect(received).toHaveLength(1);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    // The server is gone: the command still commits; the failure is only logged.
    await transaction(
      db,
      async (tx) => void (await recordAudit(tx, ctxFor(admin), { action: "x", objectType: "t", objectId: "3" })),
    );
    await headsPublished();
    delete process.env.LIGHTGATE_AUDIT_HEAD_WEBHOOK;
    expect((await latestCheckpoint(db))!.seq).toBe(await lastSeq(db));
  });
});
