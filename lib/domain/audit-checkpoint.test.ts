import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  checkpointMessage,
  formatHead,
  judgeCheckpoint,
  judgeHead,
  parseHead,
  publicKeyFingerprint,
  publicKeyFromPem,
  signatureValid,
  signHead,
  signingKeyFromSeed,
  type SignedHead,
} from "./audit-checkpoint";

const seed = Buffer.alloc(32, 7);
const key = signingKeyFromSeed(seed);
const other = signingKeyFromSeed(Buffer.alloc(32, 8));
const h = (c: string) => c.repeat(64);
const AT = "2026-11-30T05:00:00.000Z";

describe("the signing key from its seed", () => {
  it("is the same key for the same seed, a different one for another", () => {
    expect(signingKeyFromSeed(Buffer.alloc(32, 7)).fingerprint).toBe(key.fingerprint);
    expect(other.fingerprint).not.toBe(key.fingerprint);
    expect(key.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("publishes a PEM that verifies what the private key signed", () => {
    const published = publicKeyFromPem(key.publicKeyPem);
    expect(publicKeyFingerprint(published)).toBe(key.fingerprint);
    expect(signatureValid(published, signHead(key, { seq: 3, hash: h("a") }, AT))).toBe(true);
  });

  it("refuses a seed of the wrong length and a public key of another kind", () => {
    expect(() => signingKeyFromSeed(Buffer.alloc(31))).toThrow(/32 bytes/);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).publicKey.export({ type: "spki", format: "pem" });
    expect(() => publicKeyFromPem(rsa.toString())).toThrow(/Ed25519/);
  });

  it("signs the RFC 8032 test vector's public key from its seed", () => {
    // RFC 8032 §7.1, TEST 1: proves the PKCS#8 wrapping puts the seed where Ed25519 expects it.
    const rfc = signingKeyFromSeed(
      Buffer.from("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60", "hex"),
    );
    const raw = rfc.publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");
    expect(raw).toBe("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  });
});

describe("a signed head", () => {
  const signed = signHead(key, { seq: 12, hash: h("b") }, AT);

  it.each<[string, SignedHead, boolean]>([
    ["as signed", signed, true],
    ["with another sequence number", { ...signed, seq: 11 }, false],
    ["with another hash", { ...signed, hash: h("c") }, false],
    ["with another time", { ...signed, at: "2026-11-30T05:00:01.000Z" }, false],
    ["with a signature of another key", { ...signed, signature: signHead(other, signed, AT).signature }, false],
    ["with a signature that is not base64 of 64 bytes", { ...signed, signature: "bm9wZQ==" }, false],
  ])("verifies only %s", (_label, head, valid) => {
    expect(signatureValid(key.publicKey, head)).toBe(valid);
  });

  it("signs a labelled message, so a signature over other data cannot pass for a checkpoint", () => {
    expect(checkpointMessage(signed).toString()).toBe(`lightgate-audit-checkpoint\n12\n${h("b")}\n${AT}`);
  });
});

describe("the short form of a head", () => {
  it.each([
    [`4174:${h("a")}`, { seq: 4174, hash: h("a") }],
    [`#7:${h("A")}`, { seq: 7, hash: h("a") }],
    [` 1:${h("f")} `, { seq: 1, hash: h("f") }],
    [`0:${h("a")}`, null],
    [`12:${"a".repeat(63)}`, null],
    [`12:${h("g")}`, null],
    [`x:${h("a")}`, null],
    ["", null],
  ])("%j parses to %j", (text, expected) => {
    expect(parseHead(text)).toEqual(expected);
  });

  it("round-trips through formatHead", () => {
    expect(parseHead(formatHead({ seq: 99, hash: h("d") }))).toEqual({ seq: 99, hash: h("d") });
  });
});

describe("judging the chain against a head", () => {
  const head = { seq: 10, hash: h("a") };
  it.each([
    ["leads to it", { lastSeq: 10, hashAtSeq: h("a") }, { ok: true }],
    ["goes on past it", { lastSeq: 25, hashAtSeq: h("a") }, { ok: true }],
    [
      "lost its newest event",
      { lastSeq: 9, hashAtSeq: undefined },
      { ok: false, kind: "cut", missingFrom: 10, missingTo: 10 },
    ],
    [
      "lost several events",
      { lastSeq: 4, hashAtSeq: undefined },
      { ok: false, kind: "cut", missingFrom: 5, missingTo: 10 },
    ],
    ["is empty", { lastSeq: 0, hashAtSeq: undefined }, { ok: false, kind: "cut", missingFrom: 1, missingTo: 10 }],
    ["was rewritten with fresh hashes", { lastSeq: 10, hashAtSeq: h("b") }, { ok: false, kind: "diverged", seq: 10 }],
    ["was cut and regrown past it", { lastSeq: 30, hashAtSeq: h("c") }, { ok: false, kind: "diverged", seq: 10 }],
  ])("when the chain %s", (_label, chain, expected) => {
    expect(judgeHead(chain, head, "the head")).toMatchObject(expected);
  });

  it("names the gap in words", () => {
    const finding = judgeHead({ lastSeq: 7, hashAtSeq: undefined }, head, "the newest signed checkpoint (#10)");
    expect(finding.ok || finding.problem).toBe(
      "events #8 to #10 are missing: the newest signed checkpoint (#10) covers the chain up to #10, " +
        "but it ends at #7 (its newest history was cut)",
    );
    const one = judgeHead({ lastSeq: 9, hashAtSeq: undefined }, head, "the head");
    expect(one.ok || one.problem).toMatch(/^event #10 is missing/);
  });
});

describe("judging the newest checkpoint", () => {
  const signed = signHead(key, { seq: 5, hash: h("e") }, AT);
  it.each<[string, SignedHead | null, number, object]>([
    ["ours and intact", signed, 5, { ok: true }],
    ["absent on an empty chain", null, 0, { ok: true }],
    ["absent while the chain has events", null, 5, { ok: false, kind: "unsigned" }],
    ["made by another key", signHead(other, signed, AT), 5, { ok: false, kind: "other_key" }],
    [
      "forged: our fingerprint, a hash it never signed",
      { ...signed, hash: h("f") },
      5,
      { ok: false, kind: "bad_signature" },
    ],
  ])("%s", (_label, checkpoint, events, expected) => {
    expect(judgeCheckpoint(checkpoint, events, key)).toMatchObject(expected);
  });
});
