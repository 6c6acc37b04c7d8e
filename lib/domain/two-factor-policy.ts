// Who must use two-factor sign-in, as an administrator set it. Its own module (no crypto) because the
// database schemas import the list of policies.
type Role = "admin" | "staff" | "client";

/** Who must have two-factor sign-in: nobody (each decides), the vendor's staff and admins, or every account. */
export const TWO_FACTOR_POLICIES = ["optional", "required_for_staff", "required_for_everyone"] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];

/** What the policy looks at: the account's role, and whether it may sign in with a password at all. */
export type CoveredAccount = { role: Role; passwordSignIn: boolean };

/**
 * Whether the policy covers an account. One that signs in only through single sign-on is left out:
 * it never types a password here, and its second factor is the identity provider's.
 */
export function mustUseTwoFactor(policy: TwoFactorPolicy, account: CoveredAccount): boolean {
  if (!account.passwordSignIn) return false;
  if (policy === "required_for_everyone") return true;
  if (policy === "required_for_staff") return account.role !== "client";
  return false;
}

/** An account the policy covers that has no two-factor yet: it may reach nothing but its enrolment. */
export function mustEnrol(policy: TwoFactorPolicy, account: CoveredAccount, enabled: boolean): boolean {
  return !enabled && mustUseTwoFactor(policy, account);
}

/** An account the policy covers may not turn two-factor sign-in off (it would be sent straight back). */
export function mayTurnOff(policy: TwoFactorPolicy, account: CoveredAccount): boolean {
  return !mustUseTwoFactor(policy, account);
}
