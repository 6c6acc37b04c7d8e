// Which OpenID Connect provider single sign-on uses, from the environment. Without an issuer,
// client id and secret there is no single sign-on: no button, no provider, nothing changes.

/** Auth.js's id of the provider: the callback is /api/auth/callback/sso. */
export const SINGLE_SIGN_ON_PROVIDER_ID = "sso";

export type SingleSignOnSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The claim whose value is the account's email (`email` unless LIGHTGATE_OIDC_EMAIL_CLAIM says another). */
  emailClaim: string;
  /** The provider's name on the button: "Sign in with <name>". */
  displayName: string;
};

export function singleSignOnSettings(env: NodeJS.ProcessEnv = process.env): SingleSignOnSettings | null {
  const issuer = env.LIGHTGATE_OIDC_ISSUER?.trim();
  const clientId = env.LIGHTGATE_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.LIGHTGATE_OIDC_CLIENT_SECRET?.trim();
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    emailClaim: env.LIGHTGATE_OIDC_EMAIL_CLAIM?.trim() || "email",
    displayName: env.LIGHTGATE_OIDC_NAME?.trim() || "single sign-on",
  };
}
