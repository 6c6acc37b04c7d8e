// The webhook channel against a real database and a real HTTP receiver on 127.0.0.1: who an event
// goes to, the signed POST (verified by the standardwebhooks package), what each answer comes to,
// the SSRF guard at send time, and an endpoint disabled (owner notified, audited) when it gives up.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, first, one } from "@/db/client";
import {
  auditEvents,
  gateBoardMembers,
  notifications,
  outboxDeliveries,
  outboxEvents,
  projectMembers,
  webhookEndpoints,
} from "@/db/schema";
import { registerWebhook, rotateWebhookSecret, type AddressPolicy } from "@/lib/data/webhooks";
import { sealText } from "@/lib/secret-box";
import { newWebhookSecret } from "@/lib/webhook-signing";
import { createTestDb, ctxFor, makeProject, makeUser, makeWorld } from "@/lib/testing/fixtures";
import type { Delivery, OutboxEvent } from "./channel";
import { webhookChannel } from "./webhook-channel";
import { ANSWER_BYTES, postWebhook } from "./webhook-post";

type Received = { headers: IncomingMessage["headers"]; body: string; path: string };
let server: Server;
let base: string;
let received: Received[] = [];
/** What the receiver answers, by path. */
const ANSWERS: Record<string, (res: import("node:http").ServerResponse) => void> = {
  "/ok": (res) => res.writeHead(204).end(),
  "/gone": (res) => res.writeHead(410).end("gone"),
  "/broken": (res) => res.writeHead(500).end("database down\n"),
  "/moved": (res) => res.writeHead(302, { location: "/ok" }).end(),
  "/slow": () => undefined,
  "/huge": (res) => res.writeHead(200).end("x".repeat(1_000_000)),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), path: req.url ?? "" });
      (ANSWERS[req.url ?? ""] ?? ANSWERS["/ok"])(res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

let db: Db;
let world: Awaited<ReturnType<typeof makeWorld>>;
const local: AddressPolicy = { allowPrivate: true };

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
  received = [];
  process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE = "1";
});
afterEach(() => {
  delete process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE;
});

function eventOf(type: string, projectId: string | null, data: Record<string, unknown> = {}): OutboxEvent {
  return {
    seq: 1,
    id: crypto.randomUUID(),
    type: type as OutboxEvent["type"],
    projectId,
    data,
    occurredAt: "2026-11-30T08:00:00.000Z",
    directChannel: null,
    directTarget: null,
  };
}

function deliveryTo(targetId: string, projectId: string | null = null): Delivery {
  return {
    id: crypto.randomUUID(),
    channel: "webhook",
    targetId,
    projectId,
    attempt: 1,
    createdAt: new Date().toISOString(),
  };
}

async function register(path: string, events: string[], projectId: string | null, actor = world.pm) {
  return await registerWebhook(db, ctxFor(actor), { url: base + path, events, projectId }, local);
}

describe("targets", () => {
  it("are the enabled endpoints subscribed to the type, of the event's project or of every project", async () => {
    const mine = await register("/ok", ["gate.submitted"], world.project.id);
    const all = await register("/ok", ["*"], null, world.admin);
    await register("/ok", ["gate.voted"], world.project.id);
    const disabled = await register("/ok", ["*"], world.project.id);
    await db
      .update(webhookEndpoints)
      .set({ disabledAt: "2026-11-29T00:00:00Z", disabledReason: "gone" })
      .where(eq(webhookEndpoints.id, disabled.webhook.id));
    const otherPm = await makeUser(db, "staff");
    const other = await makeProject(db, otherPm, world.org.id);
    const theirs = await register("/ok", ["*"], other.id, otherPm);

    const event = eventOf("gate.submitted", world.project.id);
    expect(new Set(await webhookChannel.targets(db, event))).toEqual(new Set([mine.webhook.id, all.webhook.id]));
    expect(new Set(await webhookChannel.targets(db, eventOf("gate.submitted", other.id)))).toEqual(
      new Set([all.webhook.id, theirs.webhook.id]),
    );
    // Internal events never fan out to subscribers.
    expect(await webhookChannel.targets(db, eventOf("notification.created", world.project.id))).toEqual([]);
    expect(await webhookChannel.targets(db, eventOf("webhook.test", world.project.id))).toEqual([]);
    // An event without a project reaches the endpoints for every project only.
    expect(await webhookChannel.targets(db, eventOf("gate.submitted", null))).toEqual([all.webhook.id]);
  });

  it("skip an endpoint for every project whose owner cannot see the event's project", async () => {
    const staff = await makeUser(db, "staff");
    const endpoint = await one(
      db
        .insert(webhookEndpoints)
        .values({
          url: base + "/ok",
          events: ["*"],
          projectId: null,
          ownerId: staff.id,
          secret: sealText(newWebhookSecret()),
        })
        .returning(),
    );
    expect(await webhookChannel.targets(db, eventOf("gate.voted", world.project.id))).not.toContain(endpoint.id);
    // Nor a project's endpoint once its owner has left the project.
    const { webhook } = await register("/ok", ["*"], world.project.id);
    expect(await webhookChannel.targets(db, eventOf("gate.voted", world.project.id))).toContain(webhook.id);
    await db.delete(projectMembers).where(eq(projectMembers.userId, world.pm.id));
    // A seat on a review board would still let them read the project.
    await db.delete(gateBoardMembers).where(eq(gateBoardMembers.userId, world.pm.id));
    expect(await webhookChannel.targets(db, eventOf("gate.voted", world.project.id))).not.toContain(webhook.id);
  });
});

describe("send", () => {
  it("posts {type, timestamp, data} signed as Standard Webhooks, msg_ + the delivery id", async () => {
    const { webhook, secret } = await register("/ok", ["*"], world.project.id);
    const delivery = deliveryTo(webhook.id, world.project.id);
    const event = eventOf("gate.submitted", world.project.id, { projectId: world.project.id, gateNumber: 7 });
    const outcome = await webhookChannel.send(db, delivery, event);
    expect(outcome).toMatchObject({ kind: "delivered", statusCode: 204 });
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got.headers["content-type"]).toBe("application/json");
    expect(got.headers["user-agent"]).toBe("Lightgate-Webhooks/1");
    expect(got.headers["webhook-id"]).toBe(`msg_${delivery.id}`);
    const verified = new Webhook(secret).verify(got.body, got.headers as Record<string, string>);
    expect(verified).toEqual({
      type: "gate.submitted",
      timestamp: "2026-11-30T08:00:00.000Z",
      data: { projectId: world.project.id, gateNumber: 7 },
    });
  });

  it("signs with the old and the new secret after a rotation", async () => {
    const { webhook, secret } = await register("/ok", ["*"], world.project.id);
    const rotated = await rotateWebhookSecret(db, ctxFor(world.pm), webhook.id);
    await webhookChannel.send(db, deliveryTo(webhook.id), eventOf("gate.voted", world.project.id));
    const [got] = received;
    expect(String(got.headers["webhook-signature"]).split(" ")).toHaveLength(2);
    for (const s of [secret, rotated.secret]) {
      expect(() => new Webhook(s).verify(got.body, got.headers as Record<string, string>)).not.toThrow();
    }
    // Once the 24 hours are over, only the new one signs.
    await db
      .update(webhookEndpoints)
      .set({ previousSecretUntil: "2020-01-01T00:00:00.000Z" })
      .where(eq(webhookEndpoints.id, webhook.id));
    await webhookChannel.send(db, deliveryTo(webhook.id), eventOf("gate.voted", world.project.id));
    expect(String(received[1].headers["webhook-signature"]).split(" ")).toHaveLength(1);
  });

  it.each([
    ["/gone", { kind: "give_up", statusCode: 410 }],
    ["/broken", { kind: "retry", statusCode: 500, error: "HTTP 500: database down" }],
    ["/moved", { kind: "retry", statusCode: 302 }],
  ])("%s comes to %j", async (path, expected) => {
    const { webhook } = await register(path, ["*"], world.project.id);
    const outcome = await webhookChannel.send(db, deliveryTo(webhook.id), eventOf("gate.voted", world.project.id));
    expect(outcome).toMatchObject(expected);
    // A redirect is not followed: the receiver saw one request only.
    expect(received.map((r) => r.path)).toEqual([path]);
  });

  it("gives up on a deleted or disabled endpoint without sending", async () => {
    expect(await webhookChannel.send(db, deliveryTo(crypto.randomUUID()), eventOf("gate.voted", null))).toMatchObject({
      kind: "give_up",
    });
    const { webhook } = await register("/ok", ["*"], world.project.id);
    await db
      .update(webhookEndpoints)
      .set({ disabledAt: new Date().toISOString() })
      .where(eq(webhookEndpoints.id, webhook.id));
    expect(await webhookChannel.send(db, deliveryTo(webhook.id), eventOf("gate.voted", null))).toMatchObject({
      kind: "give_up",
    });
    expect(received).toEqual([]);
  });

  it("refuses at send time a name that now leads to a private address (DNS rebinding)", async () => {
    const { webhook } = await register("/ok", ["*"], world.project.id);
    // Registered while allowed; the name now resolves to loopback and the installation forbids it.
    await db
      .update(webhookEndpoints)
      .set({ url: base.replace("127.0.0.1", "localhost") + "/ok" })
      .where(eq(webhookEndpoints.id, webhook.id));
    delete process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE;
    const outcome = await webhookChannel.send(db, deliveryTo(webhook.id), eventOf("gate.voted", null));
    expect(outcome).toMatchObject({ kind: "retry" });
    expect(outcome.kind !== "delivered" && outcome.error).toMatch(/refused address/);
    await db
      .update(webhookEndpoints)
      .set({ url: base + "/ok" })
      .where(eq(webhookEndpoints.id, webhook.id));
    const literal = await webhookChannel.send(db, deliveryTo(webhook.id), eventOf("gate.voted", null));
    expect(literal.kind !== "delivered" && literal.error).toMatch(/refused address 127\.0\.0\.1/);
    expect(received).toEqual([]);
  });
});

describe("the POST itself", () => {
  it("stops at its time limit and reads at most a few KB of an answer", async () => {
    const slow = await postWebhook(base + "/slow", {}, "{}", { allowPrivate: true, timeoutMs: 300 });
    expect(slow).toMatchObject({ kind: "failed", error: "timed out after 0.3 s" });
    const huge = await postWebhook(base + "/huge", {}, "{}", { allowPrivate: true });
    expect(huge.kind === "answered" && huge.body.length).toBe(ANSWER_BYTES);
    const refused = await postWebhook("http://169.254.169.254/latest/meta-data", {}, "{}", { allowPrivate: false });
    expect(refused).toMatchObject({ kind: "failed" });
  });
});

describe("giving up", () => {
  async function deliveryRow(endpointId: string, status: "pending" | "delivered" | "failed", deliveredAt?: string) {
    const event = await one(
      db
        .insert(outboxEvents)
        .values({ type: "gate.voted", projectId: world.project.id, data: {}, occurredAt: new Date().toISOString() })
        .returning(),
    );
    return await one(
      db
        .insert(outboxDeliveries)
        .values({
          channel: "webhook",
          targetId: endpointId,
          eventSeq: event.seq,
          projectId: world.project.id,
          status,
          nextAttemptAt: new Date().toISOString(),
          deliveredAt: deliveredAt ?? null,
        })
        .returning(),
    );
  }

  it("disables an endpoint that answered 410, tells its owner and audits it", async () => {
    const { webhook } = await register("/gone", ["*"], world.project.id);
    const row = await deliveryRow(webhook.id, "pending");
    await webhookChannel.onGiveUp!(
      db,
      { ...deliveryTo(webhook.id), id: row.id },
      eventOf("gate.voted", world.project.id),
      { kind: "give_up", statusCode: 410, durationMs: 3, error: "gone" },
    );
    const endpoint = (await first(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, webhook.id))))!;
    expect(endpoint).toMatchObject({ disabledReason: "gone" });
    expect(endpoint.disabledAt).not.toBeNull();
    const note = await first(
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, world.pm.id), eq(notifications.kind, "webhook.disabled"))),
    );
    expect(note).toMatchObject({
      href: `/projects/${world.project.id}/webhooks`,
      params: { url: webhook.url, reason: "gone" },
    });
    const audit = await first(db.select().from(auditEvents).where(eq(auditEvents.action, "webhook.disable")));
    expect(audit).toMatchObject({ objectId: webhook.id, actorId: null, projectId: world.project.id });
  });

  it("disables one that has taken nothing for a day, and keeps one that still takes other deliveries", async () => {
    const failing = await register("/broken", ["*"], world.project.id);
    const row = await deliveryRow(failing.webhook.id, "pending");
    const outcome = { kind: "retry", statusCode: 500, durationMs: 3, error: "HTTP 500" } as const;
    const event = eventOf("gate.voted", world.project.id);
    await webhookChannel.onGiveUp!(db, { ...deliveryTo(failing.webhook.id), id: row.id }, event, outcome);
    expect(
      (await first(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, failing.webhook.id))))!
        .disabledReason,
    ).toBe("failing");

    const working = await register("/ok", ["*"], world.project.id);
    await deliveryRow(working.webhook.id, "delivered", new Date(Date.now() - 3600_000).toISOString());
    const poisoned = await deliveryRow(working.webhook.id, "pending");
    await webhookChannel.onGiveUp!(db, { ...deliveryTo(working.webhook.id), id: poisoned.id }, event, outcome);
    expect(
      (await first(db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, working.webhook.id))))!.disabledAt,
    ).toBeNull();
    const notes = await db.select().from(notifications).where(eq(notifications.kind, "webhook.disabled"));
    expect(notes).toHaveLength(1);
  });
});
