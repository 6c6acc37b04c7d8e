import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import type { RequestContext } from "@/lib/audit";
import type { Actor } from "@/lib/domain/permissions";
import { type SessionAccount, signedInAccount } from "@/lib/data/sessions";
import { clientIp, userAgent } from "@/lib/request";
import { sessionClaims } from "@/lib/session-token";

export type SignedInAccount = SessionAccount & {
  /** The row of this browser's session (lib/data/sessions.ts): "this session" in Settings. */
  sessionId: string;
};

/**
 * The signed-in account, re-checked against the database on every request (signedInAccount): the account
 * must be enabled with the token's session version, and the token's own session row must exist and not
 * have been ended (revoked one by one, by "all but this one", by an administrator, by a password change).
 */
export const currentAccount = cache(async (): Promise<SignedInAccount | null> => {
  const jar = await cookies();
  const claims = await sessionClaims((name) => jar.get(name)?.value);
  if (!claims?.sessionId) return null;
  const { sessionId } = claims;
  const account = await signedInAccount(getDb(), { ...claims, sessionId });
  return account && { ...account, sessionId };
});

/**
 * The signed-in account that may use the app: null also while an administrator's password must
 * still be replaced, so no action or page can be reached before the person chose their own.
 */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const account = await currentAccount();
  return account && !account.mustChangePassword && !account.mustEnrolTwoFactor ? account.actor : null;
});

export const CHOOSE_PASSWORD_PATH = "/choose-password";
/** Where an account the two-factor policy covers is held until it has enrolled. */
export const TWO_FACTOR_SETUP_PATH = "/two-factor-setup";

/** For pages: the actor, or a redirect to the sign-in page (or to choosing a password first). */
export async function requireActor(): Promise<Actor> {
  const account = await currentAccount();
  if (!account) redirect("/sign-in");
  if (account.mustChangePassword) redirect(CHOOSE_PASSWORD_PATH);
  if (account.mustEnrolTwoFactor) redirect(TWO_FACTOR_SETUP_PATH);
  return account.actor;
}

export async function requestContext(actor: Actor): Promise<RequestContext> {
  const h = await headers();
  return { actor, ip: clientIp(h), userAgent: userAgent(h) };
}
