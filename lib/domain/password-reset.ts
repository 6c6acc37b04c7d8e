// "Forgot password" (issue 16): how often a reset may be asked for, how long its link lives, and
// whether a link can still be used. Pure rules; lib/data/password-resets.ts applies them.

/** A reset link works for one hour, once. */
export const RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;
/** Requests counted over the last hour: per address (so nobody floods one inbox) and per IP. */
export const RESET_THROTTLE_WINDOW_MS = 60 * 60 * 1000;
export const RESET_REQUESTS_PER_ADDRESS = 3;
export const RESET_REQUESTS_PER_IP = 20;

export type ResetRequestCounts = { sameAddress: number; sameIp: number };

/** Whether one more request may send a link (the answer to the person is the same either way). */
export function resetRequestAllowed(counts: ResetRequestCounts): boolean {
  return counts.sameAddress < RESET_REQUESTS_PER_ADDRESS && counts.sameIp < RESET_REQUESTS_PER_IP;
}

export const resetLinkExpiry = (now: Date) => new Date(now.getTime() + RESET_LINK_LIFETIME_MS);

export type ResetLinkState = "usable" | "used" | "expired" | "superseded";

/**
 * A link is spent once used; it expires an hour after it was sent; a newer link for the same
 * account replaces it (only the latest email works, as with the administrator's links).
 */
export function resetLinkState(
  link: { expiresAt: string; usedAt: string | null; createdAt: string },
  latestCreatedAt: string,
  now: Date,
): ResetLinkState {
  if (link.usedAt) return "used";
  if (new Date(link.expiresAt).getTime() <= now.getTime()) return "expired";
  if (link.createdAt < latestCreatedAt) return "superseded";
  return "usable";
}

/** Accounts a reset link may be sent to: enabled, with password sign-in on (not SSO only), and with a password. */
export function mayResetPassword(user: { disabledAt: string | null; passwordSignIn: boolean; hasPassword: boolean }) {
  return !user.disabledAt && user.passwordSignIn && user.hasPassword;
}
