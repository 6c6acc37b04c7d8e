// One-time account links (an invitation for a new account, or a password reset an administrator
// started): when a link may still be used, and how an account's sign-in state reads in the
// administrator's list. Pure: the data layer passes the stored rows and the time.

export const ACCOUNT_LINK_LIFETIME_DAYS = 7;
const LIFETIME_MS = ACCOUNT_LINK_LIFETIME_DAYS * 24 * 60 * 60 * 1000;

export type AccountLinkPurpose = "invite" | "reset";

export type AccountLink = {
  purpose: AccountLinkPurpose;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
};

export type AccountLinkState = "usable" | "used" | "revoked" | "expired";

export function accountLinkExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + LIFETIME_MS);
}

/** Used beats revoked beats expired: the person is told the most specific reason. */
export function accountLinkState(
  link: Pick<AccountLink, "expiresAt" | "usedAt" | "revokedAt">,
  now: Date,
): AccountLinkState {
  if (link.usedAt) return "used";
  if (link.revokedAt) return "revoked";
  if (Date.parse(link.expiresAt) <= now.getTime()) return "expired";
  return "usable";
}

/** What the person who opened a link that cannot be used reads; it names no account. */
export const UNUSABLE_LINK_MESSAGES: Record<Exclude<AccountLinkState, "usable"> | "unknown", string> = {
  used: "This link was already used. Each link works once. If you did not use it yourself, tell your administrator.",
  revoked: "This link was withdrawn by your administrator. Ask them for a new one.",
  expired:
    `This link has expired: links work for ${ACCOUNT_LINK_LIFETIME_DAYS} days. Ask your administrator ` +
    `for a new one.`,
  unknown: "This link is not valid. Check that you copied all of it, or ask your administrator for a new one.",
};

/** A person's sign-in state as the administrator's list shows it. */
export type AccountStatus =
  | { kind: "disabled" }
  | { kind: "invited"; expiresAt: string }
  | { kind: "invitation_expired" }
  | { kind: "invitation_revoked" }
  | { kind: "reset_pending"; expiresAt: string }
  | { kind: "active" };

/**
 * @param hasPassword false until the person accepted an invitation (the stored hash is empty).
 * @param latestLink the account's most recent unused link, if any.
 */
export function accountStatus(
  account: { disabled: boolean; hasPassword: boolean },
  latestLink: AccountLink | null,
  now: Date,
): AccountStatus {
  if (account.disabled) return { kind: "disabled" };
  const state = latestLink ? accountLinkState(latestLink, now) : null;
  if (!account.hasPassword) {
    if (state === "usable") return { kind: "invited", expiresAt: latestLink!.expiresAt };
    return state === "revoked" ? { kind: "invitation_revoked" } : { kind: "invitation_expired" };
  }
  if (latestLink?.purpose === "reset" && state === "usable")
    return { kind: "reset_pending", expiresAt: latestLink.expiresAt };
  return { kind: "active" };
}
