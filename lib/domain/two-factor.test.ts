import { describe, expect, it } from "vitest";
import {
  checkTotp,
  codeAt,
  enrolmentState,
  groupedSecret,
  hashRecoveryCode,
  keyUri,
  newRecoveryCodes,
  newSecret,
  readTypedCode,
  regenerationRefusal,
  secretBytes,
  timeStep,
} from "./two-factor";

// RFC 6238 appendix B's SHA-1 key ("12345678901234567890") in base32; its codes cut to six digits.
const RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const at = (seconds: number) => new Date(seconds * 1000);

describe("codes of RFC 6238", () => {
  it.each([
    [59, "287082"],
    [1111111109, "081804"],
    [1111111111, "050471"],
    [1234567890, "005924"],
    [2000000000, "279037"],
  ])("at %i s the code is %s", (seconds, code) => {
    expect(codeAt(RFC_KEY, timeStep(at(seconds)))).toBe(code);
  });
});

describe("checkTotp: drift and replay", () => {
  const now = at(1_800_000_015);
  const step = timeStep(now);
  it.each([
    ["the current step", 0, null, { ok: true, step }],
    ["one step behind (drift)", -1, null, { ok: true, step: step - 1 }],
    ["one step ahead (drift)", 1, null, { ok: true, step: step + 1 }],
    ["two steps behind", -2, null, { ok: false, reason: "wrong_code" }],
    ["two steps ahead", 2, null, { ok: false, reason: "wrong_code" }],
    ["the step already accepted (a replay)", 0, step, { ok: false, reason: "reused_code" }],
    ["an earlier step than the last accepted", -1, step, { ok: false, reason: "reused_code" }],
    ["a later step than the last accepted", 1, step, { ok: true, step: step + 1 }],
  ] as const)("%s", (_name, offset, lastStep, verdict) => {
    expect(checkTotp(RFC_KEY, codeAt(RFC_KEY, step + offset), now, lastStep)).toEqual(verdict);
  });
  it("refuses a code of another key", () => {
    expect(checkTotp(newSecret(), codeAt(RFC_KEY, step), now, null)).toEqual({ ok: false, reason: "wrong_code" });
  });
});

describe("readTypedCode", () => {
  it.each([
    ["123456", { kind: "totp", code: "123456" }],
    [" 123 456 ", { kind: "totp", code: "123456" }],
    ["12345", { kind: "malformed" }],
    ["1234567", { kind: "malformed" }],
    ["abcde-fghjk", { kind: "recovery", code: "abcde-fghjk" }],
    ["ABCDE FGHJK", { kind: "recovery", code: "abcde-fghjk" }],
    ["abcdefghjk", { kind: "recovery", code: "abcde-fghjk" }],
    // 0, 1, i, l and o are not in the alphabet: a mistyped code is not silently read as another.
    ["abcde-fghi1", { kind: "malformed" }],
    ["", { kind: "malformed" }],
  ])("%j", (typed, reading) => {
    expect(readTypedCode(typed)).toEqual(reading);
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes that read back as themselves", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(readTypedCode(code.toUpperCase().replace("-", " "))).toEqual({ kind: "recovery", code });
    }
  });
  it("draw again instead of favouring letters when a byte is out of range", () => {
    let calls = 0;
    const random = (n: number) => new Uint8Array(n).fill(calls++ === 0 ? 255 : 0);
    expect(newRecoveryCodes(random)[0]).toBe("aaaaa-aaaaa");
  });
  it("are stored as a hash that differs per code", () => {
    expect(hashRecoveryCode("abcde-fghjk")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRecoveryCode("abcde-fghjk")).not.toBe(hashRecoveryCode("abcde-fghjm"));
  });
});

describe("keys", () => {
  it("a new key is 160 bits of base32", () => {
    expect(newSecret()).toMatch(/^[A-Z2-7]{32}$/);
    expect(secretBytes(newSecret())).toHaveLength(20);
  });
  it("typed in groups and lower case, it is the same key", () => {
    expect(secretBytes(groupedSecret(RFC_KEY).toLowerCase())).toEqual(secretBytes(RFC_KEY));
  });
  it("the otpauth URI names the issuer and the account", () => {
    expect(keyUri(RFC_KEY, "pm@demo.test")).toMatch(/^otpauth:\/\/totp\/Lightgate:pm%40demo\.test\?/);
    expect(keyUri(RFC_KEY, "pm@demo.test")).toContain(`secret=${RFC_KEY}`);
  });
});

describe("enrolmentState", () => {
  const start = "2026-05-01T10:00:00.000Z";
  it.each([
    [null, "2026-05-01T10:00:00.000Z", "none"],
    [start, "2026-05-01T10:09:59.000Z", "open"],
    [start, "2026-05-01T10:10:00.000Z", "open"],
    [start, "2026-05-01T10:10:01.000Z", "expired"],
  ] as const)("started %s, now %s: %s", (startedAt, now, state) => {
    expect(enrolmentState(startedAt, new Date(now))).toBe(state);
  });
});

describe("regenerationRefusal: proof of presence for new recovery codes", () => {
  const right = { ok: true } as const;
  const wrong = { ok: false, reason: "wrong_code" } as const;
  const reused = { ok: false, reason: "reused_code" } as const;
  it.each([
    ["two-factor off, even with the right password and code", false, true, right, "two_factor_off"],
    ["two-factor off and a wrong password", false, false, null, "two_factor_off"],
    ["a wrong password: the code is not checked", true, false, null, "wrong_password"],
    ["a wrong password and a wrong code: the password first", true, false, wrong, "wrong_password"],
    ["the right password and a wrong code", true, true, wrong, "wrong_code"],
    ["the right password and a code already used", true, true, reused, "reused_code"],
    ["the right password and no code checked", true, true, null, "wrong_code"],
    ["the right password and a right code", true, true, right, null],
  ] as const)("%s", (_, enabled, passwordRight, code, refusal) => {
    expect(regenerationRefusal({ enabled, passwordRight, code })).toBe(refusal);
  });
});
