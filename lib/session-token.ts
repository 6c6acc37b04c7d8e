// The signed-in account's claims from the Auth.js session cookie. Auth.js's own auth() runs its
// session round trip on every call: it decrypts the JWT and encrypts a refreshed one, which a
// server component cannot even set. Here the cookie is only decrypted, and the claims of a
// token are kept until it expires (the same answer decrypting it again would give: the token
// is immutable; revocation is checked against the session's row and the account's session version
// in lib/session.ts).
import { decode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth-secret";

/** Auth.js's session cookie, named with the __Secure- prefix when the site is served over HTTPS. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/** `sessionId` names the session's row (lib/data/sessions.ts); null in a token issued before sessions had rows. */
export type SessionClaims = { userId: string; sessionId: string | null; sessionVersion: number; expiresAt: number };

const MEMO_LIMIT = 1000;
const memo = new Map<string, SessionClaims>();

export async function sessionClaims(
  cookie: (name: string) => string | undefined,
  now = Date.now(),
): Promise<SessionClaims | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookie(name);
    if (token) return claimsOf(token, name, now);
  }
  return null;
}

async function claimsOf(token: string, cookieName: string, now: number): Promise<SessionClaims | null> {
  const key = `${cookieName}\0${token}`;
  const seen = memo.get(key);
  if (seen && seen.expiresAt > now) return seen;
  if (seen) memo.delete(key);
  let payload: { sub?: string; exp?: number; sv?: unknown; sid?: unknown } | null;
  try {
    // Auth.js derives the encryption key from the secret with the cookie's name as salt.
    payload = await decode<{ sub?: string; exp?: number; sv?: unknown; sid?: unknown }>({
      token,
      secret: authSecret(),
      salt: cookieName,
    });
  } catch {
    return null; // tampered, foreign or expired
  }
  if (!payload?.sub || typeof payload.exp !== "number" || payload.exp * 1000 <= now) return null;
  const claims: SessionClaims = {
    userId: payload.sub,
    sessionId: typeof payload.sid === "string" ? payload.sid : null,
    sessionVersion: typeof payload.sv === "number" ? payload.sv : -1,
    expiresAt: payload.exp * 1000,
  };
  memo.set(key, claims);
  if (memo.size > MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  return claims;
}
