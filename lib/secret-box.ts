// Authenticated encryption at rest (AES-256-GCM) under the data key: uploads, two-factor secrets.
// A sealed value names the key that sealed it (the first 8 bytes of the key's SHA-256), so a key
// rotation can leave both keys usable until every value is re-sealed. A random 96-bit nonce per
// value; the 16-byte tag makes any altered byte fail to open instead of yielding wrong plaintext.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { KeyFileError, keyFilePath, loadKey, readKeyFile, type KeySource } from "@/lib/key-files";

export const ENCRYPTION_KEY: KeySource = {
  fileName: "encryption.key",
  envVar: "LIGHTGATE_ENCRYPTION_KEY",
  bytes: 32,
  purpose: "encryption",
};

/** The previous key during a rotation: still opens what is not re-sealed yet, never seals. */
export const PREVIOUS_ENCRYPTION_KEY: KeySource = {
  ...ENCRYPTION_KEY,
  fileName: "encryption.key.previous",
  envVar: "LIGHTGATE_PREVIOUS_ENCRYPTION_KEY",
};

const MAGIC = Buffer.from("LGS1");
const ID_BYTES = 8;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + ID_BYTES + NONCE_BYTES + TAG_BYTES;

export class SealBroken extends Error {
  override name = "SealBroken";
}

export type Keyring = { current: Buffer; others: Buffer[] };

export function keyId(key: Buffer): Buffer {
  return createHash("sha256").update(key).digest().subarray(0, ID_BYTES);
}

let cached: { ring: Keyring; stamp: string } | null = null;

/**
 * What the keyring was loaded from: the variables and each key file's identity. A rotation run by
 * `npm run keys:rotate` replaces the files under a running server, which must then seal with the new
 * key and still open with the previous one, without a restart.
 */
function keyStamp(): string {
  const file = (source: KeySource) => {
    const stat = statSync(keyFilePath(source), { throwIfNoEntry: false });
    return stat ? `${stat.ino}:${stat.mtimeMs}:${stat.size}` : "-";
  };
  return [
    process.env[ENCRYPTION_KEY.envVar]?.trim() ?? "",
    process.env[PREVIOUS_ENCRYPTION_KEY.envVar]?.trim() ?? "",
    keyFilePath(ENCRYPTION_KEY),
    file(ENCRYPTION_KEY),
    file(PREVIOUS_ENCRYPTION_KEY),
  ].join("|");
}

/** The current key and, during a rotation, the previous one. */
export function keyring(): Keyring {
  const stamp = keyStamp();
  if (cached?.stamp === stamp) return cached.ring;
  const current = loadKey(ENCRYPTION_KEY);
  const others: Buffer[] = [];
  const previousEnv = process.env[PREVIOUS_ENCRYPTION_KEY.envVar]?.trim();
  const previousFile = keyFilePath(PREVIOUS_ENCRYPTION_KEY);
  if (previousEnv) others.push(loadKey(PREVIOUS_ENCRYPTION_KEY));
  else if (existsSync(previousFile)) others.push(readKeyFile(previousFile, PREVIOUS_ENCRYPTION_KEY));
  const ring = { current, others: others.filter((k) => !k.equals(current)) };
  // The first load may have created the key file: stamp what is there now.
  cached = { ring, stamp: keyStamp() };
  return ring;
}

/** Forgets the loaded keys (between tests that change the key). */
export function forgetKeys(): void {
  cached = null;
}

/**
 * Where the current key is and its name, without creating one (for the backup's reminder); null
 * before the first start made it.
 */
export function currentKeyWhereabouts(): { where: string; name: string } | null {
  const fromEnv = process.env[ENCRYPTION_KEY.envVar]?.trim();
  const file = keyFilePath(ENCRYPTION_KEY);
  if (!fromEnv && !existsSync(file)) return null;
  return { where: fromEnv ? ENCRYPTION_KEY.envVar : file, name: keyName(loadKey(ENCRYPTION_KEY)) };
}

/** A key's short public name (hex of its id), to tell which key a backup or a log line needs. */
export function keyName(key: Buffer): string {
  return keyId(key).toString("hex");
}

export function isSealed(bytes: Buffer): boolean {
  return bytes.length >= HEADER_BYTES && bytes.subarray(0, MAGIC.length).equals(MAGIC);
}

export function sealBytes(plain: Buffer, ring: Keyring = keyring()): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current, nonce);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([MAGIC, keyId(ring.current), nonce, cipher.getAuthTag(), body]);
}

/** Which key sealed these bytes: "current", "other", or null when no key of the ring did. */
export function sealedBy(sealed: Buffer, ring: Keyring = keyring()): "current" | "other" | null {
  const id = sealed.subarray(MAGIC.length, MAGIC.length + ID_BYTES);
  if (keyId(ring.current).equals(id)) return "current";
  return ring.others.some((k) => keyId(k).equals(id)) ? "other" : null;
}

/**
 * What a stored file holds: "sealed" under a key of the ring, "foreign" (our seal's header under a
 * key this server does not have: never to be touched), or "plain" (written before encryption at rest).
 * The 64-bit key id makes a plaintext file that happens to start with the header all but impossible
 * to take for a sealed one.
 */
export function sealState(bytes: Buffer, ring: Keyring = keyring()): "sealed" | "foreign" | "plain" {
  if (!isSealed(bytes)) return "plain";
  return sealedBy(bytes, ring) === null ? "foreign" : "sealed";
}

/** The bytes sealed again under the current key, or null when the current key sealed them already. */
export function resealBytes(sealed: Buffer, ring: Keyring = keyring()): Buffer | null {
  if (sealedBy(sealed, ring) === "current") return null;
  return sealBytes(openBytes(sealed, ring), ring);
}

export function openBytes(sealed: Buffer, ring: Keyring = keyring()): Buffer {
  if (!isSealed(sealed)) throw new SealBroken("The stored value is not sealed.");
  const id = sealed.subarray(MAGIC.length, MAGIC.length + ID_BYTES);
  const key = [ring.current, ...ring.others].find((k) => keyId(k).equals(id));
  if (!key) throw new KeyFileError("The stored value was sealed with a key this server does not have.");
  let at = MAGIC.length + ID_BYTES;
  const nonce = sealed.subarray(at, (at += NONCE_BYTES));
  const tag = sealed.subarray(at, (at += TAG_BYTES));
  const decipher = createDecipheriv("aes-256-gcm", key, nonce);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(at)), decipher.final()]);
  } catch {
    throw new SealBroken("The stored value was altered: its authentication tag does not match.");
  }
}

/** A short secret (e.g. a TOTP key) sealed into text for a database column. */
export function sealText(plain: string, ring: Keyring = keyring()): string {
  return sealBytes(Buffer.from(plain, "utf8"), ring).toString("base64");
}

export function openText(sealed: string, ring: Keyring = keyring()): string {
  return openBytes(Buffer.from(sealed, "base64"), ring).toString("utf8");
}
