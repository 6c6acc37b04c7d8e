// Sessions under their person's control, on SQLite and PostgreSQL (vitest.pg.config.ts runs this file
// again): a revoked session is refused on its next request, "all but this one" keeps this one, a
// password change ends the others, disabling ends sessions and tokens, another person can neither
// see nor end my sessions, and an administrator can end all of a person's.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { first, transaction, type Db } from "@/db/client";
import { auditEvents, sessions, users } from "@/db/schema";
import { codeAt, timeStep } from "@/lib/domain/two-factor";
import { createTestDb, ctxFor, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import type { Actor } from "@/lib/domain/permissions";
import { changeOwnPassword, setUserDisabled, signOutEverywhere } from "./accounts";
import {
  listOwnSessions,
  revokeOtherSessions,
  revokeOwnSession,
  revokeUserAccess,
  sessionInUse,
  signedInAccount,
  startSession,
} from "./sessions";
import { accountForToken, createApiToken, listApiTokens } from "./tokens";
import { confirmEnrolment, setTwoFactorPolicy, startEnrolment } from "./two-factor";

const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function signedIn(db: Db, user: Actor, userAgent = FIREFOX, ip = "10.0.0.1") {
  return await startSession(db, { userId: user.id, ip, userAgent });
}

const inUse = (db: Db, user: Actor, sessionId: string, now?: Date) =>
  sessionInUse(db, { sessionId, userId: user.id }, now);

async function events(db: Db, action: string) {
  return await db.select().from(auditEvents).where(eq(auditEvents.action, action));
}

async function row(db: Db, id: string) {
  return (await first(db.select().from(sessions).where(eq(sessions.id, id))))!;
}

describe("sessions", () => {
  it("lists the open sessions in words, marks this one, and refuses a revoked one on its next request", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const here = await signedIn(db, staff, CHROME, "192.0.2.10");
    const there = await signedIn(db, staff, FIREFOX, "198.51.100.7");
    const listed = await listOwnSessions(db, staff, here);
    expect(listed).toHaveLength(2);
    expect(listed.find((s) => s.id === here)).toMatchObject({
      browser: "Chrome",
      os: "Windows",
      ip: "192.0.2.10",
      current: true,
    });
    expect(listed.find((s) => s.id === there)).toMatchObject({ browser: "Firefox", os: "Linux", current: false });
    expect(await inUse(db, staff, there)).toBe(true);

    await revokeOwnSession(db, ctxFor(staff), there);
    expect(await inUse(db, staff, there)).toBe(false);
    expect(await inUse(db, staff, here)).toBe(true);
    expect(await row(db, there)).toMatchObject({ revokedReason: "revoked", revokedBy: staff.id });
    expect((await listOwnSessions(db, staff, here)).map((s) => s.id)).toEqual([here]);
    const [event] = await events(db, "session.revoke");
    expect(event).toMatchObject({ actorId: staff.id, objectId: staff.id, projectId: null, ip: "127.0.0.1" });
    expect(event.after).toEqual({ sessionId: there, device: "Firefox, Linux", ip: "198.51.100.7" });

    // Once more, the same session: nothing left to end, 404, and no second event.
    await expect(revokeOwnSession(db, ctxFor(staff), there)).rejects.toMatchObject({ code: "not_found" });
    expect(await events(db, "session.revoke")).toHaveLength(1);
  });

  it("refuses a session without a row, and another account's row", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const other = await makeUser(db, "staff");
    const theirs = await signedIn(db, other);
    expect(await sessionInUse(db, { sessionId: null, userId: staff.id })).toBe(false);
    expect(await sessionInUse(db, { sessionId: crypto.randomUUID(), userId: staff.id })).toBe(false);
    expect(await inUse(db, staff, theirs)).toBe(false);
  });

  it("writes last seen at most once a minute", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const start = new Date("2026-11-30T10:00:00.000Z");
    const id = await startSession(db, { userId: staff.id, ip: null, userAgent: null }, start);
    await inUse(db, staff, id, new Date(start.getTime() + 30_000));
    expect((await row(db, id)).lastSeenAt).toBe(start.toISOString());
    const later = new Date(start.getTime() + 61_000);
    await inUse(db, staff, id, later);
    expect((await row(db, id)).lastSeenAt).toBe(later.toISOString());
  });

  it("signs out every other session and keeps this one", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const here = await signedIn(db, staff);
    const others = [await signedIn(db, staff), await signedIn(db, staff, CHROME)];
    expect(await revokeOtherSessions(db, ctxFor(staff), here)).toBe(2);
    expect(await inUse(db, staff, here)).toBe(true);
    for (const id of others) expect(await inUse(db, staff, id)).toBe(false);
    expect((await events(db, "session.revoke_others"))[0].after).toEqual({ sessions: 2 });
  });

  it("a password change ends the other sessions and keeps the one that changed it", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const here = await signedIn(db, staff);
    const there = await signedIn(db, staff, CHROME);
    await changeOwnPassword(db, ctxFor(staff), TEST_PASSWORD, "a brand new password", here);
    expect(await inUse(db, staff, here)).toBe(true);
    expect(await inUse(db, staff, there)).toBe(false);
    expect(await row(db, there)).toMatchObject({ revokedReason: "password_changed" });
    expect((await events(db, "account.password.change"))[0].after).toEqual({ otherSessionsEnded: 1 });
  });

  it("signing out everywhere ends every session, this one too", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const here = await signedIn(db, staff);
    await signOutEverywhere(db, ctxFor(staff));
    expect(await inUse(db, staff, here)).toBe(false);
  });

  it("disabling an account ends its sessions and revokes its tokens, which enabling does not revive", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const session = await signedIn(db, staff);
    const { token } = await createApiToken(db, ctxFor(staff), "script");
    await setUserDisabled(db, ctxFor(admin), staff.id, true);
    expect(await row(db, session)).toMatchObject({ revokedReason: "account_disabled", revokedBy: admin.id });
    expect((await events(db, "user.disable"))[0].after).toEqual({ sessionsEnded: 1, tokensRevoked: 1 });
    await setUserDisabled(db, ctxFor(admin), staff.id, false);
    expect(await inUse(db, staff, session)).toBe(false);
    expect(await accountForToken(db, token)).toBeNull();
  });

  it("another person can neither list nor end my sessions: 404, nothing changes", async () => {
    const db = await createTestDb();
    const me = await makeUser(db, "staff");
    const stranger = await makeUser(db, "admin");
    const mine = await signedIn(db, me);
    expect(await listOwnSessions(db, stranger, null)).toEqual([]);
    await expect(revokeOwnSession(db, ctxFor(stranger), mine)).rejects.toMatchObject({ code: "not_found" });
    expect(await inUse(db, me, mine)).toBe(true);
    expect(await events(db, "session.revoke")).toHaveLength(0);
    // "All but mine" of the stranger's own account leaves my sessions alone.
    await revokeOtherSessions(db, ctxFor(stranger), null);
    expect(await inUse(db, me, mine)).toBe(true);
  });

  it("an administrator ends every session and revokes every token of a person; nobody else may", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const colleague = await makeUser(db, "staff");
    const sessionsOfStaff = [await signedIn(db, staff), await signedIn(db, staff, CHROME)];
    const colleagues = await signedIn(db, colleague);
    const { token } = await createApiToken(db, ctxFor(staff), "script");
    await expect(revokeUserAccess(db, ctxFor(colleague), staff.id)).rejects.toMatchObject({ code: "forbidden" });
    expect(await inUse(db, staff, sessionsOfStaff[0])).toBe(true);

    expect(await revokeUserAccess(db, ctxFor(admin), staff.id)).toEqual({ sessions: 2, tokens: 1 });
    for (const id of sessionsOfStaff) expect(await inUse(db, staff, id)).toBe(false);
    expect(await accountForToken(db, token)).toBeNull();
    expect((await listApiTokens(db, staff))[0].revokedAt).not.toBeNull();
    expect(await inUse(db, colleague, colleagues)).toBe(true);
    const [event] = await events(db, "user.access.revoke");
    expect(event).toMatchObject({ actorId: admin.id, objectId: staff.id, projectId: null });
    expect(event.after).toEqual({ sessions: 2, tokens: 1 });
    // The account itself stays usable: a fresh sign-in opens a session that is accepted.
    expect(await inUse(db, staff, await signedIn(db, staff))).toBe(true);
    await expect(revokeUserAccess(db, ctxFor(admin), crypto.randomUUID())).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("records no secret: no token, cookie or password in any event", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const here = await signedIn(db, staff);
    const { token } = await createApiToken(db, ctxFor(staff), "script");
    await changeOwnPassword(db, ctxFor(staff), TEST_PASSWORD, "a brand new password", here);
    await revokeOtherSessions(db, ctxFor(staff), here);
    const all = JSON.stringify(
      await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.actorId, staff.id))),
    );
    for (const secret of [token, TEST_PASSWORD, "a brand new password"]) expect(all).not.toContain(secret);
  });
});

describe("the signed-in account of a request (one joined read)", () => {
  async function claimsFor(db: Db, user: Actor, sessionId: string) {
    const row = await first(db.select({ version: users.sessionVersion }).from(users).where(eq(users.id, user.id)));
    return { userId: user.id, sessionId, sessionVersion: row!.version };
  }

  it("accepts the account's own open session at the token's version, and refuses every other case", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const other = await makeUser(db, "staff");
    const mine = await signedIn(db, staff);
    const theirs = await signedIn(db, other);
    const claims = await claimsFor(db, staff, mine);
    expect(await signedInAccount(db, claims)).toEqual({
      actor: { id: staff.id, email: staff.email, name: staff.name, role: "staff", organizationId: null },
      mustChangePassword: false,
      mustEnrolTwoFactor: false,
    });
    expect(await signedInAccount(db, { ...claims, sessionVersion: claims.sessionVersion + 1 })).toBeNull();
    expect(await signedInAccount(db, { ...claims, userId: crypto.randomUUID() })).toBeNull();
    expect(await signedInAccount(db, { ...claims, sessionId: crypto.randomUUID() })).toBeNull();
    expect(await signedInAccount(db, { ...claims, sessionId: theirs })).toBeNull();

    await revokeOwnSession(db, ctxFor(staff), mine);
    expect(await signedInAccount(db, claims)).toBeNull();
  });

  it("refuses a disabled account even while its session row is open", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const claims = await claimsFor(db, staff, await signedIn(db, staff));
    await transaction(db, (tx) =>
      tx.update(users).set({ disabledAt: new Date().toISOString() }).where(eq(users.id, staff.id)),
    );
    expect(await signedInAccount(db, claims)).toBeNull();
  });

  it("says when the password must be chosen or two-factor enrolled; a pending enrolment is not one", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const claims = await claimsFor(db, staff, await signedIn(db, staff));
    await setTwoFactorPolicy(db, ctxFor(admin), "required_for_staff");
    expect(await signedInAccount(db, claims)).toMatchObject({ mustChangePassword: false, mustEnrolTwoFactor: true });

    const now = new Date();
    const { key } = await startEnrolment(db, ctxFor(staff), now);
    expect(await signedInAccount(db, claims)).toMatchObject({ mustEnrolTwoFactor: true });
    await confirmEnrolment(db, ctxFor(staff), codeAt(key, timeStep(now)), now);
    expect(await signedInAccount(db, claims)).toMatchObject({ mustEnrolTwoFactor: false });

    await transaction(db, (tx) => tx.update(users).set({ mustChangePassword: true }).where(eq(users.id, staff.id)));
    expect(await signedInAccount(db, claims)).toMatchObject({ mustChangePassword: true, mustEnrolTwoFactor: false });
  });

  it("writes last seen at most once a minute", async () => {
    const db = await createTestDb();
    const staff = await makeUser(db, "staff");
    const id = await signedIn(db, staff);
    const claims = await claimsFor(db, staff, id);
    const opened = (await row(db, id)).lastSeenAt;
    await signedInAccount(db, claims, new Date(Date.parse(opened) + 30_000));
    expect((await row(db, id)).lastSeenAt).toBe(opened);
    const later = new Date(Date.parse(opened) + 2 * 60_000);
    await signedInAccount(db, claims, later);
    expect((await row(db, id)).lastSeenAt).toBe(later.toISOString());
  });
});
