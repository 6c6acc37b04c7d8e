// Two-factor sign-in against a real database (SQLite here, PostgreSQL under vitest.pg.config.ts): the
// password alone gives no session, a code does once, drift and replay, recovery codes, the throttle,
// the policy, an administrator's reset, an enrolment that expired, a new set of recovery codes, and the
// throttle over Settings' proof of presence (password and code), shared with sign-in.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { dialectOf, first, transaction, type Db } from "@/db/client";
import { auditEvents, signInAttempts, twoFactorAccounts, twoFactorRecoveryCodes, users } from "@/db/schema";
import { LOCK_MINUTES, MAX_FAILURES } from "@/lib/domain/sign-in-throttle";
import { codeAt, ENROLMENT_MINUTES, hashRecoveryCode, timeStep } from "@/lib/domain/two-factor";
import { AppError } from "@/lib/errors";
import { openText } from "@/lib/secret-box";
import { createTestDb, ctxFor, makeUser, TEST_PASSWORD } from "@/lib/testing/fixtures";
import { statementsOf } from "@/lib/testing/statements";
import { attemptSignIn } from "./sign-in";
import {
  confirmEnrolment,
  mustEnrolTwoFactor,
  regenerateRecoveryCodes,
  resetTwoFactor,
  setTwoFactorPolicy,
  startEnrolment,
  turnOffTwoFactor,
  twoFactorStatus,
} from "./two-factor";

const T0 = new Date("2026-11-30T09:00:10.000Z");
const later = (seconds: number) => new Date(T0.getTime() + seconds * 1000);
const source = { ip: "203.0.113.9", userAgent: "vitest" };

/** An account with two-factor on, enrolled at T0 - 5 min; its key as the person's app holds it. */
async function enrolled(db: Db, role: "admin" | "staff" | "client" = "staff") {
  const user = await makeUser(db, role);
  const enrolAt = new Date(T0.getTime() - 5 * 60_000);
  const { key } = await startEnrolment(db, ctxFor(user), enrolAt);
  const recoveryCodes = await confirmEnrolment(db, ctxFor(user), codeAt(key, timeStep(enrolAt)), enrolAt);
  return { user, key, recoveryCodes };
}

const signIn = (db: Db, email: string, code: string | null, now: Date, password = TEST_PASSWORD) =>
  attemptSignIn(db, { email, password, code, ...source }, now);

/** The stored hashes of an account's recovery codes, used or not, in a stable order. */
async function storedHashes(db: Db, userId: string) {
  const rows = await db.select().from(twoFactorRecoveryCodes).where(eq(twoFactorRecoveryCodes.userId, userId));
  return rows.map((r) => `${r.codeHash}:${r.usedAt ?? ""}`).sort();
}

async function actions(db: Db, objectId: string) {
  const events = await db.select().from(auditEvents).where(eq(auditEvents.objectId, objectId));
  return events.map((e) => e.action);
}

describe("two-factor sign-in", () => {
  it("the password alone gives no session; with a code it does, once", async () => {
    const db = await createTestDb();
    const { user, key } = await enrolled(db);
    expect(await signIn(db, user.email, null, T0)).toMatchObject({ ok: false, reason: "code_required" });
    const code = codeAt(key, timeStep(T0));
    expect(await signIn(db, user.email, code, T0)).toMatchObject({ ok: true, user: { id: user.id } });
    // The same code again, within its window: a replay.
    expect(await signIn(db, user.email, code, later(5))).toEqual({ ok: false, reason: "reused_code" });
    expect(await signIn(db, user.email, "000000", later(30))).toMatchObject({ ok: false });
    expect(await signIn(db, user.email, codeAt(key, timeStep(later(30))), later(30))).toMatchObject({ ok: true });
    const trail = await actions(db, user.id);
    expect(trail.filter((a) => a === "account.sign_in")).toHaveLength(2);
    expect(trail.filter((a) => a === "account.sign_in.fail")).toHaveLength(2);
    const refused = await first(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.objectId, user.id), eq(auditEvents.action, "account.sign_in.fail"))),
    );
    // No actor is invented for a refused attempt; the address and browser are kept, never the code.
    expect(refused).toMatchObject({ actorId: null, ip: source.ip, userAgent: "vitest" });
    expect(JSON.stringify(refused)).not.toContain(code);
    expect(refused!.after).toMatchObject({ email: user.email, reason: "reused_code" });
  });

  it("one step of drift is accepted either way, two are refused", async () => {
    const db = await createTestDb();
    const { user, key } = await enrolled(db);
    const step = timeStep(T0);
    expect(await signIn(db, user.email, codeAt(key, step - 2), T0)).toEqual({ ok: false, reason: "wrong_code" });
    expect(await signIn(db, user.email, codeAt(key, step + 2), T0)).toEqual({ ok: false, reason: "wrong_code" });
    expect(await signIn(db, user.email, codeAt(key, step - 1), T0)).toMatchObject({ ok: true });
    // A later step is still fresh; the step before the last accepted one is now a replay.
    expect(await signIn(db, user.email, codeAt(key, step + 1), T0)).toMatchObject({ ok: true });
    expect(await signIn(db, user.email, codeAt(key, step), T0)).toEqual({ ok: false, reason: "reused_code" });
  });

  it("a recovery code works once, in any case and spacing, and is audited", async () => {
    const db = await createTestDb();
    const { user, recoveryCodes } = await enrolled(db);
    expect(recoveryCodes).toHaveLength(10);
    const typed = recoveryCodes[3].toUpperCase().replace("-", " ");
    expect(await signIn(db, user.email, typed, T0)).toMatchObject({ ok: true });
    expect(await signIn(db, user.email, recoveryCodes[3], later(60))).toEqual({ ok: false, reason: "reused_code" });
    expect(await twoFactorStatus(db, ctxFor(user).actor, T0)).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    const used = await first(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.objectId, user.id), eq(auditEvents.action, "account.two_factor.recovery_code.use"))),
    );
    expect(used).toMatchObject({ actorId: user.id, after: { remaining: 9 } });
    // Only hashes are stored, and the key is sealed: neither appears as plaintext in the database.
    const row = await first(db.select().from(twoFactorAccounts).where(eq(twoFactorAccounts.userId, user.id)));
    expect(row!.secret).not.toMatch(/^[A-Z2-7]{32}$/);
    expect(openText(row!.secret!)).toMatch(/^[A-Z2-7]{32}$/);
  });

  it("wrong codes count for the throttle with the password attempts", async () => {
    const db = await createTestDb();
    const { user, key } = await enrolled(db);
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(await signIn(db, user.email, "999999", later(i))).toMatchObject({ ok: false, reason: "wrong_code" });
    // Even the right password and a right code are refused now.
    const right = codeAt(key, timeStep(later(10)));
    expect(await signIn(db, user.email, right, later(10))).toMatchObject({ ok: false, reason: "throttled" });
    expect(await actions(db, user.id)).toContain("account.sign_in.throttle");
  });

  it("an unknown account's failure is audited without an actor", async () => {
    const db = await createTestDb();
    expect(await signIn(db, "nobody@x.test", null, T0)).toEqual({ ok: false, reason: "invalid_credentials" });
    const event = await first(db.select().from(auditEvents).where(eq(auditEvents.objectId, "nobody@x.test")));
    expect(event).toMatchObject({
      actorId: null,
      action: "account.sign_in.fail",
      objectType: "sign_in",
      after: { email: "nobody@x.test", reason: "unknown_account" },
    });
  });

  it("an enrolment not confirmed within ten minutes is refused", async () => {
    const db = await createTestDb();
    const user = await makeUser(db, "staff");
    const { key } = await startEnrolment(db, ctxFor(user), T0);
    const late = later(ENROLMENT_MINUTES * 60 + 1);
    await expect(confirmEnrolment(db, ctxFor(user), codeAt(key, timeStep(late)), late)).rejects.toMatchObject({
      reason: "enrolment_expired",
    });
    expect(await twoFactorStatus(db, ctxFor(user).actor, late)).toMatchObject({ enabled: false, pending: "expired" });
    // A wrong first code is refused and changes nothing; a new enrolment then works.
    const { key: fresh } = await startEnrolment(db, ctxFor(user), late);
    await expect(confirmEnrolment(db, ctxFor(user), "123456", late)).rejects.toMatchObject({ reason: "wrong_code" });
    expect(await confirmEnrolment(db, ctxFor(user), codeAt(fresh, timeStep(late)), late)).toHaveLength(10);
    expect(await actions(db, user.id)).toContain("account.two_factor.enrol");
  });

  it("turning it off needs the password and a code", async () => {
    const db = await createTestDb();
    const { user, key } = await enrolled(db);
    const code = codeAt(key, timeStep(T0));
    await expect(turnOffTwoFactor(db, ctxFor(user), { password: "wrong", code }, T0)).rejects.toMatchObject({
      reason: "wrong_password",
    });
    await expect(
      turnOffTwoFactor(db, ctxFor(user), { password: TEST_PASSWORD, code: "111111" }, T0),
    ).rejects.toMatchObject({ reason: "wrong_code" });
    await turnOffTwoFactor(db, ctxFor(user), { password: TEST_PASSWORD, code }, T0);
    expect(await signIn(db, user.email, null, later(60))).toMatchObject({ ok: true });
    expect(await actions(db, user.id)).toContain("account.two_factor.disable");
  });

  it("the policy sends an account without two-factor to enrolment, and keeps enrolled ones", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const staff = await makeUser(db, "staff");
    const client = await makeUser(db, "client");
    await expect(setTwoFactorPolicy(db, ctxFor(staff), "required_for_everyone")).rejects.toThrow(AppError);
    expect(await mustEnrolTwoFactor(db, staff)).toBe(false);
    await setTwoFactorPolicy(db, ctxFor(admin), "required_for_staff");
    expect(await mustEnrolTwoFactor(db, staff)).toBe(true);
    expect(await mustEnrolTwoFactor(db, admin)).toBe(true);
    expect(await mustEnrolTwoFactor(db, client)).toBe(false);
    await setTwoFactorPolicy(db, ctxFor(admin), "required_for_everyone");
    expect(await mustEnrolTwoFactor(db, client)).toBe(true);
    // An account that signs in only through single sign-on is left out: its identity provider's MFA applies.
    await transaction(db, (tx) => tx.update(users).set({ passwordSignIn: false }).where(eq(users.id, client.id)));
    expect(await mustEnrolTwoFactor(db, client)).toBe(false);
    expect((await twoFactorStatus(db, client)).required).toBe(false);
    const { key } = await startEnrolment(db, ctxFor(staff), T0);
    await confirmEnrolment(db, ctxFor(staff), codeAt(key, timeStep(T0)), T0);
    expect(await mustEnrolTwoFactor(db, staff)).toBe(false);
    // Covered by the policy: it cannot be turned off.
    await expect(
      turnOffTwoFactor(
        db,
        ctxFor(staff),
        { password: TEST_PASSWORD, code: codeAt(key, timeStep(later(30))) },
        later(30),
      ),
    ).rejects.toMatchObject({ reason: "required" });
    const changes = await db.select().from(auditEvents).where(eq(auditEvents.action, "two_factor.policy.change"));
    expect(changes.map((e) => e.after)).toEqual([{ rule: "required_for_staff" }, { rule: "required_for_everyone" }]);
  });

  it("an administrator resets a person's two-factor (audited, sessions ended); nobody else can", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const other = await makeUser(db, "staff");
    const { user } = await enrolled(db);
    await expect(resetTwoFactor(db, ctxFor(other), user.id)).rejects.toThrow(AppError);
    await expect(resetTwoFactor(db, ctxFor(user), user.id)).rejects.toThrow(AppError);
    expect(await signIn(db, user.email, null, T0)).toMatchObject({ reason: "code_required" });
    const before = (await first(db.select().from(users).where(eq(users.id, user.id))))!.sessionVersion;
    await resetTwoFactor(db, ctxFor(admin), user.id);
    expect((await first(db.select().from(users).where(eq(users.id, user.id))))!.sessionVersion).toBe(before + 1);
    expect(await signIn(db, user.email, null, later(60))).toMatchObject({ ok: true });
    const reset = await first(db.select().from(auditEvents).where(eq(auditEvents.action, "user.two_factor.reset")));
    expect(reset).toMatchObject({ actorId: admin.id, objectId: user.id });
    await expect(resetTwoFactor(db, ctxFor(admin), user.id)).rejects.toMatchObject({ reason: "two_factor_off" });
  });

  it("the settings page's status is one read: enrolment, codes left, policy and password sign-in", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const user = await makeUser(db, "staff");
    const actor = ctxFor(user).actor;
    // No two-factor row and no policy row yet: optional, nothing enrolled.
    expect(await twoFactorStatus(db, actor, T0)).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      required: false,
      pending: null,
    });
    await setTwoFactorPolicy(db, ctxFor(admin), "required_for_staff");
    const { key } = await startEnrolment(db, ctxFor(user), T0);
    const status = await twoFactorStatus(db, actor, later(60));
    expect(status).toMatchObject({ enabled: false, recoveryCodesLeft: 0, required: true });
    expect(status.pending).toMatchObject({ key, expiresAt: later(ENROLMENT_MINUTES * 60).toISOString() });
    await confirmEnrolment(db, ctxFor(user), codeAt(key, timeStep(later(60))), later(60));
    expect(await twoFactorStatus(db, actor, later(90))).toMatchObject({
      enabled: true,
      enabledAt: later(60).toISOString(),
      recoveryCodesLeft: 10,
      required: true,
      pending: null,
    });
    // An actor whose account is gone meanwhile: nothing enrolled, the policy still read.
    expect(await twoFactorStatus(db, { ...actor, id: "gone" }, T0)).toMatchObject({ enabled: false, required: true });
    // Counted where the connection can be watched (SQLite); the query is the same on PostgreSQL.
    if (dialectOf(db) === "sqlite") {
      expect(await statementsOf(db, () => twoFactorStatus(db, actor, later(90)))).toHaveLength(1);
    }
  });

  it("new recovery codes replace every old one at once, are stored hashed and audited", async () => {
    const db = await createTestDb();
    const { user, key, recoveryCodes: old } = await enrolled(db);
    expect(await signIn(db, user.email, old[0], T0)).toMatchObject({ ok: true });
    const proof = { password: TEST_PASSWORD, code: codeAt(key, timeStep(T0)) };
    const fresh = await regenerateRecoveryCodes(db, ctxFor(user), proof, T0);
    // The same count and format as at enrolment, none of them an old one.
    expect(fresh).toHaveLength(10);
    expect(new Set(fresh).size).toBe(10);
    for (const code of fresh) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);
    expect(await storedHashes(db, user.id)).toEqual(fresh.map((code) => `${hashRecoveryCode(code)}:`).sort());
    expect(await twoFactorStatus(db, ctxFor(user).actor, T0)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    // An old code, never used, no longer signs in; a new one does, once.
    expect(await signIn(db, user.email, old[1], later(60))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await signIn(db, user.email, fresh[4], later(60))).toMatchObject({ ok: true });
    expect(await signIn(db, user.email, fresh[4], later(90))).toEqual({ ok: false, reason: "reused_code" });
    const event = await first(
      db.select().from(auditEvents).where(eq(auditEvents.action, "account.two_factor.recovery_codes.regenerate")),
    );
    expect(event).toMatchObject({ actorId: user.id, objectType: "user", objectId: user.id });
    expect(JSON.stringify(event)).not.toContain(fresh[0]);
  });

  it("a refused request for new recovery codes says why and changes nothing", async () => {
    const db = await createTestDb();
    const { user, key, recoveryCodes } = await enrolled(db);
    const ctx = ctxFor(user);
    const code = codeAt(key, timeStep(T0));
    const before = await storedHashes(db, user.id);
    await expect(regenerateRecoveryCodes(db, ctx, { password: "wrong", code }, T0)).rejects.toMatchObject({
      reason: "wrong_password",
      details: { fieldErrors: { password: ["This is not your current password."] } },
    });
    for (const typed of ["111111", "not a code"])
      await expect(
        regenerateRecoveryCodes(db, ctx, { password: TEST_PASSWORD, code: typed }, T0),
      ).rejects.toMatchObject({ reason: "wrong_code", details: { fieldErrors: { code: [expect.any(String)] } } });
    // The code given with the wrong password was not spent: it still signs in; after that it is a replay.
    expect(await signIn(db, user.email, code, T0)).toMatchObject({ ok: true });
    await expect(regenerateRecoveryCodes(db, ctx, { password: TEST_PASSWORD, code }, later(5))).rejects.toMatchObject({
      reason: "reused_code",
    });
    expect(await storedHashes(db, user.id)).toEqual(before);
    expect(await actions(db, user.id)).not.toContain("account.two_factor.recovery_codes.regenerate");
    // A recovery code is proof of presence too; it goes with the rest of the old set.
    const fresh = await regenerateRecoveryCodes(db, ctx, { password: TEST_PASSWORD, code: recoveryCodes[2] }, T0);
    expect(fresh).toHaveLength(10);
    expect(await signIn(db, user.email, recoveryCodes[2], later(60))).toMatchObject({ ok: false });
    // Without two-factor there is nothing to replace.
    const plain = await makeUser(db, "staff");
    await expect(
      regenerateRecoveryCodes(db, ctxFor(plain), { password: TEST_PASSWORD, code }, T0),
    ).rejects.toMatchObject({ reason: "two_factor_off" });
    expect(await twoFactorStatus(db, ctxFor(plain).actor, T0)).toMatchObject({ enabled: false, recoveryCodesLeft: 0 });
  });

  it("nobody gets new recovery codes for someone else's account", async () => {
    const db = await createTestDb();
    const a = await enrolled(db);
    const b = await enrolled(db, "admin");
    const aBefore = await storedHashes(db, a.user.id);
    const bBefore = await storedHashes(db, b.user.id);
    // B's own password with A's code or recovery code: the proof is checked against B's account, only.
    for (const code of [codeAt(a.key, timeStep(T0)), a.recoveryCodes[0]])
      await expect(
        regenerateRecoveryCodes(db, ctxFor(b.user), { password: TEST_PASSWORD, code }, T0),
      ).rejects.toMatchObject({ reason: "wrong_code" });
    expect(await storedHashes(db, a.user.id)).toEqual(aBefore);
    expect(await storedHashes(db, b.user.id)).toEqual(bBefore);
    // B's own new set replaces B's codes only: A's still work, B's new ones are not A's.
    const renewed = await regenerateRecoveryCodes(
      db,
      ctxFor(b.user),
      { password: TEST_PASSWORD, code: codeAt(b.key, timeStep(T0)) },
      T0,
    );
    expect(await storedHashes(db, a.user.id)).toEqual(aBefore);
    expect(await signIn(db, a.user.email, a.recoveryCodes[0], later(60))).toMatchObject({ ok: true });
    expect(await signIn(db, a.user.email, renewed[0], later(90))).toMatchObject({ ok: false });
  });

  it("wrong codes in Settings pause both steps and sign-in from that address, changing nothing meanwhile", async () => {
    const db = await createTestDb();
    const { user, key } = await enrolled(db);
    const ctx = { ...ctxFor(user), ip: source.ip };
    const before = await storedHashes(db, user.id);
    for (let i = 0; i < MAX_FAILURES; i++)
      await expect(
        regenerateRecoveryCodes(db, ctx, { password: TEST_PASSWORD, code: "999999" }, later(i)),
      ).rejects.toMatchObject({ reason: "wrong_code" });
    // Each wrong proof is audited as a refused sign-in is, and so is the pause the last one starts.
    const trail = await actions(db, user.id);
    expect(trail.filter((a) => a === "account.proof.fail")).toHaveLength(MAX_FAILURES);
    expect(trail.filter((a) => a === "account.sign_in.throttle")).toHaveLength(1);
    const [failure] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, user.id), eq(auditEvents.action, "account.proof.fail")));
    expect(failure).toMatchObject({ actorId: user.id, after: { step: "recovery_codes", reason: "wrong_code" } });
    const attempts = (await db.select().from(signInAttempts)).length;
    // A minute on, the right password and a right code: refused by either step, before anything is checked.
    const at = later(60);
    const proof = { password: TEST_PASSWORD, code: codeAt(key, timeStep(at)) };
    const pause = {
      code: "rate_limited",
      reason: "too_many_attempts",
      message: `Too many wrong passwords or codes. Try again in ${LOCK_MINUTES} minutes.`,
      saying: { problem: "tooManyWrongPasswordsOrCodes", params: { minutes: LOCK_MINUTES } },
    };
    await expect(regenerateRecoveryCodes(db, ctx, proof, at)).rejects.toMatchObject(pause);
    await expect(turnOffTwoFactor(db, ctx, proof, at)).rejects.toMatchObject(pause);
    expect(await signIn(db, user.email, proof.code, at)).toMatchObject({ ok: false, reason: "throttled" });
    // Nothing changed: the codes, two-factor, the trail, not even the ledger (the pause is not prolonged).
    expect(await storedHashes(db, user.id)).toEqual(before);
    expect(await twoFactorStatus(db, ctx.actor, at)).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect(await actions(db, user.id)).not.toContain("account.two_factor.recovery_codes.regenerate");
    expect(await db.select().from(signInAttempts)).toHaveLength(attempts);
    // The ledger is by account and address, as at sign-in: from elsewhere the unspent code still signs in.
    const elsewhere = { ...source, ip: "198.51.100.7" };
    expect(await attemptSignIn(db, { email: user.email, ...proof, ...elsewhere }, at)).toMatchObject({ ok: true });
    // Once the pause is over, the step goes through.
    const after = later(MAX_FAILURES - 1 + LOCK_MINUTES * 60 + 1);
    await turnOffTwoFactor(db, ctx, { password: TEST_PASSWORD, code: codeAt(key, timeStep(after)) }, after);
    expect(await twoFactorStatus(db, ctx.actor, after)).toMatchObject({ enabled: false });
  });

  it("guesses at sign-in and in Settings add up; a right proof in Settings starts the count afresh", async () => {
    const db = await createTestDb();
    const { user, key, recoveryCodes } = await enrolled(db);
    const ctx = { ...ctxFor(user), ip: source.ip };
    const right = (at: Date) => ({ password: TEST_PASSWORD, code: codeAt(key, timeStep(at)) });
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      expect(await signIn(db, user.email, null, later(i), "wrong")).toMatchObject({ reason: "invalid_credentials" });
    // One short of the pause: a right proof passes, and counts as a success does at sign-in.
    expect(await regenerateRecoveryCodes(db, ctx, right(later(30)), later(30))).toHaveLength(10);
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      await expect(
        turnOffTwoFactor(db, ctx, { password: "wrong", code: recoveryCodes[i] }, later(60 + i)),
      ).rejects.toMatchObject({ reason: "wrong_password" });
    // The fifth failure since that success is a wrong code at sign-in; the sixth attempt, right, is paused.
    expect(await signIn(db, user.email, "999999", later(90))).toMatchObject({ reason: "wrong_code" });
    await expect(turnOffTwoFactor(db, ctx, right(later(120)), later(120))).rejects.toMatchObject({
      reason: "too_many_attempts",
    });
    expect(await twoFactorStatus(db, ctx.actor, later(120))).toMatchObject({ enabled: true });
  });
});
