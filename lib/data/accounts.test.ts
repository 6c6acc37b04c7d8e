import { eq, sql } from "drizzle-orm";
import { rows } from "@/db/client";
import { describe, expect, it } from "vitest";
import { auditEvents, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeOrganization, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { changeOwnPassword, createOrganization, listUsers, setUserDisabled } from "./accounts";
import { inviteAccount } from "./invitations";
import { attemptSignIn } from "./sign-in";
import { actorForToken, createApiToken, revokeApiToken } from "./tokens";
import { first } from "@/db/client";

describe("accounts", () => {
  it("only admins create (by invitation) and list accounts", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const org = await makeOrganization(db);
    const created = await inviteAccount(db, ctxFor(admin), {
      email: "new@x.test",
      name: "New",
      role: "client",
      organizationId: org.id,
    });
    expect((await first(db.select().from(users).where(eq(users.id, created.userId))))!.organizationId).toBe(org.id);
    await expect(
      inviteAccount(db, ctxFor(staff), { email: "n2@x.test", name: "N", role: "staff", organizationId: null }),
    ).rejects.toThrow(AppError);
    await expect(listUsers(db, staff)).rejects.toThrow(AppError);
    expect((await listUsers(db, admin)).find((u) => u.id === created.userId)).toMatchObject({
      hasPassword: false,
      mustChangePassword: false,
    });
    expect((await listUsers(db, admin)).find((u) => u.id === staff.id)).toMatchObject({ hasPassword: true });
    await expect(
      inviteAccount(db, ctxFor(admin), { email: "new@x.test", name: "Dup", role: "staff", organizationId: null }),
    ).rejects.toThrow(expect.objectContaining({ reason: "email_taken" }));
  });

  it("disabling an account moves its session version on and refuses sign-in", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    await setUserDisabled(db, ctxFor(admin), staff.id, true);
    expect((await first(db.select().from(users).where(eq(users.id, staff.id))))!.sessionVersion).toBe(1);
    expect((await attemptSignIn(db, { email: staff.email, password: TEST_PASSWORD, ip: "1.1.1.1" })).ok).toBe(false);
  });

  it("changing one's password needs the current one; it ends the sessions (lib/data/sessions.test.ts)", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    await expect(changeOwnPassword(db, ctxFor(staff), "wrong", "a brand new password")).rejects.toMatchObject({
      reason: "wrong_password",
    });
    await changeOwnPassword(db, ctxFor(staff), TEST_PASSWORD, "a brand new password");
    // The session version stays: the browser that changed it keeps its session, the others' rows end.
    expect((await first(db.select().from(users).where(eq(users.id, staff.id))))!.sessionVersion).toBe(0);
    expect((await attemptSignIn(db, { email: staff.email, password: "a brand new password", ip: "1.1.1.1" })).ok).toBe(
      true,
    );
  });

  it("only admins disable accounts or create organisations, and no admin disables their own account", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const events = async () => (await db.select({ id: auditEvents.id }).from(auditEvents)).length;
    const before = await events();
    const refusals = [
      [
        "staff disables an account",
        () => setUserDisabled(db, ctxFor(staff), admin.id, true),
        "forbidden",
        "Only administrators can do this.",
      ],
      [
        "staff creates an organisation",
        () => createOrganization(db, ctxFor(staff), { name: "Acme", sector: "energy", country: "PL" }),
        "forbidden",
        "Only administrators can do this.",
      ],
      [
        "an admin disables themselves",
        () => setUserDisabled(db, ctxFor(admin), admin.id, true),
        "rule_refused",
        "You cannot disable your own account.",
      ],
    ] as const;
    for (const [what, run, code, message] of refusals) {
      await expect(run(), what).rejects.toMatchObject({ code, message });
    }
    expect(await events()).toBe(before);
    expect((await first(db.select().from(users).where(eq(users.id, admin.id))))!.disabledAt).toBeNull();
    await setUserDisabled(db, ctxFor(admin), staff.id, true);
    expect(
      (await db.select().from(auditEvents).where(eq(auditEvents.objectId, staff.id))).map((e) => e.action),
    ).toEqual(["user.disable"]);
  });
});

describe("sign-in throttle", () => {
  it("after five failures from one address, refuses even the right password for 15 minutes", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const t0 = new Date("2026-11-22T10:00:00Z");
    for (let i = 0; i < 5; i++) {
      const outcome = await attemptSignIn(
        db,
        { email: staff.email, password: "nope", ip: "10.0.0.1" },
        new Date(t0.getTime() + i * 1000),
      );
      expect(outcome).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    const locked = await attemptSignIn(
      db,
      { email: staff.email, password: TEST_PASSWORD, ip: "10.0.0.1" },
      new Date(t0.getTime() + 60_000),
    );
    expect(locked.ok === false && locked.reason).toBe("throttled");
    // Another address is not locked out.
    expect(
      (
        await attemptSignIn(
          db,
          { email: staff.email, password: TEST_PASSWORD, ip: "10.0.0.2" },
          new Date(t0.getTime() + 60_000),
        )
      ).ok,
    ).toBe(true);
    // After 15 minutes the right password works again.
    expect(
      (
        await attemptSignIn(
          db,
          { email: staff.email, password: TEST_PASSWORD, ip: "10.0.0.1" },
          new Date(t0.getTime() + 16 * 60_000),
        )
      ).ok,
    ).toBe(true);
  });
});

describe("API tokens", () => {
  it("are stored hashed, resolve to their owner, and stop working when revoked or disabled", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const { id, token } = await createApiToken(db, ctxFor(staff), "ci");
    expect((await rows(db, sql`select token_hash from api_tokens`))[0]).not.toMatchObject({ token_hash: token });
    expect((await actorForToken(db, token))?.id).toBe(staff.id);
    await expect(revokeApiToken(db, ctxFor(admin), id)).rejects.toThrow(AppError);
    await revokeApiToken(db, ctxFor(staff), id);
    expect(await actorForToken(db, token)).toBeNull();
    const second = await createApiToken(db, ctxFor(staff), "ci2");
    await setUserDisabled(db, ctxFor(admin), staff.id, true);
    expect(await actorForToken(db, second.token)).toBeNull();
  });
});
