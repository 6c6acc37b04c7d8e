import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { execute, transaction } from "@/db/client";
import { auditCheckpoints, auditEvents } from "@/db/schema";
import { createTestDb, ctxFor, makeUser } from "@/lib/testing/fixtures";
import { canonicalJson, GENESIS_HASH, recordAudit, verifyAuditChain } from "./audit";

describe("canonicalJson", () => {
  it.each([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ a: { d: [1, { z: 1, y: 2 }], c: null } }, '{"a":{"c":null,"d":[1,{"y":2,"z":1}]}}'],
    [{ a: undefined, b: "x" }, '{"b":"x"}'],
    ["text", '"text"'],
  ])("%j → %s", (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });
});

describe("the audit chain", () => {
  it("stays one line when a transaction appends around savepoints that are kept or rolled back", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const append = (tx: typeof db, n: number) =>
      recordAudit(tx, ctxFor(admin), { action: "a.step", objectType: "thing", objectId: String(n) });
    await transaction(db, async (tx) => {
      await append(tx, 1);
      await transaction(tx, async (inner) => void (await append(inner, 2)));
      await append(tx, 3);
      await transaction(tx, async (inner) => {
        await append(inner, 4);
        throw new Error("undo");
      }).catch(() => undefined);
      await append(tx, 5);
    });
    const kept = await db.select({ seq: auditEvents.seq, objectId: auditEvents.objectId }).from(auditEvents);
    expect(kept.sort((a, b) => a.seq - b.seq)).toEqual([
      { seq: 1, objectId: "1" },
      { seq: 2, objectId: "2" },
      { seq: 3, objectId: "3" },
      { seq: 4, objectId: "5" },
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 4 });
  });

  it("signs a checkpoint only for a transaction that committed events, not for the one after a rollback", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const checkpoints = async () => (await db.select().from(auditCheckpoints)).length;
    await transaction(db, async (tx) => {
      await recordAudit(tx, ctxFor(admin), { action: "a.step", objectType: "thing", objectId: "0" });
    });
    const before = await checkpoints();
    await expect(
      transaction(db, async (tx) => {
        await recordAudit(tx, ctxFor(admin), { action: "a.step", objectType: "thing", objectId: "1" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await transaction(db, async (tx) => void (await tx.select().from(auditEvents)));
    expect(await checkpoints()).toBe(before);
    await transaction(db, async (tx) => {
      await recordAudit(tx, ctxFor(admin), { action: "a.step", objectType: "thing", objectId: "2" });
    });
    expect(await checkpoints()).toBe(before + 1);
  });

  it("writes a transaction's thousands of events at its end in groups, one line with the chain", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    await transaction(db, async (tx) => {
      for (let n = 0; n < 5000; n++) {
        await recordAudit(tx, ctxFor(admin), { action: "a.step", objectType: "thing", objectId: String(n) });
      }
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 5000 });
  }, 60_000);

  it("links every event to the previous one and verifies", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const first = await recordAudit(db, ctxFor(admin), {
      action: "a.one",
      objectType: "thing",
      objectId: "1",
      after: { x: 1 },
    });
    const second = await recordAudit(db, ctxFor(admin), {
      action: "a.two",
      objectType: "thing",
      objectId: "1",
      before: { x: 1 },
      after: { x: 2 },
    });
    expect(first.previousHash).toBe(GENESIS_HASH);
    expect(second.previousHash).toBe(first.hash);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 2, head: second.hash });
  });

  it("names the first altered event", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    for (let i = 0; i < 3; i++)
      await recordAudit(db, ctxFor(admin), { action: `a.${i}`, objectType: "thing", objectId: String(i) });
    await execute(db, sql`update audit_events set action = 'tampered' where seq = 2`);
    const verdict = await verifyAuditChain(db);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.brokenAt.seq).toBe(2);
  });

  it("notices a removed event", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    for (let i = 0; i < 3; i++)
      await recordAudit(db, ctxFor(admin), { action: `a.${i}`, objectType: "thing", objectId: String(i) });
    await execute(db, sql`delete from audit_events where seq = 2`);
    const verdict = await verifyAuditChain(db, 1);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.brokenAt.seq).toBe(3);
    expect(await db.select().from(auditEvents)).toHaveLength(2);
  });
});
