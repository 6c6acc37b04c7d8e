import { beforeEach, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { type Db, execute, rows, transaction } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import {
  auditChainSummary,
  listProjectAudit,
  listRecentEvents,
  projectAuditFacets,
  verifyChain,
} from "@/lib/data/audit-trail";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
// The UTC day the events were first written on: "today" is taken when a test runs, never when
// the file loads, and the range starts here so a run across midnight still holds every event.
let writtenFrom: string;
const utcDay = () => new Date().toISOString().slice(0, 10);

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeEach(async () => {
  writtenFrom = utcDay();
  db = await createTestDb();
  world = await makeWorld(db);
  const projectId = world.project.id;
  await transaction(db, async (tx) => {
    await recordAudit(tx, ctxFor(world.pm), {
      action: "project.update",
      objectType: "project",
      objectId: projectId,
      projectId,
      before: { status: "active", internalNotes: "margin is thin" },
      after: { status: "on_hold", internalNotes: "waiting for the client" },
    });
    await recordAudit(tx, ctxFor(world.engineer), {
      action: "artifact.version.add",
      objectType: "artifact",
      objectId: "a1",
      projectId,
      after: { title: "SOW" },
    });
    await recordAudit(tx, ctxFor(world.owner), {
      action: "sprint.accept",
      objectType: "sprint",
      objectId: "s1",
      projectId,
      after: { number: 1, amount: 12000 },
    });
    await recordAudit(tx, ctxFor(world.pm), {
      action: "gate.submit",
      objectType: "gate",
      objectId: "g7",
      projectId,
      after: { number: 7 },
    });
  });
});

const list = async (actor = world.pm, options: Record<string, unknown> = {}) =>
  await listProjectAudit(db, actor, world.project.id, { limit: 50, ...options });

describe("project audit timeline", () => {
  it("lists the project's events newest first with the API field names", async () => {
    const page = await list();
    expect(page.items.map((e) => e.action)).toEqual([
      "gate.submit",
      "sprint.accept",
      "artifact.version.add",
      "project.update",
      "project.create",
    ]);
    expect(page.items[0]).toMatchObject({
      actor: { id: world.pm.id, email: world.pm.email },
      objectType: "gate",
      objectId: "g7",
    });
    expect(page.items[0].previousHash).toBe(page.items[1].hash);
    expect(page.nextCursor).toBeNull();
  });

  it("paginates with a cursor without gaps or repeats", async () => {
    const first = await list(world.pm, { limit: 2 });
    const second = await list(world.pm, { limit: 2, cursor: first.nextCursor });
    const third = await list(world.pm, { limit: 2, cursor: second.nextCursor });
    const all = [...first.items, ...second.items, ...third.items].map((e) => e.seq);
    expect(all).toEqual((await list()).items.map((e) => e.seq));
    expect(third.nextCursor).toBeNull();
    expect((await refusal(async () => await list(world.pm, { cursor: "abc" }))).status).toBe(422);
  });

  const filters: [string, Record<string, unknown> | (() => Record<string, unknown>), string[]][] = [
    ["an exact action", { action: "gate.submit" }, ["gate.submit"]],
    ["a family of actions", { action: "project" }, ["project.update", "project.create"]],
    ["an actor by email", { actor: "ENGINEER" }, []],
    ["an object type", { objectType: "sprint" }, ["sprint.accept"]],
    [
      "a date range including today",
      () => ({ from: writtenFrom, to: utcDay() }),
      ["gate.submit", "sprint.accept", "artifact.version.add", "project.update", "project.create"],
    ],
    ["a date range in the past", { from: "2020-01-01", to: "2020-12-31" }, []],
  ];
  it.each(filters)("filters by %s", async (_label, filter, actions) => {
    expect((await list(world.pm, typeof filter === "function" ? filter() : filter)).items.map((e) => e.action)).toEqual(
      actions,
    );
  });

  it("filters by actor id and by exact email", async () => {
    expect((await list(world.pm, { actor: world.engineer.id })).items.map((e) => e.action)).toEqual([
      "artifact.version.add",
    ]);
    expect((await list(world.pm, { actor: world.engineer.email.toUpperCase() })).items.map((e) => e.action)).toEqual([
      "artifact.version.add",
    ]);
  });

  it("offers the project's actions, object types and actors as filter values", async () => {
    const facets = await projectAuditFacets(db, world.viewer, world.project.id);
    expect(facets.objectTypes).toEqual(["artifact", "gate", "project", "sprint"]);
    expect(facets.actions).toContain("sprint.accept");
    expect(facets.actors.map((a) => a.id)).toEqual(
      expect.arrayContaining([world.pm.id, world.engineer.id, world.owner.id]),
    );
  });

  it("shows vendor members everything, including internal notes and amounts", async () => {
    const update = (await list(world.engineer)).items.find((e) => e.action === "project.update")!;
    expect(update.after).toEqual({ status: "on_hold", internalNotes: "waiting for the client" });
    expect(update.ip).toBe("127.0.0.1");
    expect(update.withheld).toEqual([]);
  });

  it.each(["owner", "guardian", "viewer", "integrator"] as const)(
    "withholds internal notes, amounts, IP and user agent from %s",
    async (who) => {
      const page = await list(world[who]);
      expect(page.seesInternal).toBe(false);
      const update = page.items.find((e) => e.action === "project.update")!;
      expect(update.before).toEqual({ status: "active" });
      expect(update.after).toEqual({ status: "on_hold" });
      expect(update.withheld).toEqual(["before.internalNotes", "after.internalNotes", "ip", "userAgent"]);
      expect(update.ip).toBeNull();
      const accept = page.items.find((e) => e.action === "sprint.accept")!;
      expect(accept.after).toEqual({ number: 1 });
      // The amount as a JSON value: "12000" alone also turns up, now and then, inside a random hash or id.
      expect(JSON.stringify(page.items)).not.toMatch(/margin is thin|waiting for the client|[:,\[]12000[,}\]]/);
    },
  );
});

describe("another user cannot see the project's audit trail", () => {
  it.each(["otherViewer", "outsiderStaff"] as const)("%s gets not found", async (who) => {
    expect((await refusal(async () => await list(world[who]))).status).toBe(404);
    expect((await refusal(async () => await projectAuditFacets(db, world[who], world.project.id))).status).toBe(404);
  });

  it.each(["pm", "owner", "outsiderStaff"] as const)(
    "%s may not read the chain state or verify it (403)",
    async (who) => {
      expect((await refusal(async () => await auditChainSummary(db, world[who]))).status).toBe(403);
      expect((await refusal(async () => await verifyChain(db, world[who]))).status).toBe(403);
    },
  );
});

describe("the whole trail for administrators", () => {
  it("lists every event newest first, including those outside projects, in pages", async () => {
    await recordAudit(db, ctxFor(world.admin), {
      action: "policy.publish",
      objectType: "gate_policy_version",
      objectId: "v2",
    });
    const first = await listRecentEvents(db, world.admin, { limit: 2 });
    expect(first.items.map((e) => e.action)).toEqual(["policy.publish", "gate.submit"]);
    const rest = await listRecentEvents(db, world.admin, { limit: 50, cursor: first.nextCursor });
    expect(rest.items).toHaveLength(4);
    expect(rest.nextCursor).toBeNull();
  });

  it.each(["pm", "owner"] as const)("%s may not list it (403)", async (who) => {
    expect((await refusal(async () => await listRecentEvents(db, world[who], { limit: 10 }))).status).toBe(403);
  });
});

describe("audit chain verification", () => {
  it("verifies an intact chain and reports its head", async () => {
    const summary = await auditChainSummary(db, world.admin);
    const verdict = await verifyChain(db, world.admin);
    expect(verdict).toMatchObject({ ok: true, events: summary.events, head: summary.head });
    expect(summary.events).toBe(5);
  });

  it("fails at the altered event when a row is updated", async () => {
    const [target] = await rows<{ seq: number; id: string }>(
      db,
      sql`select seq, id from audit_events where action = 'sprint.accept'`,
    );
    await db
      .update(auditEvents)
      .set({ after: { number: 1, amount: 1 } })
      .where(eq(auditEvents.seq, target.seq));
    const verdict = await verifyChain(db, world.admin);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.brokenAt).toEqual({ seq: target.seq, id: target.id });
      expect(verdict.problem).toMatch(/altered/);
      expect(verdict.events).toBe(target.seq - 1);
    }
  });

  it("fails at the event after a deleted row", async () => {
    const [target] = await rows<{ seq: number }>(
      db,
      sql`select seq from audit_events where action = 'artifact.version.add'`,
    );
    const [next] = await rows<{ seq: number; id: string }>(
      db,
      sql`select seq, id from audit_events where seq > ${target.seq} order by seq limit 1`,
    );
    await execute(db, sql`delete from audit_events where seq = ${target.seq}`);
    const verdict = await verifyChain(db, world.admin);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) {
      expect(verdict.brokenAt).toEqual(next);
      expect(verdict.problem).toMatch(new RegExp(`event ${target.seq} is missing`));
    }
  });

  it("fails at a row whose stored hash was replaced", async () => {
    const [target] = await rows<{ seq: number }>(db, sql`select seq from audit_events where action = 'gate.submit'`);
    await execute(db, sql`update audit_events set hash = ${"f".repeat(64)} where seq = ${target.seq - 1}`);
    const verdict = await verifyChain(db, world.admin);
    expect(verdict.ok).toBe(false);
    if (!verdict.ok) expect(verdict.brokenAt.seq).toBe(target.seq - 1);
  });
});
