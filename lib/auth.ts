// Auth.js (v5) with email + password. Sessions are JWTs that carry the account's session
// version; lib/session.ts compares it with the database on every request, so disabling an
// account or changing its password revokes its sessions at once.
import NextAuth from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db/client";
import { authSecret } from "@/lib/auth-secret";
import { signInRefusal, signInWithCredentials } from "@/lib/data/two-factor-step";
import { rememberAccountPreferences } from "@/lib/i18n/preference-cookies";
import { clientIp, userAgent } from "@/lib/request";

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
        // The account's language and time zone win over this browser's: the first page after
        // sign-in is already in them (every sign-in, whether the form, a new password or an invitation).
        await rememberAccountPreferences(user);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
      return session;
    },
  },
}));
