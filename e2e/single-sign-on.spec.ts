// Single sign-on through a real OpenID provider (e2e/oidc-provider.ts, started by the test server):
// the person clicks "Sign in with Test ID", signs in at the provider's own pages, and lands signed in
// as the Lightgate account with the same verified email; unknown and unverified identities, and a
// callback that was not started by this browser, are refused with a clear message on the sign-in page.
import { expect, test, type Page } from "./fixtures";

// The page's own message; Next.js keeps an empty route announcer with the same role.
const refusal = (page: Page) => page.getByRole("alert").filter({ hasText: /\S/ });

async function signInAtProvider(page: Page, identity: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test ID" }).click();
  await expect(page.getByRole("heading", { name: "Test ID sign-in" })).toBeVisible();
  await page.getByLabel("Test identity email").fill(identity);
  await page.getByRole("button", { name: "Sign in at Test ID" }).click();
  // The provider asks once per identity and client for consent.
  const allow = page.getByRole("button", { name: "Allow" });
  await expect(allow.or(page.getByRole("navigation", { name: "Main" })).or(refusal(page))).toBeVisible();
  if (await allow.isVisible()) await allow.click();
}

test("a person signs in through the identity provider as the matching account", async ({ page }) => {
  await signInAtProvider(page, "pm@demo.test");
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/settings");
  await expect(page.getByText("pm@demo.test").first()).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("an identity that matches no account is refused with a message", async ({ page }) => {
  await signInAtProvider(page, "stranger@nowhere.test");
  await expect(page).toHaveURL(/\/sign-in\?sso=no_account/);
  await expect(refusal(page)).toContainText("there is no Lightgate account for the email address");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user ?? null).toBeNull();
});

test("an identity whose email the provider did not verify is refused", async ({ page }) => {
  await signInAtProvider(page, "unverified@demo.test");
  await expect(page).toHaveURL(/\/sign-in\?sso=unverified_email/);
  await expect(refusal(page)).toContainText("did not confirm your email address");
});

test("a callback with a state this browser never sent is refused with a clear message", async ({ page }) => {
  // Start a real sign-in, so the browser holds this app's state cookie, then answer with another state.
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Sign in with Test ID" }).click();
  await expect(page.getByRole("heading", { name: "Test ID sign-in" })).toBeVisible();
  await page.goto("/api/auth/callback/sso?code=forged-code&state=tampered-state");
  await expect(page).toHaveURL(/\/sign-in\?sso=provider_error/);
  await expect(refusal(page)).toContainText("Single sign-on did not complete");
  const session = await (await page.request.get("/api/auth/session")).json();
  expect(session?.user ?? null).toBeNull();
});

test("a malformed callback, without code or state, is refused the same way", async ({ page }) => {
  await page.goto("/api/auth/callback/sso?error_description=%3Cscript%3E");
  await expect(page).toHaveURL(/\/sign-in\?sso=provider_error/);
  await expect(refusal(page)).toContainText("Single sign-on did not complete");
});
