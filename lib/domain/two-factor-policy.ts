// Who must use two-factor sign-in, as an administrator set it. Its own module (no crypto) because the
// database schemas import the list of policies.
type Role = "admin" | "staff" | "client";

/** Who must have two-factor sign-in: nobody (each decides), the vendor's staff and admins, or every account. */
export const TWO_FACTOR_POLICIES = ["optional", "required_for_staff", "required_for_everyone"] as const;
export type TwoFactorPolicy = (typeof TWO_FACTOR_POLICIES)[number];

export function mustUseTwoFactor(policy: TwoFactorPolicy, role: Role): boolean {
  if (policy === "required_for_everyone") return true;
  if (policy === "required_for_staff") return role !== "client";
  return false;
}

/** An account the policy covers that has no two-factor yet: it may reach nothing but its enrolment. */
export function mustEnrol(policy: TwoFactorPolicy, role: Role, enabled: boolean): boolean {
  return !enabled && mustUseTwoFactor(policy, role);
}

/** An account the policy covers may not turn two-factor sign-in off (it would be sent straight back). */
export function mayTurnOff(policy: TwoFactorPolicy, role: Role): boolean {
  return !mustUseTwoFactor(policy, role);
}
