// The second step of a sign-in: after the right password for an account with two-factor sign-in, the
// browser holds this short-lived signed token (in an httpOnly cookie) instead of a session, and redeems it
// with a code. It names the account, ends after five minutes and is bound to the password it followed: a
// changed password voids it. The password itself is never kept in the browser.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

export const CHALLENGE_MINUTES = 5;

export type Challenge = { userId: string; expiresAt: number; passwordTag: string; attempt: string };

/** A fingerprint of the password hash the token followed (never the hash itself). */
export function passwordTag(passwordHash: string): string {
  return createHash("sha256").update(`second-step\n${passwordHash}`).digest("base64url").slice(0, 16);
}

const sign = (secret: string, body: string) =>
  createHmac("sha256", `lightgate-second-step\n${secret}`).update(body).digest("base64url");

export function issueChallenge(secret: string, userId: string, passwordHash: string, now: Date): string {
  const challenge: Challenge = {
    userId,
    expiresAt: now.getTime() + CHALLENGE_MINUTES * 60_000,
    passwordTag: passwordTag(passwordHash),
    attempt: randomBytes(12).toString("base64url"),
  };
  const body = Buffer.from(JSON.stringify(challenge)).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

/** The token's content when its signature holds and it has not expired; null otherwise. */
export function readChallenge(secret: string, token: string, now: Date): Challenge | null {
  const [body, signature, extra] = token.split(".");
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const challenge = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Challenge;
    if (typeof challenge.userId !== "string" || typeof challenge.expiresAt !== "number") return null;
    return challenge.expiresAt > now.getTime() ? challenge : null;
  } catch {
    return null;
  }
}
