// Single sign-on (OpenID Connect): which Lightgate account an identity from the provider becomes.
// Pure rules; lib/data/single-sign-on.ts loads the account and the domain's provisioning and acts.
// An identity is trusted only by an email the provider says it verified: an unverified email is
// one anybody can type at some providers, and matching on it would hand them the account.
import type { ProjectRole } from "@/db/enums";

/** Project roles an administrator may give accounts that single sign-on creates: client roles only. */
export const PROVISIONING_ROLES = ["client_viewer", "guardian", "client_owner"] as const satisfies ProjectRole[];
export type ProvisioningRole = (typeof PROVISIONING_ROLES)[number];

/** An organisation's provisioning as the administrator sees it: its domains and the role new accounts take. */
export type OrganizationSignOn = { domains: string[]; projectRole: ProvisioningRole };

/** Why a single sign-on was refused; each has its own message on the sign-in page. */
export const SIGN_ON_REFUSALS = ["unverified_email", "no_account", "disabled", "provider_error"] as const;
export type SignOnRefusal = (typeof SIGN_ON_REFUSALS)[number];

export type IdentityEmail = { ok: true; email: string } | { ok: false; reason: "unverified_email" };

/**
 * The identity's email, lower-cased, from the configured claim: only when `email_verified` is
 * true (the boolean, or the string "true" some providers send), and only a plausible address.
 */
export function identityEmail(claims: Record<string, unknown>, emailClaim: string): IdentityEmail {
  const verified = claims.email_verified === true || claims.email_verified === "true";
  const raw = claims[emailClaim];
  if (!verified || typeof raw !== "string") return { ok: false, reason: "unverified_email" };
  const email = raw.trim().toLowerCase();
  if (!EMAIL.test(email)) return { ok: false, reason: "unverified_email" };
  return { ok: true, email };
}

const EMAIL = /^[^\s@]+@([^\s@]+)$/;

/** The part after the @, lower-cased: "Paula@Stadtwerke.DE" → "stadtwerke.de". */
export function emailDomain(email: string): string | null {
  const match = EMAIL.exec(email.trim().toLowerCase());
  return match ? match[1] : null;
}

/** What the provisioning of a domain says: the organisation an unknown identity joins, in which role. */
export type Provisioning = { organizationId: string; projectRole: ProvisioningRole };

export type SignOnVerdict =
  | { kind: "sign_in"; userId: string }
  | { kind: "provision"; email: string; provisioning: Provisioning }
  | { kind: "refuse"; reason: Exclude<SignOnRefusal, "provider_error">; userId?: string };

/**
 * An existing account wins over provisioning (its role and organisation stay as they are); a
 * disabled one is refused, never re-created. With no account, only a provisioned domain lets in.
 */
export function signOnVerdict(
  identity: IdentityEmail,
  account: { id: string; disabled: boolean } | null,
  provisioning: Provisioning | null,
): SignOnVerdict {
  if (!identity.ok) return { kind: "refuse", reason: identity.reason };
  if (account)
    return account.disabled
      ? { kind: "refuse", reason: "disabled", userId: account.id }
      : {
          kind: "sign_in",
          userId: account.id,
        };
  if (provisioning) return { kind: "provision", email: identity.email, provisioning };
  return { kind: "refuse", reason: "no_account" };
}

/** The password form's answer for an account whose password sign-in an administrator turned off. */
export function passwordSignInRefused(account: { passwordSignIn: boolean } | null | undefined): boolean {
  return Boolean(account && !account.passwordSignIn);
}

/**
 * A name for a new account from the identity's claims: its name, else given and family names, else
 * the email's local part ("paula.martins" → "paula.martins"); at most 120 characters, like the form.
 */
export function provisionedName(claims: Record<string, unknown>, email: string): string {
  const text = (v: unknown) => (typeof v === "string" ? v.trim() : "");
  const full = text(claims.name) || [text(claims.given_name), text(claims.family_name)].filter(Boolean).join(" ");
  return (full || email.split("@")[0]).slice(0, 120);
}

const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** A domain as typed ("@Stadtwerke.de ") in its stored form, or null when it is not one. */
export function normaliseDomain(typed: string): string | null {
  const domain = typed.trim().toLowerCase().replace(/^@/, "").replace(/\.$/, "");
  if (domain.length === 0 || domain.length > 253) return null;
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((l) => DOMAIN_LABEL.test(l))) return null;
  // The top-level label is never all digits: that would be an IP address, not a mail domain.
  if (/^\d+$/.test(labels[labels.length - 1])) return null;
  return domain;
}

/** Domains typed separated by commas, spaces or lines: each normalised, duplicates dropped, bad ones named. */
export function parseDomains(typed: string): { domains: string[]; invalid: string[] } {
  const domains: string[] = [];
  const invalid: string[] = [];
  for (const part of typed.split(/[\s,;]+/).filter(Boolean)) {
    const domain = normaliseDomain(part);
    if (!domain) invalid.push(part);
    else if (!domains.includes(domain)) domains.push(domain);
  }
  return { domains, invalid };
}
