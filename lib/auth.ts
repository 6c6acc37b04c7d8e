// Auth.js (v5) with email + password. Sessions are JWTs that carry the account's session
// version; lib/session.ts compares it with the database on every request, so disabling an
// account or changing its password revokes its sessions at once.
import { headers } from "next/headers";
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/auth-secret";
import { endSignedOutSession, startSession } from "@/lib/data/sessions";
import { signInRefusal, signInWithCredentials } from "@/lib/data/two-factor-step";
import { rememberAccountPreferences } from "@/lib/i18n/preference-cookies";
import { clientIp, userAgent } from "@/lib/request";
import { refusePasswordSignInWhenOff, singleSignOnCallback, singleSignOnProviders } from "@/lib/single-sign-on-auth";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
  interface Session {
    sessionVersion?: number;
  }
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/sign-in" },
  providers: [
    Credentials({
      // `code`: a TOTP or recovery code with the password, or alone with `step: "code"` (lib/data/two-factor-step.ts).
      credentials: { email: {}, password: {}, code: {}, step: {} },
      async authorize(raw, request) {
        const source = { ip: clientIp(request.headers) ?? "unknown", userAgent: userAgent(request.headers) };
        const outcome = await signInWithCredentials(getDb(), raw, source);
        if (!outcome.ok) throw signInRefusal(outcome);
        const { user } = outcome;
        refusePasswordSignInWhenOff(user);
        // The account's language and time zone win over this browser's: the first page after
        // sign-in is already in them (every sign-in, whether the form, a new password or an invitation).
        await rememberAccountPreferences(user);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
    ...singleSignOnProviders(),
  ],
  callbacks: {
    signIn: singleSignOnCallback,
    // `user` is present once, when a session is issued (any provider; single sign-on has made it the
    // Lightgate account in signIn): its row is opened here and the token carries its id, which
    // lib/session.ts checks on every request.
    async jwt({ token, user }) {
      if (user?.id) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
        const request = await headers();
        token.sid = await startSession(getDb(), {
          userId: user.id,
          ip: clientIp(request),
          userAgent: userAgent(request),
        });
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
  events: {
    // Signing out ends the session's row too, so a copy of its cookie cannot be used afterwards.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSignedOutSession(getDb(), sid);
    },
  },
}));
