import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeOrganization, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { changeOwnPassword, listUsers, setUserDisabled } from "./accounts";
import { inviteAccount } from "./invitations";
import { attemptSignIn } from "./sign-in";
import { actorForToken, createApiToken, revokeApiToken } from "./tokens";

describe("accounts", () => {
  it("only admins create (by invitation) and list accounts", () => {
    const db = createTestDb();
    const admin = makeUser(db, "admin");
    const staff = makeUser(db, "staff");
    const org = makeOrganization(db);
    const created = inviteAccount(db, ctxFor(admin), { email: "new@x.test", name: "New", role: "client", organizationId: org.id });
    expect(db.select().from(users).where(eq(users.id, created.userId)).get()!.organizationId).toBe(org.id);
    expect(() => inviteAccount(db, ctxFor(staff), { email: "n2@x.test", name: "N", role: "staff", organizationId: null })).toThrow(AppError);
    expect(() => listUsers(db, staff)).toThrow(AppError);
    expect(listUsers(db, admin).find((u) => u.id === created.userId)).toMatchObject({ hasPassword: false, mustChangePassword: false });
    expect(listUsers(db, admin).find((u) => u.id === staff.id)).toMatchObject({ hasPassword: true });
    expect(() => inviteAccount(db, ctxFor(admin), { email: "new@x.test", name: "Dup", role: "staff", organizationId: null })).toThrow(
      expect.objectContaining({ reason: "email_taken" }),
    );
  });

  it("disabling an account moves its session version on and refuses sign-in", async () => {
    const db = createTestDb();
    const admin = makeUser(db, "admin");
    const staff = makeUser(db, "staff");
    setUserDisabled(db, ctxFor(admin), staff.id, true);
    expect(db.select().from(users).where(eq(users.id, staff.id)).get()!.sessionVersion).toBe(1);
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.1" })).ok).toBe(false);
  });

  it("changing one's password needs the current one and revokes sessions", async () => {
    const db = createTestDb();
    const staff = makeUser(db, "staff");
    await expect(changeOwnPassword(db, ctxFor(staff), "wrong", "a brand new password")).rejects.toMatchObject({ reason: "wrong_password" });
    await changeOwnPassword(db, ctxFor(staff), TEST_PASSWORD, "a brand new password");
    expect(db.select().from(users).where(eq(users.id, staff.id)).get()!.sessionVersion).toBe(1);
    expect((await attemptSignIn(db, { email: staff.email, password: "a brand new password", ip: "1.1.1.1" })).ok).toBe(true);
  });
});

describe("sign-in throttle", () => {
  it("after five failures from one address, refuses even the right password for 15 minutes", async () => {
    const db = createTestDb();
    const staff = makeUser(db, "staff");
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      const outcome = await attemptSignIn(db, { email: staff.email, password: "nope", ip: "10.0.0.1" }, new Date(t0.getTime() + i * 1000));
      expect(outcome).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    const locked = await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "10.0.0.1" }, new Date(t0.getTime() + 60_000));
    expect(locked.ok === false && locked.reason).toBe("throttled");
    // Another address is not locked out.
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "10.0.0.2" }, new Date(t0.getTime() + 60_000))).ok).toBe(true);
    // After 15 minutes the right password works again.
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "10.0.0.1" }, new Date(t0.getTime() + 16 * 60_000))).ok).toBe(true);
  });
});

describe("API tokens", () => {
  it("are stored hashed, resolve to their owner, and stop working when revoked or disabled", () => {
    const db = createTestDb();
    const admin = makeUser(db, "admin");
    const staff = makeUser(db, "staff");
    const { id, token } = createApiToken(db, ctxFor(staff), "ci");
    expect(db.$client.prepare("select token_hash from api_tokens").get()).not.toMatchObject({ token_hash: token });
    expect(actorForToken(db, token)?.id).toBe(staff.id);
    expect(() => revokeApiToken(db, ctxFor(admin), id)).toThrow(AppError);
    revokeApiToken(db, ctxFor(staff), id);
    expect(actorForToken(db, token)).toBeNull();
    const second = createApiToken(db, ctxFor(staff), "ci2");
    setUserDisabled(db, ctxFor(admin), staff.id, true);
    expect(actorForToken(db, second.token)).toBeNull();
  });
});
