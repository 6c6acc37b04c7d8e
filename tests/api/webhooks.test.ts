// Webhooks over HTTP (bearer token), each answer held to the contract and the OpenAPI document:
// registered with the secret once, listed without it, every 422 naming its field (in the reader's
// language too), another PM's endpoint 404, a test event through the worker to a real receiver,
// its delivery in the log and resent, the secret rotated, the endpoint deleted.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as deliveriesRoute from "@/app/api/v1/webhooks/[webhookId]/deliveries/route";
import * as resendRoute from "@/app/api/v1/webhooks/[webhookId]/deliveries/[deliveryId]/resend/route";
import * as rotateRoute from "@/app/api/v1/webhooks/[webhookId]/rotate-secret/route";
import * as webhookRoute from "@/app/api/v1/webhooks/[webhookId]/route";
import * as testRoute from "@/app/api/v1/webhooks/[webhookId]/test/route";
import * as eventTypesRoute from "@/app/api/v1/webhooks/event-types/route";
import * as webhooksRoute from "@/app/api/v1/webhooks/route";
import {
  deleteWebhookOp,
  getWebhookOp,
  listWebhookDeliveriesOp,
  listWebhookEventTypesOp,
  listWebhooksOp,
  registerWebhookOp,
  resendWebhookDeliveryOp,
  rotateWebhookSecretOp,
  testWebhookOp,
} from "@/lib/contract/webhooks";
import { PUBLIC_EVENT_TYPES } from "@/lib/domain/event-types";
import { runOutbox } from "@/lib/outbox/worker";
import { webhookChannel } from "@/lib/outbox/webhook-channel";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { makeUser } from "@/lib/testing/fixtures";

let { db, world, api } = {} as ApiWorld;
let server: Server;
let url: string;
let hits = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    hits += 1;
    req.resume();
    req.on("end", () => res.writeHead(200).end("ok"));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(async () => {
  ({ db, world, api } = await apiWorld());
  process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE = "1";
});
afterEach(() => {
  delete process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE;
});

describe("/api/v1/webhooks", () => {
  it("registers with the secret once, lists without it, tests, logs, resends, rotates and deletes", async () => {
    const created = await api.call(webhooksRoute.POST, registerWebhookOp, {
      as: world.pm,
      body: { url, events: ["gate.submitted", "gate.decided"], projectId: world.project.id, description: "CRM" },
    });
    expect(created.status).toBe(201);
    const { id, secret } = created.body as { id: string; secret: string };
    expect(secret).toMatch(/^whsec_/);
    expect(created.response.headers.get("location")).toBe(`/api/v1/webhooks/${id}`);

    const listed = await api.call(webhooksRoute.GET, listWebhooksOp, { as: world.pm });
    expect(listed.body).toEqual({ items: [expect.objectContaining({ id, url, description: "CRM" })] });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const got = await api.call(webhookRoute.GET, getWebhookOp, { as: world.admin, params: { webhookId: id } });
    expect(got.body).toMatchObject({ id, projectId: world.project.id, disabledAt: null });

    const test = await api.call(testRoute.POST, testWebhookOp, { as: world.pm, params: { webhookId: id } });
    expect(test.status).toBe(200);
    await runOutbox(db, [webhookChannel]);
    expect(hits).toBeGreaterThan(0);
    const log = await api.call(deliveriesRoute.GET, listWebhookDeliveriesOp, {
      as: world.pm,
      params: { webhookId: id },
    });
    const [delivery] = (log.body as { items: { id: string; eventType: string; lastStatusCode: number }[] }).items;
    expect(delivery).toMatchObject({ eventType: "webhook.test", lastStatusCode: 200 });
    const resent = await api.call(resendRoute.POST, resendWebhookDeliveryOp, {
      as: world.pm,
      params: { webhookId: id, deliveryId: delivery.id },
    });
    expect(resent.status).toBe(204);

    const rotated = await api.call(rotateRoute.POST, rotateWebhookSecretOp, {
      as: world.pm,
      params: { webhookId: id },
    });
    expect(rotated.body).toMatchObject({ secret: expect.stringMatching(/^whsec_/) });
    expect((rotated.body as { secret: string }).secret).not.toBe(secret);

    const deleted = await api.call(webhookRoute.DELETE, deleteWebhookOp, { as: world.pm, params: { webhookId: id } });
    expect(deleted.status).toBe(204);
    expect((await api.call(webhookRoute.GET, getWebhookOp, { as: world.pm, params: { webhookId: id } })).status).toBe(
      404,
    );
  });

  it("another PM cannot see or delete the endpoint", async () => {
    const created = await api.call(webhooksRoute.POST, registerWebhookOp, {
      as: world.pm,
      body: { url, events: ["*"], projectId: world.project.id },
    });
    const { id } = created.body as { id: string };
    const otherPm = await makeUser(db, "staff");
    for (const [handler, op] of [
      [webhookRoute.GET, getWebhookOp],
      [webhookRoute.DELETE, deleteWebhookOp],
      [deliveriesRoute.GET, listWebhookDeliveriesOp],
      [testRoute.POST, testWebhookOp],
      [rotateRoute.POST, rotateWebhookSecretOp],
    ] as const) {
      expect((await api.call(handler, op, { as: otherPm, params: { webhookId: id } })).status).toBe(404);
    }
    expect((await api.call(webhooksRoute.GET, listWebhooksOp, { as: otherPm })).body).toEqual({ items: [] });
    expect((await api.call(webhookRoute.GET, getWebhookOp, { as: world.pm, params: { webhookId: id } })).status).toBe(
      200,
    );
  });

  // The receiver's URL is known only once it listens: each case fills it in.
  it.each([
    ["a URL that is not http(s)", { url: "ftp://example.com/x", events: ["*"] }, "url"],
    ["an unknown event type", { events: ["gate.exploded"] }, "events"],
    ["no event type", { events: [] }, "events"],
    ["no project (a PM)", { events: ["*"], projectId: null }, "projectId"],
    ["an unknown project", { events: ["*"], projectId: "00000000-0000-4000-8000-000000000000" }, "projectId"],
    ["a project id that is no id", { events: ["*"], projectId: "nope" }, "projectId"],
  ])("answers 422 naming the field for %s, and writes nothing", async (_, body, field) => {
    const refused = await api.call(webhooksRoute.POST, registerWebhookOp, {
      as: world.pm,
      body: { url, projectId: world.project.id, ...body },
    });
    expect(refused.status).toBe(422);
    expect(Object.keys((refused.body as { errors: object }).errors)).toEqual([field]);
    expect((await api.call(webhooksRoute.GET, listWebhooksOp, { as: world.pm })).body).toEqual({ items: [] });
  });

  it("refuses a URL to a private address unless the installation allows it, in the reader's language", async () => {
    delete process.env.LIGHTGATE_WEBHOOKS_ALLOW_PRIVATE;
    const refused = await api.call(webhooksRoute.POST, registerWebhookOp, {
      as: world.pm,
      body: { url, events: ["*"], projectId: world.project.id },
      headers: { "accept-language": "es" },
    });
    expect(refused.status).toBe(422);
    expect((refused.body as { errors: { url: string[] } }).errors.url[0]).toBe(
      "Esta dirección lleva a 127.0.0.1, una dirección de red privada o local; " +
        "los webhooks solo se envían a direcciones públicas.",
    );
  });

  it("lists the public event types with their descriptions", async () => {
    const answer = await api.call(eventTypesRoute.GET, listWebhookEventTypesOp, { as: world.viewer });
    expect(answer.body).toEqual({ items: PUBLIC_EVENT_TYPES.map(({ type, description }) => ({ type, description })) });
  });

  it("refuses client accounts with 403", async () => {
    const refused = await api.call(webhooksRoute.POST, registerWebhookOp, {
      as: world.owner,
      body: { url, events: ["*"], projectId: world.project.id },
    });
    expect(refused.status).toBe(403);
  });
});
