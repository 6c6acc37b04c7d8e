import { expect, type Page } from "@playwright/test";
import { AUTHENTICATOR_KEYS, DEMO_PASSWORD } from "./accounts";
import { freshCode } from "./two-factor-codes";

/** Signs in through the form (for tests that need a fresh session rather than a saved one). */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // An account with two-factor sign-in: the code step follows the password.
  const key = AUTHENTICATOR_KEYS[email];
  if (key) {
    await page.getByLabel("Authentication code").fill(await freshCode(key, email));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page).not.toHaveURL(/\/sign-in/);
  await page.goto("/projects");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}
