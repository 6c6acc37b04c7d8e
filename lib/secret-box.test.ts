import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { KeyFileError, loadKey, replaceKeyFile } from "@/lib/key-files";
import {
  ENCRYPTION_KEY,
  forgetKeys,
  isSealed,
  keyring,
  openBytes,
  openText,
  PREVIOUS_ENCRYPTION_KEY,
  resealBytes,
  SealBroken,
  sealBytes,
  sealedBy,
  sealState,
  sealText,
} from "@/lib/secret-box";

const root = mkdtempSync(path.join(tmpdir(), "lightgate-keys-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  forgetKeys();
});

function freshDataDir(): string {
  const dir = mkdtempSync(path.join(root, "data-"));
  vi.stubEnv("LIGHTGATE_DATA_DIR", dir);
  vi.stubEnv("LIGHTGATE_ENCRYPTION_KEY", "");
  return dir;
}

describe("sealing", () => {
  const ring = { current: randomBytes(32), others: [] };
  it("round-trips and never shows the plaintext", () => {
    const plain = Buffer.from("Statement of Work, signed");
    const sealed = sealBytes(plain, ring);
    expect(isSealed(sealed)).toBe(true);
    expect(sealed.includes(plain)).toBe(false);
    expect(openBytes(sealed, ring).equals(plain)).toBe(true);
    expect(openText(sealText("JBSWY3DPEHPK3PXP", ring), ring)).toBe("JBSWY3DPEHPK3PXP");
  });
  it("uses a fresh nonce each time", () => {
    const plain = Buffer.from("same");
    expect(sealBytes(plain, ring).equals(sealBytes(plain, ring))).toBe(false);
  });
  it.each([
    ["the ciphertext", -1],
    ["the tag", 4 + 8 + 12],
    ["the nonce", 4 + 8],
  ])("refuses a value whose %s was altered", (_what, at) => {
    const sealed = sealBytes(Buffer.from("evidence bytes"), ring);
    const index = at < 0 ? sealed.length - 1 : at;
    sealed[index] ^= 0x01;
    expect(() => openBytes(sealed, ring)).toThrow(SealBroken);
  });
  it("opens with the previous key during a rotation and names which key sealed", () => {
    const old = { current: randomBytes(32), others: [] };
    const sealed = sealBytes(Buffer.from("x"), old);
    const rotated = { current: randomBytes(32), others: [old.current] };
    expect(sealedBy(sealed, rotated)).toBe("other");
    expect(openBytes(sealed, rotated).toString()).toBe("x");
    expect(sealedBy(sealBytes(Buffer.from("x"), rotated), rotated)).toBe("current");
    expect(() => openBytes(sealed, { current: randomBytes(32), others: [] })).toThrow(KeyFileError);
  });
});

describe("what a stored value is", () => {
  const ring = { current: randomBytes(32), others: [randomBytes(32)] };
  it.each([
    ["plaintext", () => Buffer.from("%PDF-1.7 a document"), "plain"],
    ["text that starts like a seal", () => Buffer.concat([Buffer.from("LGS1"), randomBytes(64)]), "foreign"],
    ["sealed under the current key", () => sealBytes(Buffer.from("x"), ring), "sealed"],
    [
      "sealed under the previous key",
      () => sealBytes(Buffer.from("x"), { current: ring.others[0], others: [] }),
      "sealed",
    ],
    [
      "sealed under an unknown key",
      () => sealBytes(Buffer.from("x"), { current: randomBytes(32), others: [] }),
      "foreign",
    ],
    ["too short to be sealed", () => Buffer.from("LGS1"), "plain"],
  ])("%s", (_name, make, expected) => {
    expect(sealState(make(), ring)).toBe(expected);
  });

  it("is sealed again only when the current key did not seal it", () => {
    const underPrevious = sealBytes(Buffer.from("evidence"), { current: ring.others[0], others: [] });
    const again = resealBytes(underPrevious, ring)!;
    expect(sealedBy(again, ring)).toBe("current");
    expect(openBytes(again, ring).toString()).toBe("evidence");
    expect(resealBytes(again, ring)).toBeNull();
    const altered = Buffer.from(underPrevious);
    altered[altered.length - 1] ^= 1;
    expect(() => resealBytes(altered, ring)).toThrow(SealBroken);
  });
});

describe("the key file", () => {
  it("is read again when a rotation replaces it under a running server", () => {
    const dir = freshDataDir();
    const old = keyring().current;
    const next = randomBytes(32);
    replaceKeyFile(path.join(dir, PREVIOUS_ENCRYPTION_KEY.fileName), old);
    replaceKeyFile(path.join(dir, ENCRYPTION_KEY.fileName), next);
    const ring = keyring();
    expect(ring.current.equals(next)).toBe(true);
    expect(ring.others.map((k) => k.toString("hex"))).toEqual([old.toString("hex")]);
    expect(statSync(path.join(dir, ENCRYPTION_KEY.fileName)).mode & 0o777).toBe(0o600);
    rmSync(path.join(dir, PREVIOUS_ENCRYPTION_KEY.fileName));
    expect(keyring().others).toEqual([]);
  });

  it("is created once with mode 0600 and read back the same", () => {
    const dir = freshDataDir();
    const first = keyring().current;
    forgetKeys();
    expect(keyring().current.equals(first)).toBe(true);
    expect(first.length).toBe(32);
    expect(statSync(path.join(dir, "encryption.key")).mode & 0o777).toBe(0o600);
  });
  it("refuses a key file others can read, with one clear line", () => {
    const dir = freshDataDir();
    keyring();
    chmodSync(path.join(dir, "encryption.key"), 0o644);
    expect(() => loadKey(ENCRYPTION_KEY)).toThrow(/readable by other accounts.*chmod 600/);
  });
  it("refuses a key file of the wrong length", () => {
    const dir = freshDataDir();
    writeFileSync(path.join(dir, "encryption.key"), randomBytes(16).toString("base64"), { mode: 0o600 });
    expect(() => loadKey(ENCRYPTION_KEY)).toThrow(/exactly 32 bytes \(it holds 16\)/);
  });
  it("takes LIGHTGATE_ENCRYPTION_KEY over the file and checks its length", () => {
    freshDataDir();
    const key = randomBytes(32);
    vi.stubEnv("LIGHTGATE_ENCRYPTION_KEY", key.toString("base64"));
    expect(keyring().current.equals(key)).toBe(true);
    vi.stubEnv("LIGHTGATE_ENCRYPTION_KEY", "c2hvcnQ=");
    expect(() => loadKey(ENCRYPTION_KEY)).toThrow(KeyFileError);
  });
});
