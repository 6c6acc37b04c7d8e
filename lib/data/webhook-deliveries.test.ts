// Webhook deliveries end to end through the outbox worker, against a real database and a real
// HTTP receiver on 127.0.0.1: a test event reaches its one endpoint and verifies, a domain event
// fans out to the subscribed endpoints, the delivery log shows each attempt, a resend keeps the
// `webhook-id`, and only an endpoint's managers see its log or send to it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, transaction } from "@/db/client";
import { webhookEndpoints } from "@/db/schema";
import { emitEvent } from "@/lib/data/outbox";
import { listWebhookDeliveries, resendWebhookDelivery, sendWebhookTest } from "@/lib/data/webhook-deliveries";
import { registerWebhook } from "@/lib/data/webhooks";
import { AppError } from "@/lib/errors";
import { runOutbox } from "@/lib/outbox/worker";
import { webhookChannel } from "@/lib/outbox/webhook-channel";
import { createTestDb, ctxFor, makeUser, makeWorld } from "@/lib/testing/fixtures";

type Received = { headers: Record<string, string>; body: string; path: string };
let server: Server;
let base: string;
let received: Received[] = [];
/** The status the receiver answers next, per path (204 unless set). */
const answer: Record<string, number> = {};

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "";
      received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString(), path });
      res.writeHead(answer[path] ?? 204).end();
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

beforeEach(async () => {
  db = await createTestDb();
  world = await makeWorld(db);
  received = [];
  for (const key of Object.keys(answer)) delete answer[key];
  process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE = "1";
});
afterEach(() => {
  delete process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE;
});

const run = (now?: Date) => runOutbox(db, [webhookChannel], now);

async function register(path: string, events: string[] = ["*"]) {
  return await registerWebhook(
    db,
    ctxFor(world.pm),
    { url: base + path, events, projectId: world.project.id },
    { allowPrivate: true },
  );
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("a test event", () => {
  it("reaches its one endpoint, verifies with the secret, and shows in the delivery log", async () => {
    const { webhook, secret } = await register("/a", ["gate.decided"]);
    await register("/b");
    const { eventId } = await sendWebhookTest(db, ctxFor(world.pm), webhook.id);
    expect(await run()).toMatchObject({ attempted: 1 });
    expect(received.map((r) => r.path)).toEqual(["/a"]);
    const body = new Webhook(secret).verify(received[0].body, received[0].headers) as Record<string, unknown>;
    expect(body).toMatchObject({ type: "webhook.test", data: { webhookId: webhook.id } });

    const log = await listWebhookDeliveries(db, world.pm, webhook.id, { limit: 20 });
    expect(log.nextCursor).toBeNull();
    expect(log.items).toHaveLength(1);
    const [delivery] = log.items;
    expect(delivery).toMatchObject({
      eventId,
      eventType: "webhook.test",
      status: "delivered",
      attempts: 1,
      lastStatusCode: 204,
      messageId: received[0].headers["webhook-id"],
    });
    expect(delivery.attemptLog).toEqual([
      { attempt: 1, at: expect.any(String), statusCode: 204, durationMs: expect.any(Number), error: null },
    ]);
  });

  it("is refused for a disabled endpoint, and for anyone who does not manage it", async () => {
    const { webhook } = await register("/a");
    const otherPm = await makeUser(db, "staff");
    for (const outsider of [otherPm, world.engineer, world.owner]) {
      expect((await refusal(sendWebhookTest(db, ctxFor(outsider), webhook.id))).status).toBe(404);
      expect((await refusal(listWebhookDeliveries(db, outsider, webhook.id, { limit: 5 }))).status).toBe(404);
    }
    await db
      .update(webhookEndpoints)
      .set({ disabledAt: new Date().toISOString() })
      .where(eq(webhookEndpoints.id, webhook.id));
    const error = await refusal(sendWebhookTest(db, ctxFor(world.pm), webhook.id));
    expect(error.status).toBe(409);
    expect(await run()).toMatchObject({ attempted: 0 });
  });
});

describe("domain events", () => {
  it("go to every subscribed endpoint of the project, retried after a failure, resent with the same id", async () => {
    const votes = await register("/votes", ["gate.voted"]);
    const flaky = await register("/flaky");
    await register("/decisions", ["gate.decided"]);
    answer["/flaky"] = 503;
    await transaction(db, (tx) =>
      emitEvent(tx, { type: "gate.voted", projectId: world.project.id, data: { gateNumber: 7, vote: "go" } }),
    );
    await run();
    expect(received.map((r) => r.path).sort()).toEqual(["/flaky", "/votes"]);

    const [failed] = (await listWebhookDeliveries(db, world.pm, flaky.webhook.id, { limit: 5 })).items;
    expect(failed).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 503, lastError: "HTTP 503" });
    expect(failed.nextAttemptAt).not.toBeNull();

    // The next attempt, once its backoff has passed, succeeds under the same webhook-id.
    delete answer["/flaky"];
    await run(new Date(Date.now() + 60 * 60 * 1000));
    const flakyPosts = received.filter((r) => r.path === "/flaky");
    expect(flakyPosts).toHaveLength(2);
    expect(flakyPosts[1].headers["webhook-id"]).toBe(flakyPosts[0].headers["webhook-id"]);
    const [done] = (await listWebhookDeliveries(db, world.pm, flaky.webhook.id, { limit: 5 })).items;
    expect(done).toMatchObject({ status: "delivered", attempts: 2, lastStatusCode: 204 });
    expect(done.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [2, 204],
      [1, 503],
    ]);

    // Resent from the log: delivered again with the same id.
    const [voted] = (await listWebhookDeliveries(db, world.pm, votes.webhook.id, { limit: 5 })).items;
    await resendWebhookDelivery(db, ctxFor(world.pm), votes.webhook.id, voted.id);
    await run();
    const votePosts = received.filter((r) => r.path === "/votes");
    expect(votePosts).toHaveLength(2);
    expect(votePosts[1].headers["webhook-id"]).toBe(`msg_${voted.id}`);
    expect(votePosts[1].body).toBe(votePosts[0].body);
    // Another endpoint's delivery is not this one's to resend.
    expect((await refusal(resendWebhookDelivery(db, ctxFor(world.pm), flaky.webhook.id, voted.id))).status).toBe(404);
  });

  it("pages the log newest first", async () => {
    const { webhook } = await register("/a");
    for (let i = 0; i < 5; i++) await sendWebhookTest(db, ctxFor(world.pm), webhook.id);
    await run();
    const first = await listWebhookDeliveries(db, world.pm, webhook.id, { limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await listWebhookDeliveries(db, world.pm, webhook.id, { limit: 2, cursor: first.nextCursor! });
    const third = await listWebhookDeliveries(db, world.pm, webhook.id, { limit: 2, cursor: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items];
    expect(new Set(all.map((d) => d.id)).size).toBe(5);
    const created = all.map((d) => d.createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    expect((await refusal(listWebhookDeliveries(db, world.pm, webhook.id, { limit: 2, cursor: "bad" }))).status).toBe(
      422,
    );
  });

  it("an endpoint answering 410 is given up at once and disabled, its owner told", async () => {
    const { webhook } = await register("/gone");
    answer["/gone"] = 410;
    await transaction(db, (tx) => emitEvent(tx, { type: "gate.submitted", projectId: world.project.id, data: {} }));
    await run();
    const [delivery] = (await listWebhookDeliveries(db, world.pm, webhook.id, { limit: 5 })).items;
    expect(delivery).toMatchObject({ status: "failed", lastStatusCode: 410 });
    const [endpoint] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, webhook.id));
    expect(endpoint.disabledReason).toBe("gone");
    // Nothing more goes to it.
    await transaction(db, (tx) => emitEvent(tx, { type: "gate.submitted", projectId: world.project.id, data: {} }));
    await run();
    expect(received).toHaveLength(1);
  });
});
