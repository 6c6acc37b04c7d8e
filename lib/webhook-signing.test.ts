// Our signatures against the reference verifier of the Standard Webhooks specification (the
// `standardwebhooks` package), so the format is proven by someone else's code, not only by ours.
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, secretKey, signature, signedHeaders, verifySignature } from "./webhook-signing";

const BODY = JSON.stringify({ type: "gate.submitted", timestamp: "2026-11-30T08:00:00.000Z", data: { gate: 7 } });

describe("webhook signing", () => {
  it("makes whsec_ secrets of 24 random bytes, each different", () => {
    const a = newWebhookSecret();
    const b = newWebhookSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(secretKey(a)).toHaveLength(24);
    expect(a).not.toBe(b);
  });

  it("signs as the reference verifier expects", () => {
    const secret = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([secret], "msg_d1", now, BODY);
    expect(new Webhook(secret).verify(BODY, headers)).toEqual(JSON.parse(BODY));
    expect(verifySignature(secret, headers, BODY)).toBe(true);
  });

  it("matches the reference library's own signature byte for byte", () => {
    const secret = newWebhookSecret();
    const at = new Date("2026-11-30T08:00:00Z");
    const theirs = new Webhook(secret).sign("msg_x", at, BODY);
    expect(signature(secret, "msg_x", at.getTime() / 1000, BODY)).toBe(theirs);
  });

  it("after a rotation both secrets verify, each on its own", () => {
    const oldSecret = newWebhookSecret();
    const newSecret = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([newSecret, oldSecret], "msg_d2", now, BODY);
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(oldSecret).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(newSecret).verify(BODY, headers)).not.toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(BODY, headers)).toThrow();
  });

  it("refuses an altered body, another id, or a stale timestamp", () => {
    const secret = newWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([secret], "msg_d3", now, BODY);
    expect(verifySignature(secret, headers, BODY.replace("7", "6"))).toBe(false);
    expect(verifySignature(secret, { ...headers, "webhook-id": "msg_other" }, BODY)).toBe(false);
    const stale = signedHeaders([secret], "msg_d3", now - 3600, BODY);
    expect(verifySignature(secret, stale, BODY)).toBe(false);
    expect(() => new Webhook(secret).verify(BODY, stale)).toThrow();
  });

  it("refuses malformed secrets", () => {
    expect(() => secretKey("abc")).toThrow(/whsec_/);
    expect(() => secretKey("whsec_" + Buffer.alloc(8).toString("base64"))).toThrow(/24 to 64/);
  });
});
