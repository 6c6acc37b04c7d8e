// Signing in: the throttle, the password, and for an account with two-factor sign-in a code (a TOTP or a
// recovery code), either in the same request or as a second step after the password. Every outcome is an
// attempt the throttle counts (a right password waiting for its code is not one yet) and an audit event
// with the caller's address and browser; a refused attempt names no actor, only the email that was typed.
import { actorOf } from "@/lib/domain/permissions";
import { and, desc, eq, gt } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction } from "@/db/client";
import { signInAttempts, users, type User } from "@/db/schema";
import { recordAudit, type AuditInput } from "@/lib/audit";
import { hasTwoFactor, redeemCode } from "@/lib/data/two-factor";
import { RELEVANT_WINDOW_MS, throttleState, type ThrottleState } from "@/lib/domain/sign-in-throttle";
import { passwordTag } from "@/lib/domain/two-factor-challenge";
import { DUMMY_PASSWORD_HASH as DUMMY_HASH, verifyPassword } from "@/lib/password";

export type SignInOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "throttled"; until: Date }
  /** The password was right; no session until a code follows (lib/domain/two-factor-challenge.ts). */
  | { ok: false; reason: "code_required"; user: User }
  | { ok: false; reason: "wrong_code" | "reused_code" };

/** Where the attempt came from, for the throttle and the audit trail. */
export type SignInSource = { ip: string; userAgent?: string | null };

export async function currentThrottle(db: DbOrTx, email: string, ip: string, now: Date): Promise<ThrottleState> {
  const since = new Date(now.getTime() - RELEVANT_WINDOW_MS).toISOString();
  const recent = await db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), eq(signInAttempts.ip, ip), gt(signInAttempts.at, since)))
    .orderBy(desc(signInAttempts.at));
  const failures: Date[] = [];
  for (const attempt of recent) {
    if (attempt.succeeded) break;
    failures.push(new Date(attempt.at));
  }
  return throttleState(failures, now);
}

/** Whole minutes until a pause ends, at least 1: how long to wait, said the same in every time zone. */
export function minutesLeft(until: Date, now = new Date()): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}

/** When the throttle lifts for this account and address, or null when it is not locked. */
export async function throttleUntil(db: Db, email: string, ip: string, now = new Date()): Promise<Date | null> {
  const state = await currentThrottle(db, email.trim().toLowerCase(), ip, now);
  return state.locked ? state.until : null;
}

type Failure = "wrong_password" | "wrong_code" | "reused_code" | "unknown_account" | "disabled_account";

/** A refused attempt: counted by the throttle, audited without an actor, and the pause audited when it starts. */
async function recordFailure(
  db: Db,
  email: string,
  user: User | null,
  reason: Failure,
  source: SignInSource,
  now: Date,
) {
  await transaction(db, async (tx) => {
    await tx.insert(signInAttempts).values({ email, ip: source.ip, succeeded: false, at: now.toISOString() });
    const context = { actor: null, ip: source.ip, userAgent: source.userAgent ?? null };
    const object = user ? { objectType: "user", objectId: user.id } : { objectType: "sign_in", objectId: email };
    await recordAudit(tx, context, { action: "account.sign_in.fail", ...object, after: { email, reason } });
    const throttle = await currentThrottle(tx, email, source.ip, now);
    if (throttle.locked)
      await recordAudit(tx, context, {
        action: "account.sign_in.throttle",
        ...object,
        after: { email, until: throttle.until.toISOString() },
      });
  });
}

async function recordSuccess(db: Db, user: User, method: string, source: SignInSource, now: Date, more: AuditInput[]) {
  await transaction(db, async (tx) => {
    await tx
      .insert(signInAttempts)
      .values({ email: user.email, ip: source.ip, succeeded: true, at: now.toISOString() });
    const context = { actor: actorOf(user), ip: source.ip, userAgent: source.userAgent ?? null };
    for (const event of more) await recordAudit(tx, context, event);
    await recordAudit(tx, context, {
      action: "account.sign_in",
      objectType: "user",
      objectId: user.id,
      after: { method },
    });
  });
}

/** The code that follows a right password: spent, then the attempt recorded either way. */
async function finishWithCode(
  db: Db,
  user: User,
  code: string,
  source: SignInSource,
  now: Date,
): Promise<SignInOutcome> {
  const verdict = await transaction(db, (tx) => redeemCode(tx, user.id, code, now));
  if (!verdict.ok) {
    await recordFailure(db, user.email, user, verdict.reason, source, now);
    return { ok: false, reason: verdict.reason };
  }
  const more: AuditInput[] =
    verdict.via === "recovery_code"
      ? [
          {
            action: "account.two_factor.recovery_code.use",
            objectType: "user",
            objectId: user.id,
            after: { remaining: verdict.remaining },
          },
        ]
      : [];
  await recordSuccess(
    db,
    user,
    verdict.via === "totp" ? "password_and_code" : "password_and_recovery_code",
    source,
    now,
    more,
  );
  return { ok: true, user };
}

/**
 * Checks the throttle, then the password, then (for an account with two-factor sign-in) the code. Without a
 * code such an account gets `code_required`: the password was right, and nothing is recorded yet.
 */
export async function attemptSignIn(
  db: Db,
  input: { email: string; password: string; code?: string | null } & SignInSource,
  now = new Date(),
): Promise<SignInOutcome> {
  const email = input.email.trim().toLowerCase();
  const throttle = await currentThrottle(db, email, input.ip, now);
  if (throttle.locked) return { ok: false, reason: "throttled", until: throttle.until };

  const user = (await first(db.select().from(users).where(eq(users.email, email)))) ?? null;
  // Verify against a dummy hash for unknown accounts so timing does not reveal which exist.
  const usable = Boolean(user && !user.disabledAt);
  const valid = (await verifyPassword(usable && user ? user.passwordHash : DUMMY_HASH, input.password)) && usable;
  if (!valid || !user) {
    const reason: Failure = !user ? "unknown_account" : user.disabledAt ? "disabled_account" : "wrong_password";
    await recordFailure(db, email, user, reason, input, now);
    return { ok: false, reason: "invalid_credentials" };
  }
  if (await hasTwoFactor(db, user.id)) {
    if (!input.code?.trim()) return { ok: false, reason: "code_required", user };
    return await finishWithCode(db, user, input.code, input, now);
  }
  await recordSuccess(db, user, "password", input, now, []);
  return { ok: true, user };
}

/**
 * The code step after a right password: the account the signed second-step token names, still usable, with
 * the password the token followed. The throttle counts wrong codes with the password attempts.
 */
export async function attemptSecondStep(
  db: Db,
  input: { userId: string; passwordTag: string; code: string } & SignInSource,
  now = new Date(),
): Promise<SignInOutcome> {
  const user = await first(db.select().from(users).where(eq(users.id, input.userId)));
  if (!user || user.disabledAt || passwordTag(user.passwordHash) !== input.passwordTag)
    return { ok: false, reason: "invalid_credentials" };
  const throttle = await currentThrottle(db, user.email, input.ip, now);
  if (throttle.locked) return { ok: false, reason: "throttled", until: throttle.until };
  return await finishWithCode(db, user, input.code, input, now);
}
