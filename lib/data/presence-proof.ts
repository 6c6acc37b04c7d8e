// Proof of presence in Settings (the current password and a code) for turning two-factor sign-in off and for
// new recovery codes, throttled like signing in (lib/domain/sign-in-throttle.ts): while paused, the step is
// refused before anything is checked; a wrong password or code is a failed attempt; a right proof is a success.
//
// The ledger is sign-in's own, keyed by account and address as sign-in keys it, so guesses here and at the
// sign-in page add up. Not by account alone: a guesser elsewhere must not pause the owner's Settings, and a
// session's holder changing address gets no more from this than from the sign-in page.
import { type Db, type DbOrTx, transaction } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { minutesLeft, throttleUntil } from "@/lib/data/sign-in";
import { AppError } from "@/lib/errors";

/** The refusals of a wrong proof (lib/data/two-factor.ts): each one is a failed attempt. */
const WRONG_PROOF = new Set(["wrong_password", "wrong_code", "reused_code"]);

type Ledger = { email: string; ip: string };

async function recordAttempt(db: DbOrTx, ledger: Ledger, succeeded: boolean, now: Date) {
  await db.insert(signInAttempts).values({ ...ledger, succeeded, at: now.toISOString() });
}

function paused(minutes: number) {
  return new AppError(
    "rate_limited",
    `Too many wrong passwords or codes. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
    "too_many_attempts",
    undefined,
    { problem: "tooManyWrongPasswordsOrCodes", params: { minutes } },
  );
}

/**
 * Runs a step that checks the password and a code of `account`. `step` gets `passed`, to call in its own
 * transaction once the proof is right: a success, which like a successful sign-in starts the count afresh.
 * A wrong proof is recorded after the step's transaction has rolled back, so it is counted all the same.
 */
export async function withThrottledProof<R>(
  db: Db,
  ctx: RequestContext,
  account: { email: string },
  now: Date,
  step: (passed: (tx: DbOrTx) => Promise<void>) => Promise<R>,
): Promise<R> {
  const ledger = { email: account.email.trim().toLowerCase(), ip: ctx.ip ?? "unknown" };
  const until = await throttleUntil(db, ledger.email, ledger.ip, now);
  if (until) throw paused(minutesLeft(until, now));
  try {
    return await step((tx) => recordAttempt(tx, ledger, true, now));
  } catch (error) {
    if (error instanceof AppError && WRONG_PROOF.has(error.reason ?? ""))
      await transaction(db, (tx) => recordAttempt(tx, ledger, false, now));
    throw error;
  }
}
