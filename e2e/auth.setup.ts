// Signs in once as every demo account and saves the session for the specs (`test.use({ storageState })`).
import { expect, test as setup } from "./fixtures";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf, type AccountKey } from "./accounts";

for (const [key, email] of Object.entries(ACCOUNTS) as [AccountKey, string][]) {
  setup(`sign in as ${email}`, async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto("/projects");
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await page.context().storageState({ path: storageStateOf(key) });
  });
}
