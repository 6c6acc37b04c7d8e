import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { accountInvitations, auditEvents, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeOrganization, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { changeOwnPassword, setUserDisabled } from "./accounts";
import {
  acceptAccountLink,
  accountLinkForToken,
  inviteAccount,
  latestAccountLinks,
  renewInvitation,
  revokeAccountLinks,
  sendPasswordResetLink,
} from "./invitations";
import { attemptSignIn } from "./sign-in";
import { accountForToken, createApiToken } from "./tokens";

const request = { ip: "127.0.0.1", userAgent: "vitest" };
const t0 = new Date("2026-11-29T10:00:00Z");
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const NEW_PASSWORD = "my own secret password";

function setup() {
  const db = createTestDb();
  const admin = makeUser(db, "admin");
  const staff = makeUser(db, "staff");
  const org = makeOrganization(db);
  const invite = (email = `p-${Math.random().toString(36).slice(2)}@x.test`, now = t0) =>
    inviteAccount(db, ctxFor(admin), { email, name: "Pat Person", role: "staff", organizationId: null }, now);
  const userRow = (id: string) => db.select().from(users).where(eq(users.id, id)).get()!;
  const actions = () => db.select({ action: auditEvents.action, after: auditEvents.after }).from(auditEvents).all();
  return { db, admin, staff, org, invite, userRow, actions };
}

describe("invitations", () => {
  it("creates the account without a password and stores only the token's hash", async () => {
    const { db, invite, userRow, actions } = setup();
    const link = invite("pat@x.test");
    expect(link.expiresAt).toBe("2026-12-06T10:00:00.000Z");
    expect(userRow(link.userId).passwordHash).toBe("");
    const stored = db.select().from(accountInvitations).all();
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(link.token);
    expect(JSON.stringify(actions())).not.toContain(link.token);
    expect(actions().map((a) => a.action)).toContain("account.invite");
    // Not accepted yet: nothing signs in, not even an empty password.
    expect((await attemptSignIn(db, { email: "pat@x.test", password: "", ip: "1.1.1.1" })).ok).toBe(false);
    expect((await attemptSignIn(db, { email: "pat@x.test", password: TEST_PASSWORD, ip: "1.1.1.2" })).ok).toBe(false);
  });

  it("shows who the link is for, accepts a password once, and then the person signs in", async () => {
    const { db, invite, userRow, actions } = setup();
    const link = invite("pat@x.test");
    expect(accountLinkForToken(db, link.token, later(1))).toEqual({ state: "usable", purpose: "invite", name: "Pat Person", email: "pat@x.test" });
    await acceptAccountLink(db, { token: link.token, newPassword: NEW_PASSWORD }, request, later(1));
    expect((await attemptSignIn(db, { email: "pat@x.test", password: NEW_PASSWORD, ip: "1.1.1.1" })).ok).toBe(true);
    expect(userRow(link.userId).passwordChangedAt).toBe(later(1).toISOString());
    const used = accountLinkForToken(db, link.token, later(2));
    expect(used.state).toBe("used");
    expect(JSON.stringify(used)).not.toContain("pat@x.test");
    await expect(acceptAccountLink(db, { token: link.token, newPassword: "another password!" }, request, later(2))).rejects.toMatchObject({
      code: "rule_refused",
      reason: "link_used",
    });
    expect((await attemptSignIn(db, { email: "pat@x.test", password: NEW_PASSWORD, ip: "1.1.1.3" })).ok).toBe(true);
    const set = actions().find((a) => a.action === "account.password.set");
    expect(set?.after).toEqual({ via: "invite" });
  });

  it("expires seven days after it was issued", async () => {
    const { db, invite } = setup();
    const link = invite();
    expect(accountLinkForToken(db, link.token, later(7 * 24 - 1)).state).toBe("usable");
    expect(accountLinkForToken(db, link.token, later(7 * 24)).state).toBe("expired");
    await expect(acceptAccountLink(db, { token: link.token, newPassword: NEW_PASSWORD }, request, later(7 * 24 + 1))).rejects.toMatchObject({
      reason: "link_expired",
    });
  });

  it("an unknown token names nobody", () => {
    const { db } = setup();
    expect(accountLinkForToken(db, "not-a-real-token")).toMatchObject({ state: "unknown" });
  });

  it("a new link revokes the earlier unused one; revoking withdraws the open link", async () => {
    const { db, admin, invite, actions } = setup();
    const first = invite("pat@x.test");
    const second = renewInvitation(db, ctxFor(admin), first.userId, later(1));
    expect(accountLinkForToken(db, first.token, later(2)).state).toBe("revoked");
    expect(accountLinkForToken(db, second.token, later(2)).state).toBe("usable");
    revokeAccountLinks(db, ctxFor(admin), first.userId, later(3));
    expect(accountLinkForToken(db, second.token, later(4)).state).toBe("revoked");
    await expect(acceptAccountLink(db, { token: second.token, newPassword: NEW_PASSWORD }, request, later(4))).rejects.toMatchObject({
      reason: "link_revoked",
    });
    expect(() => revokeAccountLinks(db, ctxFor(admin), first.userId, later(5))).toThrow(expect.objectContaining({ reason: "no_open_link" }));
    expect(actions().map((a) => a.action)).toEqual(["account.invite", "account.invite", "account.invite.revoke"]);
    expect(latestAccountLinks(db, admin).get(first.userId)?.revokedAt).toBe(later(3).toISOString());
  });

  it("a disabled account's link cannot be used, and enabling it does not revive the link", async () => {
    const { db, admin, invite } = setup();
    const link = invite();
    setUserDisabled(db, ctxFor(admin), link.userId, true);
    expect(accountLinkForToken(db, link.token).state).toBe("revoked");
    setUserDisabled(db, ctxFor(admin), link.userId, false);
    expect(accountLinkForToken(db, link.token).state).toBe("revoked");
    expect(renewInvitation(db, ctxFor(admin), link.userId).purpose).toBe("invite");
  });

  it("a client account is invited only within an existing organisation", () => {
    const { db, admin, org, userRow } = setup();
    expect(() => inviteAccount(db, ctxFor(admin), { email: "c@x.test", name: "C", role: "client", organizationId: crypto.randomUUID() })).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
    const link = inviteAccount(db, ctxFor(admin), { email: "c@x.test", name: "C", role: "client", organizationId: org.id });
    expect(userRow(link.userId)).toMatchObject({ role: "client", organizationId: org.id });
    expect(db.select().from(users).where(eq(users.email, "c@x.test")).all()).toHaveLength(1);
  });

  it("a non-admin cannot invite, renew, reset or revoke", () => {
    const { db, staff, invite } = setup();
    const link = invite();
    const client = makeUser(db, "client", makeOrganization(db).id);
    for (const actor of [staff, client]) {
      const ctx = ctxFor(actor);
      expect(() => inviteAccount(db, ctx, { email: "x@x.test", name: "X", role: "admin", organizationId: null })).toThrow(
        expect.objectContaining({ code: "forbidden" }),
      );
      expect(() => renewInvitation(db, ctx, link.userId)).toThrow(expect.objectContaining({ code: "forbidden" }));
      expect(() => sendPasswordResetLink(db, ctx, staff.id)).toThrow(expect.objectContaining({ code: "forbidden" }));
      expect(() => revokeAccountLinks(db, ctx, link.userId)).toThrow(expect.objectContaining({ code: "forbidden" }));
      expect(() => latestAccountLinks(db, actor)).toThrow(AppError);
    }
    expect(db.select().from(users).where(eq(users.email, "x@x.test")).get()).toBeUndefined();
    expect(accountLinkForToken(db, link.token).state).toBe("usable");
  });
});

describe("password reset links", () => {
  it("keep the old password until used; using one sets the new password and ends every session", async () => {
    const { db, admin, staff, userRow, actions } = setup();
    const link = sendPasswordResetLink(db, ctxFor(admin), staff.id, t0);
    expect(link.purpose).toBe("reset");
    expect(userRow(staff.id).sessionVersion).toBe(0);
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.1" })).ok).toBe(true);
    await acceptAccountLink(db, { token: link.token, newPassword: NEW_PASSWORD }, request, later(1));
    expect(userRow(staff.id)).toMatchObject({ sessionVersion: 1, passwordChangedAt: later(1).toISOString(), mustChangePassword: false });
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.2" })).ok).toBe(false);
    expect((await attemptSignIn(db, { email: staff.email, password: NEW_PASSWORD, ip: "1.1.1.3" })).ok).toBe(true);
    expect(actions().map((a) => a.action)).toEqual(["account.password_reset_link", "account.password.set"]);
  });

  it("are refused for an account still invited or disabled", () => {
    const { db, admin, staff, invite } = setup();
    const link = invite();
    expect(() => sendPasswordResetLink(db, ctxFor(admin), link.userId)).toThrow(expect.objectContaining({ reason: "account_invited" }));
    expect(() => renewInvitation(db, ctxFor(admin), staff.id)).toThrow(expect.objectContaining({ reason: "account_active" }));
    setUserDisabled(db, ctxFor(admin), staff.id, true);
    expect(() => sendPasswordResetLink(db, ctxFor(admin), staff.id)).toThrow(expect.objectContaining({ reason: "account_disabled" }));
  });
});

describe("a password an administrator set", () => {
  it("must be changed before the account reaches anything; changing it clears the demand", async () => {
    const { db, staff, userRow, actions } = setup();
    db.update(users).set({ mustChangePassword: true }).where(eq(users.id, staff.id)).run();
    const { token } = createApiToken(db, ctxFor(staff), "script");
    expect(accountForToken(db, token)).toMatchObject({ mustChangePassword: true });
    await changeOwnPassword(db, ctxFor(staff), TEST_PASSWORD, NEW_PASSWORD);
    expect(userRow(staff.id)).toMatchObject({ mustChangePassword: false, sessionVersion: 1 });
    expect(accountForToken(db, token)).toMatchObject({ mustChangePassword: false });
    expect(actions().find((a) => a.action === "account.password.change")?.after).toEqual({ requiredByAdministrator: true });
  });
});
