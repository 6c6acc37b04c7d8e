import { describe, expect, it } from "vitest";
import { issueChallenge, passwordTag, readChallenge } from "./two-factor-challenge";

const secret = "test-secret";
const now = new Date("2026-05-01T10:00:00.000Z");
const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

describe("the second-step token", () => {
  const token = issueChallenge(secret, "user-1", "$argon2id$hash", now);
  it.each([
    ["read back within five minutes", token, secret, later(4.9), true],
    ["refused after five minutes", token, secret, later(5), false],
    ["refused under another secret", token, "other-secret", later(1), false],
    ["refused when its body was altered", `x${token}`, secret, later(1), false],
    ["refused when its signature was cut", token.split(".")[0], secret, later(1), false],
    ["refused with an extra part", `${token}.x`, secret, later(1), false],
  ])("%s", (_name, given, key, when, readable) => {
    const challenge = readChallenge(key, given, when);
    expect(Boolean(challenge)).toBe(readable);
    if (challenge) {
      expect(challenge.userId).toBe("user-1");
      expect(challenge.passwordTag).toBe(passwordTag("$argon2id$hash"));
    }
  });
  it("each attempt has its own token, and the password's tag is not the hash", () => {
    expect(issueChallenge(secret, "user-1", "h", now)).not.toBe(issueChallenge(secret, "user-1", "h", now));
    expect(passwordTag("h")).not.toBe(passwordTag("h2"));
    expect(passwordTag("$argon2id$hash")).not.toContain("argon2");
  });
});
