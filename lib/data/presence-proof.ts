// Proof of presence (the current password, and a code where two-factor is on) for turning two-factor
// sign-in off, for new recovery codes and for signing go-live, throttled like signing in
// (lib/domain/sign-in-throttle.ts): while paused, the step is refused before anything is checked; a
// wrong password or code is a failed attempt, audited as a refused sign-in is (and the pause it
// starts with it); a right proof is a success.
//
// The ledger is sign-in's own, keyed by account and address as sign-in keys it, so guesses here and at the
// sign-in page add up. Not by account alone: a guesser elsewhere must not pause the owner's Settings, and a
// session's holder changing address gets no more from this than from the sign-in page.
import { type Db, type DbOrTx, transaction } from "@/db/client";
import { signInAttempts } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { currentThrottle, minutesLeft, throttleUntil } from "@/lib/data/sign-in";
import { AppError } from "@/lib/errors";

/** The step that asked for the proof, named in the audit trail; `asks` says what the pause names. */
export type ProofStep = { name: "two_factor_off" | "recovery_codes" | "go_live_sign_off"; asks: "password" | "code" };

/** The refusals of a wrong proof (lib/data/two-factor.ts): each one is a failed attempt. */
const WRONG_PROOF = new Set(["wrong_password", "wrong_code", "reused_code"]);

type Ledger = { email: string; ip: string };

async function recordAttempt(db: DbOrTx, ledger: Ledger, succeeded: boolean, now: Date) {
  await db.insert(signInAttempts).values({ ...ledger, succeeded, at: now.toISOString() });
}

function paused(minutes: number, asks: ProofStep["asks"]) {
  const [wrong, problem] =
    asks === "password"
      ? (["wrong passwords", "tooManyWrongPasswords"] as const)
      : (["wrong passwords or codes", "tooManyWrongPasswordsOrCodes"] as const);
  const wait = `Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`;
  return new AppError("rate_limited", `Too many ${wrong}. ${wait}`, "too_many_attempts", undefined, {
    problem,
    params: { minutes },
  });
}

/** A wrong proof: counted by the throttle and audited, with the pause it starts, as sign-in does. */
async function recordFailure(
  db: Db,
  ctx: RequestContext,
  account: { id: string },
  ledger: Ledger,
  step: ProofStep,
  reason: string,
  now: Date,
) {
  await transaction(db, async (tx) => {
    await recordAttempt(tx, ledger, false, now);
    const object = { objectType: "user", objectId: account.id };
    await recordAudit(tx, ctx, { action: "account.proof.fail", ...object, after: { step: step.name, reason } });
    const throttle = await currentThrottle(tx, ledger.email, ledger.ip, now);
    if (throttle.locked) {
      const after = { email: ledger.email, until: throttle.until.toISOString() };
      await recordAudit(tx, ctx, { action: "account.sign_in.throttle", ...object, after });
    }
  });
}

/**
 * Runs a step that checks the password and a code of `account`. `step` gets `passed`, to call in its own
 * transaction once the proof is right: a success, which like a successful sign-in starts the count afresh.
 * A wrong proof is recorded after the step's transaction has rolled back, so it is counted all the same.
 */
export async function withThrottledProof<R>(
  db: Db,
  ctx: RequestContext,
  account: { id: string; email: string },
  now: Date,
  proofStep: ProofStep,
  step: (passed: (tx: DbOrTx) => Promise<void>) => Promise<R>,
): Promise<R> {
  const ledger = { email: account.email.trim().toLowerCase(), ip: ctx.ip ?? "unknown" };
  const until = await throttleUntil(db, ledger.email, ledger.ip, now);
  if (until) throw paused(minutesLeft(until, now), proofStep.asks);
  try {
    return await step((tx) => recordAttempt(tx, ledger, true, now));
  } catch (error) {
    if (error instanceof AppError && WRONG_PROOF.has(error.reason ?? ""))
      await recordFailure(db, ctx, account, ledger, proofStep, error.reason!, now);
    throw error;
  }
}
