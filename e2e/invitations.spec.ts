// People get in: on an empty install the first administrator must replace the password they were
// given, then invites a person, who chooses their own password through a one-time link.
import { expect, test, type Page } from "./fixtures";
import { startEmptyInstall, type EmptyInstall } from "./empty-install";

test.describe.configure({ mode: "serial" });

let install: EmptyInstall;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  install = await startEmptyInstall({ adminEmail: "first-admin@empty.test", adminPassword: "given-by-the-installer" });
});

test.afterAll(() => install?.stop());

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${install.baseURL}/sign-in`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function screenshotsAt(page: Page, name: string) {
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `/tmp/h4-${name}-1366.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/h4-${name}-390.png` });
  await page.setViewportSize({ width: 1366, height: 900 });
}

test(
  "the first admin replaces the given password, invites a person, who sets a password and signs in; the used " +
    "link says so",
  async ({ browser }) => {
    // One long journey across two servers (and argon2 on every password): generous on a shared machine.
    test.setTimeout(300_000);
    const admin = await browser.newContext({
      baseURL: install.baseURL,
      permissions: ["clipboard-read", "clipboard-write"],
    });
    const adminPage = await admin.newPage();

    await adminPage.goto(`${install.baseURL}/sign-in`);
    await expect(adminPage.getByText("Forgot your password? Ask your Lightgate administrator")).toBeVisible();
    await expect(adminPage.getByText("Demo mode")).toHaveCount(0);
    await signIn(adminPage, install.adminEmail, install.adminPassword);
    await expect(adminPage).toHaveURL(/\/choose-password$/);

    // Nothing else is reachable until the password is changed: pages redirect, the API refuses.
    await adminPage.goto(`${install.baseURL}/admin/users`);
    await expect(adminPage).toHaveURL(/\/choose-password$/);
    const api = await adminPage.request.get(`${install.baseURL}/api/v1/projects`);
    expect(api.status()).toBe(403);
    expect((await api.json()).code).toBe("password_change_required");

    await adminPage.getByLabel("Password you were given").fill(install.adminPassword);
    await adminPage.getByLabel("New password", { exact: true }).fill("the admin's own password");
    await adminPage.getByLabel("Repeat the new password").fill("the admin's own password");
    await adminPage.getByRole("button", { name: "Save and continue" }).click();
    await expect(adminPage).toHaveURL(/\/dashboard/);
    await expect(adminPage.getByRole("navigation", { name: "Main" })).toBeVisible();

    // The admin invites a person and gets the link once.
    const email = `robin-${Date.now()}@empty.test`;
    await adminPage.goto(`${install.baseURL}/admin/users`);
    await adminPage.getByLabel("Email").fill(email);
    await adminPage.getByLabel("Name").fill("Robin Rollout");
    await adminPage.getByLabel("Role").selectOption("staff");
    await adminPage.getByRole("button", { name: "Invite" }).click();
    const dialog = adminPage.getByRole("dialog", { name: "Invitation link" });
    await expect(dialog.getByText(email)).toBeVisible();
    const link = await dialog.getByLabel("One-time link").inputValue();
    expect(link).toMatch(new RegExp(`^${install.baseURL}/invitation/[A-Za-z0-9_-]{43}$`));
    await dialog.getByRole("button", { name: "Copy link" }).click();
    await expect(dialog.getByText("Copied to the clipboard.")).toBeVisible();
    expect(await adminPage.evaluate(() => navigator.clipboard.readText())).toBe(link);
    await screenshotsAt(adminPage, "link-dialog");
    await dialog.getByRole("button", { name: "Done" }).click();
    const row = adminPage.getByRole("row").filter({ hasText: email });
    await expect(row.getByText(/^Invited \(expires /)).toBeVisible();
    await expect(row.getByRole("button", { name: "Copy a new link" })).toBeVisible();
    await expect(row.getByRole("button", { name: "Revoke" })).toBeVisible();

    // Not accepted yet: the account cannot sign in.
    const person = await browser.newContext({ baseURL: install.baseURL });
    const personPage = await person.newPage();
    await personPage.goto(`${install.baseURL}/sign-in`);
    await personPage.getByLabel("Email").fill(email);
    await personPage.getByLabel("Password").fill("anything at all");
    await personPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(personPage.getByText("The email or password is not correct.")).toBeVisible();

    // The person opens the link, sees who they are, and chooses a password.
    await personPage.goto(link);
    await expect(personPage.getByRole("heading", { name: "Welcome: choose your password" })).toBeVisible();
    await expect(personPage.getByText("Robin Rollout")).toBeVisible();
    await expect(personPage.getByText(email)).toBeVisible();
    await screenshotsAt(personPage, "invitation-page");
    await personPage.getByLabel("New password", { exact: true }).fill("robin's password");
    await personPage.getByLabel("Repeat the new password").fill("robin's passw0rd");
    await personPage.getByRole("button", { name: "Set my password" }).click();
    await expect(personPage.getByText("The passwords do not match.")).toBeVisible();
    await personPage.getByLabel("New password", { exact: true }).fill("robin's password");
    await personPage.getByLabel("Repeat the new password").fill("robin's password");
    await personPage.getByRole("button", { name: "Set my password" }).click();
    await expect(personPage).toHaveURL(/\/sign-in\?reason=password-set/);
    await expect(personPage.getByText("Your password is set.")).toBeVisible();
    await expect(personPage.getByLabel("Email")).toHaveValue(email);
    await personPage.getByLabel("Password").fill("robin's password");
    await personPage.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(personPage).toHaveURL(/\/dashboard/);
    await expect(personPage.getByRole("navigation", { name: "Main" })).toBeVisible();

    // The link worked once: opened again, it says it was used and offers nothing.
    const stranger = await browser.newContext({ baseURL: install.baseURL });
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(link);
    await expect(strangerPage.getByText("This link was already used.")).toBeVisible();
    await expect(strangerPage.getByText(email)).toHaveCount(0);
    await expect(strangerPage.getByLabel("New password", { exact: true })).toHaveCount(0);
    await screenshotsAt(strangerPage, "used-link");

    await adminPage.reload();
    await expect(adminPage.getByRole("row").filter({ hasText: email }).getByText("Active")).toBeVisible();
    await Promise.all([admin.close(), person.close(), stranger.close()]);
  },
);
