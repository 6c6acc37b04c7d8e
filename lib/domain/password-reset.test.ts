import { describe, expect, it } from "vitest";
import {
  mayResetPassword,
  RESET_REQUESTS_PER_ADDRESS,
  RESET_REQUESTS_PER_IP,
  resetLinkExpiry,
  resetLinkState,
  resetRequestAllowed,
} from "./password-reset";

describe("password reset requests", () => {
  it.each([
    [{ sameAddress: 0, sameIp: 0 }, true],
    [{ sameAddress: RESET_REQUESTS_PER_ADDRESS - 1, sameIp: 0 }, true],
    [{ sameAddress: RESET_REQUESTS_PER_ADDRESS, sameIp: 0 }, false],
    [{ sameAddress: 0, sameIp: RESET_REQUESTS_PER_IP - 1 }, true],
    [{ sameAddress: 0, sameIp: RESET_REQUESTS_PER_IP }, false],
  ])("%j allowed: %s", (counts, allowed) => {
    expect(resetRequestAllowed(counts)).toBe(allowed);
  });

  it.each([
    [{ disabledAt: null, passwordSignIn: true, hasPassword: true }, true],
    [{ disabledAt: "2026-01-01T00:00:00Z", passwordSignIn: true, hasPassword: true }, false],
    [{ disabledAt: null, passwordSignIn: false, hasPassword: true }, false],
    [{ disabledAt: null, passwordSignIn: true, hasPassword: false }, false],
  ])("account %j may get a link: %s", (account, may) => {
    expect(mayResetPassword(account)).toBe(may);
  });
});

describe("a reset link", () => {
  const sent = new Date("2026-11-30T08:00:00Z");
  const link = { createdAt: sent.toISOString(), expiresAt: resetLinkExpiry(sent).toISOString(), usedAt: null };
  const at = (iso: string) => new Date(iso);

  it.each([
    ["usable within the hour", link, link.createdAt, at("2026-11-30T08:59:59Z"), "usable"],
    ["expired after the hour", link, link.createdAt, at("2026-11-30T09:00:00Z"), "expired"],
    ["used once", { ...link, usedAt: "2026-11-30T08:10:00Z" }, link.createdAt, at("2026-11-30T08:20:00Z"), "used"],
    ["replaced by a newer one", link, "2026-11-30T08:30:00.000Z", at("2026-11-30T08:40:00Z"), "superseded"],
  ] as const)("is %s", (_what, row, latest, now, state) => {
    expect(resetLinkState(row, latest, now)).toBe(state);
  });
});
