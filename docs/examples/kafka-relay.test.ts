// The example Kafka relay (docs/examples/kafka-relay.ts), end to end over HTTP: deliveries are signed here
// with the `standardwebhooks` package, as Lightgate signs them, and posted to the running relay; a local
// HTTP server stands in for the Confluent REST Proxy (it refuses any other content type, as the proxy
// does, and records what it is given). No Kafka: the relay's contract is the gateway's HTTP API.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { createRelay, KAFKA_JSON_V2, type RelayOptions } from "./kafka-relay";

type Produced = { path: string; contentType: string | undefined; authorization?: string; body: unknown };
type ProxyMode = "accept" | "fail" | "record_error" | "hang";

const servers: Server[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Answers like REST Proxy v2: offsets per record, or an error; `mode` can be switched mid-test. */
async function startProxy() {
  const state = { mode: "accept" as ProxyMode, produced: [] as Produced[], offset: 0 };
  const url = await listen(
    createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const reply = (status: number, body: unknown) => {
          response.writeHead(status, { "content-type": "application/vnd.kafka.v2+json" });
          response.end(JSON.stringify(body));
        };
        if (request.headers["content-type"] !== KAFKA_JSON_V2) {
          return reply(415, { error_code: 415, message: "HTTP 415 Unsupported Media Type" });
        }
        if (state.mode === "hang") return; // never answers
        if (state.mode === "fail") return reply(500, { error_code: 500, message: "Internal Server Error" });
        if (state.mode === "record_error") {
          return reply(200, { offsets: [{ partition: null, offset: null, error_code: 50003, error: "timed out" }] });
        }
        state.produced.push({
          path: request.url!,
          contentType: request.headers["content-type"],
          authorization: request.headers.authorization,
          body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
        });
        reply(200, { key_schema_id: null, value_schema_id: null, offsets: [{ partition: 0, offset: state.offset++ }] });
      });
    }),
  );
  return { url, state };
}

const newSecret = () => `whsec_${randomBytes(24).toString("base64")}`;

async function setUp(options: Partial<RelayOptions> = {}) {
  const proxy = await startProxy();
  const secret = newSecret();
  const relayUrl = await listen(
    createRelay({ secret, restUrl: proxy.url, topic: "lightgate.events", produceTimeoutMs: 1_000, ...options }),
  );
  return { proxy, secret, relayUrl };
}

const PROJECT = "7d0f4b2e-3c1a-4e5b-9f6d-2a8b1c3e5f70";

function gateSubmitted(projectId: string | null = PROJECT) {
  return {
    type: "gate.submitted",
    timestamp: new Date().toISOString(),
    data: { ...(projectId ? { project: { id: projectId, name: "Meridian" } } : {}), gate: { number: 4 } },
  };
}

/** Signs as Lightgate does: `webhook-id` msg_<delivery id>, the time in seconds, `v1,<signature>`. */
function signed(secret: string, event: unknown, id = `msg_${randomUUID()}`, at = new Date()) {
  const body = JSON.stringify(event);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": new Webhook(secret).sign(id, at, body),
    },
  };
}

async function deliver(relayUrl: string, delivery: { body: string; headers: Record<string, string> }) {
  const response = await fetch(relayUrl, { method: "POST", headers: delivery.headers, body: delivery.body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the example Kafka relay", () => {
  it("produces a good delivery to the topic, keyed by its project, with the webhook-id in the value", async () => {
    const { proxy, secret, relayUrl } = await setUp({ restAuthorization: "Basic cmVsYXk6c2VjcmV0" });
    const event = gateSubmitted();
    const delivery = signed(secret, event);
    expect(await deliver(relayUrl, delivery)).toEqual({
      status: 200,
      body: { produced: true, partition: 0, offset: 0 },
    });
    expect(proxy.state.produced).toEqual([
      {
        path: "/topics/lightgate.events",
        contentType: KAFKA_JSON_V2,
        authorization: "Basic cmVsYXk6c2VjcmV0",
        body: { records: [{ key: PROJECT, value: { id: delivery.headers["webhook-id"], ...event } }] },
      },
    ]);
  });

  it("keys an event without a project by null (Kafka then spreads them; no order to keep)", async () => {
    const { proxy, secret, relayUrl } = await setUp();
    expect((await deliver(relayUrl, signed(secret, gateSubmitted(null)))).status).toBe(200);
    expect(proxy.state.produced[0].body).toMatchObject({ records: [{ key: null }] });
  });

  it("refuses a bad signature, a changed body, no headers or a stale timestamp: 401, nothing produced", async () => {
    const { proxy, secret, relayUrl } = await setUp();
    const otherKey = signed(newSecret(), gateSubmitted());
    expect(await deliver(relayUrl, otherKey)).toEqual({ status: 401, body: { error: "no matching signature" } });

    const good = signed(secret, gateSubmitted());
    const changed = { ...good, body: good.body.replace('"gateNumber":4', '"gateNumber":5') };
    expect((await deliver(relayUrl, changed)).status).toBe(401);

    const { "webhook-signature": _, ...unsigned } = good.headers;
    expect((await deliver(relayUrl, { body: good.body, headers: unsigned })).status).toBe(401);

    // Signed correctly, but ten minutes ago (a replay): outside the 5-minute tolerance, either way.
    const old = signed(secret, gateSubmitted(), undefined, new Date(Date.now() - 10 * 60_000));
    expect(await deliver(relayUrl, old)).toEqual({ status: 401, body: { error: "timestamp outside tolerance" } });
    const future = signed(secret, gateSubmitted(), undefined, new Date(Date.now() + 10 * 60_000));
    expect((await deliver(relayUrl, future)).status).toBe(401);

    expect(proxy.state.produced).toEqual([]);
  });

  it("accepts a delivery signed with two keys during Lightgate's secret rotation, if one is its own", async () => {
    const { proxy, secret, relayUrl } = await setUp();
    const delivery = signed(newSecret(), gateSubmitted());
    const ours = new Webhook(secret).sign(delivery.headers["webhook-id"], new Date(), delivery.body);
    delivery.headers["webhook-signature"] = `${delivery.headers["webhook-signature"]} ${ours}`;
    expect((await deliver(relayUrl, delivery)).status).toBe(200);
    expect(proxy.state.produced).toHaveLength(1);
  });

  it("produces a replayed webhook-id once, also when the copies arrive together", async () => {
    const { proxy, secret, relayUrl } = await setUp();
    const delivery = signed(secret, gateSubmitted());
    expect((await deliver(relayUrl, delivery)).status).toBe(200);
    // Lightgate's retry of the same delivery is signed again, at a later time: same id, new signature.
    const retried = signed(secret, JSON.parse(delivery.body), delivery.headers["webhook-id"]);
    expect(await deliver(relayUrl, retried)).toEqual({ status: 200, body: { produced: true, duplicate: true } });
    expect(proxy.state.produced).toHaveLength(1);

    const twice = signed(secret, gateSubmitted());
    const answers = await Promise.all([deliver(relayUrl, twice), deliver(relayUrl, twice)]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(proxy.state.produced).toHaveLength(2);
  });

  it("answers 502 while the gateway fails, so Lightgate retries, and produces the retry once it recovers", async () => {
    const { proxy, secret, relayUrl } = await setUp();
    const delivery = signed(secret, gateSubmitted());
    proxy.state.mode = "fail";
    expect(await deliver(relayUrl, delivery)).toMatchObject({ status: 502, body: { error: "not produced" } });
    // A 200 whose record carries an error is not an acknowledgement either.
    proxy.state.mode = "record_error";
    expect(await deliver(relayUrl, delivery)).toEqual({
      status: 502,
      body: { error: "not produced", detail: "timed out" },
    });
    expect(proxy.state.produced).toEqual([]);

    proxy.state.mode = "accept";
    expect(await deliver(relayUrl, delivery)).toMatchObject({ status: 200, body: { produced: true } });
    expect(proxy.state.produced).toHaveLength(1);
  });

  it("answers 502 before Lightgate's 10-second timeout when the gateway does not answer, or is not there", async () => {
    const { proxy, secret, relayUrl } = await setUp({ produceTimeoutMs: 300 });
    proxy.state.mode = "hang";
    const started = Date.now();
    expect(await deliver(relayUrl, signed(secret, gateSubmitted()))).toMatchObject({
      status: 502,
      body: { error: "gateway unreachable" },
    });
    expect(Date.now() - started).toBeLessThan(5_000);

    const nowhere = await listen(createRelay({ secret, restUrl: "http://127.0.0.1:9", topic: "lightgate.events" }));
    expect((await deliver(nowhere, signed(secret, gateSubmitted()))).status).toBe(502);
  });

  it("remembers a bounded number of ids: past the bound the oldest is produced again", async () => {
    const { proxy, secret, relayUrl } = await setUp({ dedupeLimit: 2 });
    const first = signed(secret, gateSubmitted());
    for (const delivery of [first, signed(secret, gateSubmitted()), signed(secret, gateSubmitted())]) {
      expect((await deliver(relayUrl, delivery)).status).toBe(200);
    }
    expect((await deliver(relayUrl, signed(secret, JSON.parse(first.body), first.headers["webhook-id"]))).body).toEqual(
      { produced: true, partition: 0, offset: 3 },
    );
    expect(proxy.state.produced).toHaveLength(4);
  });

  it("takes only POSTed deliveries, and says it is alive on /healthz", async () => {
    const { relayUrl } = await setUp();
    expect((await fetch(relayUrl)).status).toBe(405);
    expect(await (await fetch(`${relayUrl}/healthz`)).json()).toEqual({ ok: true });
  });
});
