import { describe, expect, it } from "vitest";
import { accountLinkExpiry, accountLinkState, accountStatus, type AccountLink } from "./account-link";

const now = new Date("2026-11-29T12:00:00Z");
const inDays = (d: number) => new Date(now.getTime() + d * 86_400_000).toISOString();
const link = (over: Partial<AccountLink> = {}): AccountLink => ({
  purpose: "invite",
  expiresAt: inDays(3),
  usedAt: null,
  revokedAt: null,
  ...over,
});

describe("accountLinkExpiry", () => {
  it("is seven days after issue, to the millisecond", () => {
    expect(accountLinkExpiry(now).toISOString()).toBe("2026-12-06T12:00:00.000Z");
  });
});

describe("accountLinkState", () => {
  it.each([
    { name: "fresh", l: link(), state: "usable" },
    {
      name: "one millisecond before expiry",
      l: link({ expiresAt: new Date(now.getTime() + 1).toISOString() }),
      state: "usable",
    },
    { name: "exactly at expiry", l: link({ expiresAt: now.toISOString() }), state: "expired" },
    { name: "past expiry", l: link({ expiresAt: inDays(-1) }), state: "expired" },
    { name: "used", l: link({ usedAt: inDays(-1) }), state: "used" },
    { name: "revoked", l: link({ revokedAt: inDays(-1) }), state: "revoked" },
    { name: "used, then expired", l: link({ usedAt: inDays(-8), expiresAt: inDays(-1) }), state: "used" },
    { name: "revoked and expired", l: link({ revokedAt: inDays(-2), expiresAt: inDays(-1) }), state: "revoked" },
  ])("$name → $state", ({ l, state }) => {
    expect(accountLinkState(l, now)).toBe(state);
  });
});

describe("accountStatus", () => {
  it.each([
    {
      name: "disabled wins over everything",
      account: { disabled: true, hasPassword: false },
      l: link(),
      kind: "disabled",
    },
    {
      name: "invited with a usable link",
      account: { disabled: false, hasPassword: false },
      l: link(),
      kind: "invited",
    },
    {
      name: "invited, link expired",
      account: { disabled: false, hasPassword: false },
      l: link({ expiresAt: inDays(-1) }),
      kind: "invitation_expired",
    },
    {
      name: "invited, link revoked",
      account: { disabled: false, hasPassword: false },
      l: link({ revokedAt: inDays(-1) }),
      kind: "invitation_revoked",
    },
    {
      name: "no password and no link",
      account: { disabled: false, hasPassword: false },
      l: null,
      kind: "invitation_expired",
    },
    { name: "active", account: { disabled: false, hasPassword: true }, l: null, kind: "active" },
    {
      name: "active with a usable reset link",
      account: { disabled: false, hasPassword: true },
      l: link({ purpose: "reset" }),
      kind: "reset_pending",
    },
    {
      name: "active with an expired reset link",
      account: { disabled: false, hasPassword: true },
      l: link({ purpose: "reset", expiresAt: inDays(-1) }),
      kind: "active",
    },
  ])("$name → $kind", ({ account, l, kind }) => {
    expect(accountStatus(account, l, now).kind).toBe(kind);
  });
});
