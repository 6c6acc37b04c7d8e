// Single sign-on inside Auth.js: the generic OpenID Connect provider, the `signIn` callback that
// turns the provider's identity into a Lightgate account (or a refusal with its reason on the
// sign-in page), the password form's refusal of accounts that must use single sign-on, and the
// guard on the callback route that turns any failure Auth.js reports into a clear page and an event.
import { CredentialsSignin, type Account, type Profile, type User } from "next-auth";
import type { OIDCConfig } from "next-auth/providers";
import { headers } from "next/headers";
import { getDb } from "@/db/client";
import { recordSignOnFailure, signOnWithIdentity } from "@/lib/data/single-sign-on";
import { passwordSignInRefused, type SignOnRefusal } from "@/lib/domain/single-sign-on";
import { rememberAccountPreferences } from "@/lib/i18n/preference-cookies";
import { clientIp, userAgent } from "@/lib/request";
import { SINGLE_SIGN_ON_PROVIDER_ID, singleSignOnSettings } from "@/lib/single-sign-on";

/** The sign-in page with a refusal's reason: the page says it in the reader's language. */
export const refusedSignOnPath = (reason: SignOnRefusal) => `/sign-in?sso=${reason}`;

/** The provider when single sign-on is configured; none otherwise, so nothing changes. */
export function singleSignOnProviders(): OIDCConfig<Profile>[] {
  const settings = singleSignOnSettings();
  if (!settings) return [];
  return [
    {
      id: SINGLE_SIGN_ON_PROVIDER_ID,
      name: settings.displayName,
      type: "oidc",
      issuer: settings.issuer,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      // state, PKCE and nonce: a callback not started by this browser, or replayed, is refused.
      checks: ["pkce", "state", "nonce"],
      authorization: { params: { scope: "openid email profile" } },
      // The id token is still checked (issuer, audience, nonce, signature), but the claims come from
      // the userinfo endpoint, where every provider puts email and email_verified for the scope.
      idToken: false,
    },
  ];
}

/**
 * The `signIn` callback: other providers (the password form) pass untouched. For single sign-on the
 * provider's user becomes the Lightgate account, so the session (jwt callback) carries its id and
 * session version; a refusal sends the person back to the sign-in page with the reason.
 */
export async function singleSignOnCallback(params: {
  user: User;
  account?: Account | null;
  profile?: Profile;
}): Promise<boolean | string> {
  if (params.account?.provider !== SINGLE_SIGN_ON_PROVIDER_ID) return true;
  const settings = singleSignOnSettings();
  if (!settings) return refusedSignOnPath("provider_error");
  const h = await headers();
  const outcome = await signOnWithIdentity(getDb(), {
    claims: (params.profile ?? {}) as Record<string, unknown>,
    emailClaim: settings.emailClaim,
    ip: clientIp(h),
    userAgent: userAgent(h),
  });
  if (!outcome.ok) return refusedSignOnPath(outcome.reason);
  const { user } = outcome;
  Object.assign(params.user, {
    id: user.id,
    email: user.email,
    name: user.name,
    image: null,
    sessionVersion: user.sessionVersion,
  });
  await rememberAccountPreferences(user);
  return true;
}

class UseSingleSignOn extends CredentialsSignin {
  code = "use_single_sign_on";
}

/**
 * For the password form, after the password proved right: an account whose password sign-in is off
 * is sent to single sign-on. Someone without the password never gets here and sees the ordinary
 * answer, so the refusal reveals nothing about which accounts exist or how they sign in.
 */
export function refusePasswordSignInWhenOff(user: { passwordSignIn: boolean }) {
  if (passwordSignInRefused(user)) throw new UseSingleSignOn();
}

const CALLBACK_PATH = `/api/auth/callback/${SINGLE_SIGN_ON_PROVIDER_ID}`;
const SIGN_IN_PATH = `/api/auth/signin/${SINGLE_SIGN_ON_PROVIDER_ID}`;
/** Where Auth.js sends a failure: its error page, or the sign-in page (pages.signIn) for sign-in errors. */
const ERROR_PAGES = new Set(["/api/auth/error", "/api/auth/signin", "/sign-in"]);

/**
 * Wraps Auth.js's route: when single sign-on's own callback (or its start) ends on Auth.js's error
 * redirect (a malformed callback, a `state` that does not match, an id token of another issuer or
 * audience, the provider unreachable), the person lands on the sign-in page with a clear message
 * instead, and the failure is audited with the address and browser.
 */
export function guardSingleSignOnRoute<R extends Request>(handler: (request: R) => Promise<Response>) {
  return async (request: R): Promise<Response> => {
    const response = await handler(request);
    const { pathname } = new URL(request.url);
    if (pathname !== CALLBACK_PATH && pathname !== SIGN_IN_PATH) return response;
    const location = response.headers.get("location");
    if (!location) return response;
    const target = new URL(location, request.url);
    const error = target.searchParams.get("error");
    // Only Auth.js's own error pages: a callback URL of the app that happens to carry ?error= is not a failure.
    if (!error || target.origin !== new URL(request.url).origin || !ERROR_PAGES.has(target.pathname)) return response;
    await recordSignOnFailure(getDb(), { ip: clientIp(request.headers), userAgent: userAgent(request.headers) }, error);
    const redirect = new Response(null, { status: 302, headers: response.headers });
    redirect.headers.set("location", new URL(refusedSignOnPath("provider_error"), request.url).toString());
    return redirect;
  };
}
