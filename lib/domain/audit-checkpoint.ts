// Signed checkpoints of the audit chain (issue 15, item 7). The hash chain alone uses no secret:
// someone who can write the database can cut its newest events or rewrite it from scratch with
// fresh hashes and it still verifies. A checkpoint signs the chain's head (sequence number, hash,
// time) with an Ed25519 key kept outside the database; a published head (in a status report, on a
// go-live certificate, at a webhook) is kept where the database cannot reach. Pure: keys come in,
// verdicts go out; lib/data/audit-checkpoints.ts reads the rows and the chain.
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

/** The head of the chain at a moment: the newest event's number and hash. */
export type ChainHead = { seq: number; hash: string };

/** A head signed at `at` by the key whose fingerprint is `keyFingerprint`. */
export type SignedHead = ChainHead & { at: string; signature: string; keyFingerprint: string };

export type SigningKey = {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** SHA-256 of the raw 32-byte public key, hex: names the key in every checkpoint. */
  fingerprint: string;
  publicKeyPem: string;
};

// PKCS#8 wrapping of a raw Ed25519 seed (RFC 8410): node builds a key object only from a container.
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

/** The signing key from its 32-byte seed (the key file's content). */
export function signingKeyFromSeed(seed: Buffer): SigningKey {
  if (seed.length !== 32) throw new Error(`An Ed25519 seed is 32 bytes, not ${seed.length}`);
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    fingerprint: publicKeyFingerprint(publicKey),
    publicKeyPem: publicKey.export({ format: "pem", type: "spki" }).toString(),
  };
}

/** The fingerprint of a public key: SHA-256 of its raw 32 bytes (the last 32 of its SPKI form). */
export function publicKeyFingerprint(publicKey: KeyObject): string {
  const spki = publicKey.export({ format: "der", type: "spki" });
  return createHash("sha256")
    .update(spki.subarray(spki.length - 32))
    .digest("hex");
}

/** The public key from its PEM (published on the admin's audit page), for verifying elsewhere. */
export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== "ed25519") throw new Error("The public key is not an Ed25519 key");
  return key;
}

/** The exact bytes a checkpoint signs: a fixed label so the signature cannot be replayed elsewhere. */
export function checkpointMessage(head: ChainHead & { at: string }): Buffer {
  return Buffer.from(`lightgate-audit-checkpoint\n${head.seq}\n${head.hash}\n${head.at}`, "utf8");
}

export function signHead(key: SigningKey, head: ChainHead, at: string): SignedHead {
  const signature = sign(null, checkpointMessage({ ...head, at }), key.privateKey).toString("base64");
  return { seq: head.seq, hash: head.hash, at, signature, keyFingerprint: key.fingerprint };
}

/** Whether the signature is this key's over exactly this seq, hash and time. */
export function signatureValid(publicKey: KeyObject, head: SignedHead): boolean {
  try {
    return verify(null, checkpointMessage(head), publicKey, Buffer.from(head.signature, "base64"));
  } catch {
    return false;
  }
}

/** The short form printed in reports and accepted by `audit:verify --head`: `<seq>:<hash>`. */
export function formatHead(head: ChainHead): string {
  return `${head.seq}:${head.hash}`;
}

/** Parses `<seq>:<hash>` (a full 64-hex-digit SHA-256); null when it is not one. */
export function parseHead(text: string): ChainHead | null {
  const match = /^\s*#?(\d{1,15}):([0-9a-f]{64})\s*$/i.exec(text);
  if (!match) return null;
  const seq = Number(match[1]);
  return seq >= 1 ? { seq, hash: match[2].toLowerCase() } : null;
}

/** The first characters of a hash, for screens; the full one is in the report and the database. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

/**
 * What the chain says about one head: its last event number and the hash it holds at the head's
 * number (undefined when the chain has no event there).
 */
export type ChainAtHead = { lastSeq: number; hashAtSeq: string | undefined };

export type HeadFinding =
  | { ok: true }
  | { ok: false; kind: "cut"; missingFrom: number; missingTo: number; problem: string }
  | { ok: false; kind: "diverged"; seq: number; problem: string };

/**
 * Whether the chain still leads to a head someone saw: events up to its number must exist and the
 * event at its number must carry its hash. `label` names the head in the problem ("the newest
 * signed checkpoint", "the published head").
 */
export function judgeHead(chain: ChainAtHead, head: ChainHead, label: string): HeadFinding {
  if (chain.lastSeq < head.seq) {
    const from = chain.lastSeq + 1;
    const events = from === head.seq ? `event #${head.seq} is` : `events #${from} to #${head.seq} are`;
    return {
      ok: false,
      kind: "cut",
      missingFrom: from,
      missingTo: head.seq,
      problem:
        `${events} missing: ${label} covers the chain up to #${head.seq}, ` +
        `but it ends at #${chain.lastSeq} (its newest history was cut)`,
    };
  }
  if (chain.hashAtSeq !== head.hash) {
    return {
      ok: false,
      kind: "diverged",
      seq: head.seq,
      problem:
        `the chain does not lead to ${label}: event #${head.seq} has hash ${chain.hashAtSeq ?? "(none)"}, ` +
        `${label} says ${head.hash} (the chain was rewritten)`,
    };
  }
  return { ok: true };
}

export type CheckpointFinding =
  { ok: true } | { ok: false; kind: "unsigned" | "other_key" | "bad_signature"; problem: string };

/**
 * Whether the newest checkpoint is ours: present when the chain has events, made by this key, and
 * its signature holds. A database writer can delete every checkpoint or forge a row, but cannot
 * sign one.
 */
export function judgeCheckpoint(
  checkpoint: SignedHead | null,
  events: number,
  key: { publicKey: KeyObject; fingerprint: string },
): CheckpointFinding {
  if (!checkpoint) {
    return events === 0
      ? { ok: true }
      : {
          ok: false,
          kind: "unsigned",
          problem: `the chain has ${events} events but no signed checkpoint (the checkpoints were removed)`,
        };
  }
  if (checkpoint.keyFingerprint !== key.fingerprint) {
    return {
      ok: false,
      kind: "other_key",
      problem:
        `the newest checkpoint (#${checkpoint.seq}) names key ${checkpoint.keyFingerprint}, ` +
        `not this installation's key ${key.fingerprint}`,
    };
  }
  if (!signatureValid(key.publicKey, checkpoint)) {
    return {
      ok: false,
      kind: "bad_signature",
      problem:
        `the newest checkpoint (#${checkpoint.seq}) does not carry a valid signature of this key ` + `(it was forged)`,
    };
  }
  return { ok: true };
}
