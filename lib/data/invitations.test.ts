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
import { first as firstRow } from "@/db/client";

const request = { ip: "127.0.0.1", userAgent: "vitest" };
const t0 = new Date("2026-11-29T10:00:00Z");
const later = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const NEW_PASSWORD = "my own secret password";

async function setup() {
  const db = await createTestDb();
  const admin = await makeUser(db, "admin");
  const staff = await makeUser(db, "staff");
  const org = await makeOrganization(db);
  const invite = async (email = `p-${Math.random().toString(36).slice(2)}@x.test`, now = t0) =>
    await inviteAccount(db, ctxFor(admin), { email, name: "Pat Person", role: "staff", organizationId: null }, now);
  const userRow = async (id: string) => (await firstRow(db.select().from(users).where(eq(users.id, id))))!;
  const actions = async () =>
    await db.select({ action: auditEvents.action, after: auditEvents.after }).from(auditEvents);
  return { db, admin, staff, org, invite, userRow, actions };
}

describe("invitations", () => {
  it("creates the account without a password and stores only the token's hash", async () => {
    const { db, invite, userRow, actions } = await setup();
    const link = await invite("pat@x.test");
    expect(link.expiresAt).toBe("2026-12-06T10:00:00.000Z");
    expect((await userRow(link.userId)).passwordHash).toBe("");
    const stored = await db.select().from(accountInvitations);
    expect(stored).toHaveLength(1);
    expect(stored[0].tokenHash).not.toContain(link.token);
    expect(JSON.stringify(await actions())).not.toContain(link.token);
    expect((await actions()).map((a) => a.action)).toContain("account.invite");
    // Not accepted yet: nothing signs in, not even an empty password.
    expect((await attemptSignIn(db, { email: "pat@x.test", password: "", ip: "1.1.1.1" })).ok).toBe(false);
    expect((await attemptSignIn(db, { email: "pat@x.test", password: TEST_PASSWORD, ip: "1.1.1.2" })).ok).toBe(false);
  });

  it("shows who the link is for, accepts a password once, and then the person signs in", async () => {
    const { db, invite, userRow, actions } = await setup();
    const link = await invite("pat@x.test");
    expect(await accountLinkForToken(db, link.token, later(1))).toEqual({
      state: "usable",
      purpose: "invite",
      name: "Pat Person",
      email: "pat@x.test",
    });
    await acceptAccountLink(db, { token: link.token, newPassword: NEW_PASSWORD }, request, later(1));
    expect((await attemptSignIn(db, { email: "pat@x.test", password: NEW_PASSWORD, ip: "1.1.1.1" })).ok).toBe(true);
    expect((await userRow(link.userId)).passwordChangedAt).toBe(later(1).toISOString());
    const used = await accountLinkForToken(db, link.token, later(2));
    expect(used.state).toBe("used");
    expect(JSON.stringify(used)).not.toContain("pat@x.test");
    await expect(
      acceptAccountLink(db, { token: link.token, newPassword: "another password!" }, request, later(2)),
    ).rejects.toMatchObject({
      code: "rule_refused",
      reason: "link_used",
    });
    expect((await attemptSignIn(db, { email: "pat@x.test", password: NEW_PASSWORD, ip: "1.1.1.3" })).ok).toBe(true);
    const set = (await actions()).find((a) => a.action === "account.password.set");
    expect(set?.after).toEqual({ via: "invite", sessionsEnded: 0 });
  });

  it("expires seven days after it was issued", async () => {
    const { db, invite } = await setup();
    const link = await invite();
    expect((await accountLinkForToken(db, link.token, later(7 * 24 - 1))).state).toBe("usable");
    expect((await accountLinkForToken(db, link.token, later(7 * 24))).state).toBe("expired");
    await expect(
      acceptAccountLink(db, { token: link.token, newPassword: NEW_PASSWORD }, request, later(7 * 24 + 1)),
    ).rejects.toMatchObject({
      reason: "link_expired",
    });
  });

  it("an unknown token names nobody", async () => {
    const { db } = await setup();
    expect(await accountLinkForToken(db, "not-a-real-token")).toMatchObject({ state: "unknown" });
  });

  it("a new link revokes the earlier unused one; revoking withdraws the open link", async () => {
    const { db, admin, invite, actions } = await setup();
    const first = await invite("pat@x.test");
    const second = await renewInvitation(db, ctxFor(admin), first.userId, later(1));
    expect((await accountLinkForToken(db, first.token, later(2))).state).toBe("revoked");
    expect((await accountLinkForToken(db, second.token, later(2))).state).toBe("usable");
    await revokeAccountLinks(db, ctxFor(admin), first.userId, later(3));
    expect((await accountLinkForToken(db, second.token, later(4))).state).toBe("revoked");
    await expect(
      acceptAccountLink(db, { token: second.token, newPassword: NEW_PASSWORD }, request, later(4)),
    ).rejects.toMatchObject({
      reason: "link_revoked",
    });
    await expect(revokeAccountLinks(db, ctxFor(admin), first.userId, later(5))).rejects.toThrow(
      expect.objectContaining({ reason: "no_open_link" }),
    );
    expect((await actions()).map((a) => a.action)).toEqual([
      "account.invite",
      "account.invite",
      "account.invite.revoke",
    ]);
    expect((await latestAccountLinks(db, admin)).get(first.userId)?.revokedAt).toBe(later(3).toISOString());
  });

  it("a disabled account's link cannot be used, and enabling it does not revive the link", async () => {
    const { db, admin, invite } = await setup();
    const link = await invite();
    await setUserDisabled(db, ctxFor(admin), link.userId, true);
    expect((await accountLinkForToken(db, link.token)).state).toBe("revoked");
    await setUserDisabled(db, ctxFor(admin), link.userId, false);
    expect((await accountLinkForToken(db, link.token)).state).toBe("revoked");
    expect((await renewInvitation(db, ctxFor(admin), link.userId)).purpose).toBe("invite");
  });

  it("a client account is invited only within an existing organisation", async () => {
    const { db, admin, org, userRow } = await setup();
    await expect(
      inviteAccount(db, ctxFor(admin), {
        email: "c@x.test",
        name: "C",
        role: "client",
        organizationId: crypto.randomUUID(),
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "invalid_input" }));
    const link = await inviteAccount(db, ctxFor(admin), {
      email: "c@x.test",
      name: "C",
      role: "client",
      organizationId: org.id,
    });
    expect(await userRow(link.userId)).toMatchObject({ role: "client", organizationId: org.id });
    expect(await db.select().from(users).where(eq(users.email, "c@x.test"))).toHaveLength(1);
  });

  it("a non-admin cannot invite, renew, reset or revoke", async () => {
    const { db, staff, invite } = await setup();
    const link = await invite();
    const client = await makeUser(db, "client", (await makeOrganization(db)).id);
    for (const actor of [staff, client]) {
      const ctx = ctxFor(actor);
      await expect(
        inviteAccount(db, ctx, { email: "x@x.test", name: "X", role: "admin", organizationId: null }),
      ).rejects.toThrow(expect.objectContaining({ code: "forbidden" }));
      await expect(renewInvitation(db, ctx, link.userId)).rejects.toThrow(
        expect.objectContaining({ code: "forbidden" }),
      );
      await expect(sendPasswordResetLink(db, ctx, staff.id)).rejects.toThrow(
        expect.objectContaining({ code: "forbidden" }),
      );
      await expect(revokeAccountLinks(db, ctx, link.userId)).rejects.toThrow(
        expect.objectContaining({ code: "forbidden" }),
      );
      await expect(latestAccountLinks(db, actor)).rejects.toThrow(AppError);
    }
    expect(await firstRow(db.select().from(users).where(eq(users.email, "x@x.test")))).toBeUndefined();
    expect((await accountLinkForToken(db, link.token)).state).toBe("usable");
  });
});

describe("password reset links", () => {
  it("keep the old password until used; using one sets the new password and ends every session", async () => {
    const { db, admin, staff, userRow, actions } = await setup();
    const link = await sendPasswordResetLink(db, ctxFor(admin), staff.id, t0);
    expect(link.purpose).toBe("reset");
    expect((await userRow(staff.id)).sessionVersion).toBe(0);
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.1" })).ok).toBe(true);
    await acceptAccountLink(db, { token: link.token, newPassword: NEW_PASSWORD }, request, later(1));
    expect(await userRow(staff.id)).toMatchObject({
      sessionVersion: 1,
      passwordChangedAt: later(1).toISOString(),
      mustChangePassword: false,
    });
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.2" })).ok).toBe(false);
    expect((await attemptSignIn(db, { email: staff.email, password: NEW_PASSWORD, ip: "1.1.1.3" })).ok).toBe(true);
    // The sign-in attempts are audited too (lib/data/sign-in.ts): the old password refused, the new one accepted.
    expect((await actions()).map((a) => a.action)).toEqual([
      "account.password_reset_link",
      "account.sign_in",
      "account.password.set",
      "account.sign_in.fail",
      "account.sign_in",
    ]);
  });

  it("are refused for an account still invited or disabled", async () => {
    const { db, admin, staff, invite } = await setup();
    const link = await invite();
    await expect(sendPasswordResetLink(db, ctxFor(admin), link.userId)).rejects.toThrow(
      expect.objectContaining({ reason: "account_invited" }),
    );
    await expect(renewInvitation(db, ctxFor(admin), staff.id)).rejects.toThrow(
      expect.objectContaining({ reason: "account_active" }),
    );
    await setUserDisabled(db, ctxFor(admin), staff.id, true);
    await expect(sendPasswordResetLink(db, ctxFor(admin), staff.id)).rejects.toThrow(
      expect.objectContaining({ reason: "account_disabled" }),
    );
  });
});

describe("a password an administrator set", () => {
  it("must be changed before the account reaches anything; changing it clears the demand", async () => {
    const { db, staff, userRow, actions } = await setup();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, staff.id));
    const { token } = await createApiToken(db, ctxFor(staff), "script");
    expect(await accountForToken(db, token)).toMatchObject({ mustChangePassword: true });
    await changeOwnPassword(db, ctxFor(staff), TEST_PASSWORD, NEW_PASSWORD);
    expect(await userRow(staff.id)).toMatchObject({ mustChangePassword: false, sessionVersion: 0 });
    expect(await accountForToken(db, token)).toMatchObject({ mustChangePassword: false });
    expect((await actions()).find((a) => a.action === "account.password.change")?.after).toEqual({
      requiredByAdministrator: true,
      otherSessionsEnded: 0,
    });
  });
});
