// An example relay from Lightgate's webhooks into Kafka (docs/integrations.md, "Relaying into Kafka").
// It receives each delivery, checks its Standard Webhooks signature and timestamp, drops a delivery it has
// already produced, produces the event through an HTTP gateway to Kafka (Confluent REST Proxy or the
// Strimzi Kafka Bridge, both with the v2 JSON API) keyed by the project, and answers 2xx only once the
// gateway says Kafka took the record, so Lightgate retries everything else. No Kafka client of its own,
// and no dependency: node:http, node:crypto and fetch (Node 20+).
//
//   WEBHOOK_SECRET=whsec_… KAFKA_REST_URL=http://rest-proxy:8082 KAFKA_TOPIC=lightgate.events \
//     PORT=8080 npx tsx docs/examples/kafka-relay.ts
//
// Optional: KAFKA_REST_AUTHORIZATION (the gateway's Authorization header, e.g. "Basic …"),
// RELAY_DEDUPE_LIMIT (how many delivered ids it remembers, default 10000).
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { pathToFileURL } from "node:url";

/** The gateways' v2 produce API: JSON records whose key and value are JSON. */
export const KAFKA_JSON_V2 = "application/vnd.kafka.json.v2+json";

export type RelayOptions = {
  /** The endpoint's secret as Lightgate showed it: `whsec_` and the base64 of the key. */
  secret: string;
  /** The gateway's base URL, e.g. http://rest-proxy:8082 (records go to `<url>/topics/<topic>`). */
  restUrl: string;
  topic: string;
  /** Sent as the Authorization header to the gateway, when it needs one. */
  restAuthorization?: string;
  /** A delivery signed further than this from now is refused (replay protection): 5 minutes. */
  toleranceSeconds?: number;
  /** How many produced `webhook-id`s are remembered (the oldest are forgotten first). */
  dedupeLimit?: number;
  /** Lightgate waits 10 s for an answer: give up on the gateway before that and answer 502. */
  produceTimeoutMs?: number;
  maxBodyBytes?: number;
  log?: (line: string) => void;
};

/** A delivery's body, as Lightgate sends it. */
export type LightgateEvent = { type: string; timestamp: string; data: Record<string, unknown> };

/** The record produced: the event with its delivery's `webhook-id`, so consumers can dedupe too. */
export type RelayedRecord = { key: string | null; value: LightgateEvent & { id: string } };

type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string) => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Checks a delivery per Standard Webhooks: `webhook-signature` holds one or more space-separated
 * `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` (two while Lightgate's secret is being rotated), and
 * `webhook-timestamp` is within the tolerance of now. Returns why it is refused, or null when it is good.
 */
export function refusal(secret: string, headers: Headers, body: Buffer, nowSeconds: number, tolerance = 300) {
  const id = header(headers, "webhook-id");
  const timestamp = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestamp || !signatures) return "missing webhook-id, webhook-timestamp or webhook-signature";
  const sentAt = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - sentAt) > tolerance) return "timestamp outside tolerance";
  const key = Buffer.from(secret.replace(/^whsec_/, ""), "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.`).update(body).digest();
  for (const signature of signatures.split(" ")) {
    const [version, value] = signature.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return null;
  }
  return "no matching signature";
}

/** Kafka's partitioner keeps one key's records in order: keyed by project, each project's events stay in order. */
export function recordOf(id: string, event: LightgateEvent): RelayedRecord {
  const project = event.data?.project as { id?: unknown } | undefined;
  const projectId = project?.id;
  return { key: typeof projectId === "string" ? projectId : null, value: { id, ...event } };
}

/**
 * The ids already produced, bounded: past the limit the oldest is forgotten (a Map keeps insertion order).
 * In memory only, so a restart forgets them all: Kafka consumers should dedupe on the record's `id` too.
 */
class ProducedIds {
  private readonly ids = new Map<string, true>();
  constructor(private readonly limit: number) {}
  has(id: string) {
    return this.ids.has(id);
  }
  add(id: string) {
    this.ids.set(id, true);
    while (this.ids.size > this.limit) this.ids.delete(this.ids.keys().next().value!);
  }
}

type Answer = { status: number; body: Record<string, unknown> };

async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function createRelay(options: RelayOptions): Server {
  const tolerance = options.toleranceSeconds ?? 300;
  const timeoutMs = options.produceTimeoutMs ?? 8_000;
  const maxBody = options.maxBodyBytes ?? 1_000_000;
  const log = options.log ?? (() => {});
  const produced = new ProducedIds(options.dedupeLimit ?? 10_000);
  // A retry that arrives while the first attempt is still producing (Lightgate stopped waiting after 10 s)
  // waits for that attempt instead of producing the record a second time.
  const producing = new Map<string, Promise<Answer>>();
  const topicUrl = `${options.restUrl.replace(/\/+$/, "")}/topics/${encodeURIComponent(options.topic)}`;

  async function produce(id: string, event: LightgateEvent): Promise<Answer> {
    const record = recordOf(id, event);
    try {
      const response = await fetch(topicUrl, {
        method: "POST",
        headers: {
          "content-type": KAFKA_JSON_V2,
          accept: "application/vnd.kafka.v2+json, application/json",
          ...(options.restAuthorization ? { authorization: options.restAuthorization } : {}),
        },
        body: JSON.stringify({ records: [record] }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const answer = (await response.json().catch(() => null)) as {
        offsets?: { partition?: number | null; offset?: number | null; error_code?: number | null; error?: string }[];
      } | null;
      // A 200 can still carry a per-record error (error_code in its offset): Kafka did not take it.
      const offset = answer?.offsets?.[0];
      if (!response.ok || !offset || offset.error_code || offset.error) {
        const why = offset?.error ?? `gateway answered ${response.status}`;
        log(`${id} ${event.type}: not produced (${why})`);
        return { status: 502, body: { error: "not produced", detail: why } };
      }
      produced.add(id);
      log(`${id} ${event.type}: produced to ${options.topic} [${offset.partition}] @${offset.offset}`);
      return { status: 200, body: { produced: true, partition: offset.partition, offset: offset.offset } };
    } catch (error) {
      // Unreachable or too slow. On a timeout the gateway may still produce it: then the retry adds a
      // duplicate, which consumers drop by `id` (at least once, end to end).
      const why = error instanceof Error ? error.message : String(error);
      log(`${id} ${event.type}: not produced (${why})`);
      return { status: 502, body: { error: "gateway unreachable", detail: why } };
    }
  }

  async function handle(request: IncomingMessage): Promise<Answer> {
    if (request.method === "GET" && request.url === "/healthz") return { status: 200, body: { ok: true } };
    if (request.method !== "POST") return { status: 405, body: { error: "POST a Lightgate delivery here" } };
    const body = await readBody(request, maxBody);
    if (!body) return { status: 413, body: { error: "body too large" } };
    const refused = refusal(options.secret, request.headers, body, Math.floor(Date.now() / 1000), tolerance);
    if (refused) {
      log(`refused: ${refused}`);
      return { status: 401, body: { error: refused } };
    }
    const id = header(request.headers, "webhook-id")!;
    if (produced.has(id)) return { status: 200, body: { produced: true, duplicate: true } };
    let event: LightgateEvent;
    try {
      event = JSON.parse(body.toString("utf8")) as LightgateEvent;
    } catch {
      return { status: 400, body: { error: "body is not JSON" } };
    }
    const running = producing.get(id);
    if (running) return await running;
    const attempt = produce(id, event).finally(() => producing.delete(id));
    producing.set(id, attempt);
    return await attempt;
  }

  return createServer((request: IncomingMessage, response: ServerResponse) => {
    void handle(request)
      .catch((error: unknown) => ({ status: 500, body: { error: String(error) } }))
      .then(({ status, body }) => {
        response.writeHead(status, { "content-type": "application/json" });
        response.end(JSON.stringify(body));
      });
  });
}

function main() {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) {
      console.error(`kafka-relay: set ${name}`);
      process.exit(1);
    }
    return value;
  };
  const server = createRelay({
    secret: env("WEBHOOK_SECRET"),
    restUrl: env("KAFKA_REST_URL"),
    topic: env("KAFKA_TOPIC"),
    restAuthorization: process.env.KAFKA_REST_AUTHORIZATION,
    dedupeLimit: process.env.RELAY_DEDUPE_LIMIT ? Number(process.env.RELAY_DEDUPE_LIMIT) : undefined,
    log: (line) => console.log(line),
  });
  const port = Number(process.env.PORT ?? 8080);
  server.listen(port, () => console.log(`kafka-relay: listening on :${port}, producing to ${process.env.KAFKA_TOPIC}`));
  // Answer the deliveries in flight, then stop: an unanswered one is retried by Lightgate anyway.
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
