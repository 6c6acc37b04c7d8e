// Sessions under the person's control (issue 15, item 3): the same account signed in from two
// browsers sees both in Settings, signs the other one out, and that browser is sent to the sign-in
// page on its next navigation. The refusals: an unknown session and one already ended answer 404.
import { randomUUID } from "node:crypto";
import { ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { expect, test, type Page } from "./fixtures";

// A second browser that reads differently in the list ("Firefox on Linux"), so the test can tell it
// from the sessions the setup project opened for the same account.
const FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("a session signed out from Settings is sent to sign-in on its next navigation; ended ones answer 404", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const mine = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const other = await browser.newContext({ storageState: { cookies: [], origins: [] }, userAgent: FIREFOX });
  const page = await mine.newPage();
  const otherPage = await other.newPage();
  await signIn(page, ACCOUNTS.viewer);
  await signIn(otherPage, ACCOUNTS.viewer);

  await page.goto("/settings");
  const list = page.getByRole("list", { name: "Signed-in sessions" });
  const current = list.locator('[data-testid="session"][data-current="true"]');
  await expect(current).toHaveCount(1);
  await expect(current).toContainText("This session");
  const firefox = list.getByTestId("session").filter({ hasText: "Firefox on Linux" });
  await expect(firefox).toHaveCount(1);
  await expect(firefox).toContainText("last seen");

  // The API lists the same sessions; the other browser's id is what the 404 check reuses afterwards.
  const listed = await page.request.get("/api/v1/me/sessions");
  expect(listed.status()).toBe(200);
  const items = (await listed.json()).items as { id: string; browser: string | null; current: boolean }[];
  const otherSession = items.find((s) => s.browser === "Firefox");
  expect(otherSession?.current).toBe(false);
  expect(items.filter((s) => s.current)).toHaveLength(1);

  await firefox.getByRole("button", { name: "Sign out" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign out Firefox on Linux?" });
  await dialog.getByRole("button", { name: "Sign it out" }).click();
  await expect(list.getByTestId("session").filter({ hasText: "Firefox on Linux" })).toHaveCount(0);
  await expect(current).toHaveCount(1);

  // The other browser still holds its cookie, and is refused with it on its very next navigation.
  await otherPage.goto("/projects");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  // This one is still signed in.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings", level: 1 })).toBeVisible();

  // Refusals: the session already ended, and one that does not exist, answer 404 alike.
  const again = await page.request.delete(`/api/v1/me/sessions/${otherSession!.id}`);
  expect(again.status()).toBe(404);
  expect((await again.json()).title).toBeTruthy();
  expect((await page.request.delete(`/api/v1/me/sessions/${randomUUID()}`)).status()).toBe(404);

  await mine.close();
  await other.close();
});
