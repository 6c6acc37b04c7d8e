// Signs in once as every demo account and saves the session for the specs (`test.use({ storageState })`).
// Through Auth.js's own endpoints rather than the form: the form itself is tested in
// foundation.spec.ts (and wherever `signIn` is used); here nine browser page loads would only
// repeat it. The saved session is then checked to be the account's own.
import { expect, test as setup } from "./fixtures";
import { ACCOUNTS, AUTHENTICATOR_KEYS, DEMO_PASSWORD, storageStateOf, type AccountKey } from "./accounts";
import { freshCode } from "./two-factor-codes";

for (const [key, email] of Object.entries(ACCOUNTS) as [AccountKey, string][]) {
  setup(`sign in as ${email}`, async ({ request }) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    // The administrator has two-factor sign-in: its code goes with the password in the same request.
    const authenticatorKey = AUTHENTICATOR_KEYS[email];
    const code = authenticatorKey ? await freshCode(authenticatorKey, email) : undefined;
    const signedIn = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password: DEMO_PASSWORD, callbackUrl: "/projects", ...(code ? { code } : {}) },
      maxRedirects: 0,
    });
    expect(signedIn.status()).toBe(302);
    expect(signedIn.headers().location).not.toMatch(/error|sign-in/);
    const session = (await (await request.get("/api/auth/session")).json()) as { user?: { email?: string } } | null;
    expect(session?.user?.email).toBe(email);
    await request.storageState({ path: storageStateOf(key) });
  });
}
