// Standard Webhooks signatures (https://www.standardwebhooks.com): every delivery carries
// `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64 HMAC-SHA256
// of "id.timestamp.body">`, keyed with the secret's bytes (the base64 after `whsec_`). While a
// rotated secret is still honoured, both signatures are sent, space-separated, so a receiver that
// has not switched yet keeps verifying.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const PREFIX = "whsec_";
/** 24 random bytes: the spec allows 24–64; 32 base64 characters after the prefix. */
const SECRET_BYTES = 24;

/** A new endpoint secret: `whsec_` + base64 of random bytes. Shown once, stored sealed. */
export function newWebhookSecret(): string {
  return PREFIX + randomBytes(SECRET_BYTES).toString("base64");
}

/** The key bytes of a secret (the base64 after the prefix). */
export function secretKey(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new Error("A webhook secret starts with whsec_.");
  const key = Buffer.from(secret.slice(PREFIX.length), "base64");
  if (key.length < 24 || key.length > 64) throw new Error("A webhook secret holds 24 to 64 bytes.");
  return key;
}

/** `v1,<base64 signature>` of one message under one secret. */
export function signature(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestamp}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export type SignedHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/** The three headers of one delivery, signed with every secret still honoured (the new one first). */
export function signedHeaders(secrets: string[], id: string, timestamp: number, body: string): SignedHeaders {
  if (!secrets.length) throw new Error("A delivery is signed with at least one secret.");
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": secrets.map((s) => signature(s, id, timestamp, body)).join(" "),
  };
}

/** How far a receiver tolerates clock drift, as the spec's reference libraries do. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

/**
 * Whether headers verify against a secret: one of the space-separated `v1,` signatures matches and
 * the timestamp is within tolerance of `now`. What a receiver (and the Kafka relay) checks.
 */
export function verifySignature(secret: string, headers: SignedHeaders, body: string, now = new Date()): boolean {
  const timestamp = Number(headers["webhook-timestamp"]);
  if (!Number.isInteger(timestamp)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > TIMESTAMP_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(signature(secret, headers["webhook-id"], timestamp, body));
  return headers["webhook-signature"].split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
