// The credentials sign-in as Auth.js's authorize() runs it: email and password (and, for an account with
// two-factor sign-in, a code in the same request), or the code step that redeems the signed second-step
// cookie set when the password was right. Server-only: it reads and writes that cookie.
import { CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import type { Db } from "@/db/client";
import { authSecret } from "@/lib/auth-secret";
import { attemptSecondStep, attemptSignIn, type SignInOutcome, type SignInSource } from "@/lib/data/sign-in";
import { CHALLENGE_MINUTES, issueChallenge, readChallenge } from "@/lib/domain/two-factor-challenge";
import { servedOverHttps } from "@/lib/https";

export const SECOND_STEP_COOKIE = "lightgate.second-step";

const passwordStep = z.object({
  email: z.string().trim().email(),
  password: z.string().min(1),
  code: z.string().max(40).optional(),
});
const codeStep = z.object({ step: z.literal("code"), code: z.string().min(1).max(40) });

export type CredentialsOutcome = SignInOutcome | { ok: false; reason: "second_step_expired" };

/** One credentials sign-in: the password step (with or without its code) or the code step. */
export async function signInWithCredentials(db: Db, raw: unknown, source: SignInSource): Promise<CredentialsOutcome> {
  const jar = await cookies();
  const now = new Date();
  const asCodeStep = codeStep.safeParse(raw);
  if (asCodeStep.success) {
    const token = jar.get(SECOND_STEP_COOKIE)?.value;
    const challenge = token ? readChallenge(authSecret(), token, now) : null;
    if (!challenge) return { ok: false, reason: "second_step_expired" };
    const outcome = await attemptSecondStep(db, { ...challenge, code: asCodeStep.data.code, ...source }, now);
    if (outcome.ok || outcome.reason === "invalid_credentials") jar.delete(SECOND_STEP_COOKIE);
    return outcome;
  }
  const parsed = passwordStep.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "invalid_credentials" };
  const outcome = await attemptSignIn(db, { ...parsed.data, ...source }, now);
  if (!outcome.ok && outcome.reason === "code_required") {
    // The password was right: the browser keeps this instead of the password, for the code step.
    jar.set(SECOND_STEP_COOKIE, issueChallenge(authSecret(), outcome.user.id, outcome.user.passwordHash, now), {
      httpOnly: true,
      sameSite: "lax",
      path: "/",
      maxAge: CHALLENGE_MINUTES * 60,
      // Behind HTTPS it never travels in clear (lib/https.ts), like the session cookie.
      secure: servedOverHttps(await headers()),
    });
  } else if (outcome.ok) jar.delete(SECOND_STEP_COOKIE);
  return outcome;
}

/** Whether a second step is waiting in this browser (the sign-in page then shows the code field). */
export async function secondStepWaiting(): Promise<boolean> {
  const token = (await cookies()).get(SECOND_STEP_COOKIE)?.value;
  return Boolean(token && readChallenge(authSecret(), token, new Date()));
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class Throttled extends CredentialsSignin {
  code = "throttled";
}
/** The password was right; a code must follow (the second-step cookie is set). */
class CodeRequired extends CredentialsSignin {
  code = "code_required";
}
class WrongCode extends CredentialsSignin {
  code = "wrong_code";
}
class ReusedCode extends CredentialsSignin {
  code = "reused_code";
}
class SecondStepExpired extends CredentialsSignin {
  code = "second_step_expired";
}

/** The refusal Auth.js reports as `?code=…` (and signIn() throws to the sign-in page's actions). */
export function signInRefusal(outcome: Exclude<CredentialsOutcome, { ok: true }>): CredentialsSignin {
  switch (outcome.reason) {
    case "throttled":
      return new Throttled();
    case "code_required":
      return new CodeRequired();
    case "wrong_code":
      return new WrongCode();
    case "reused_code":
      return new ReusedCode();
    case "second_step_expired":
      return new SecondStepExpired();
    case "invalid_credentials":
      return new InvalidCredentials();
  }
}
