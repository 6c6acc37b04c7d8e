// Email (issue 16): a preference set in Settings is kept; "forgot password" sends a one-time link
// that the SMTP listener of the e2e server receives (scripts/e2e-server.ts keeps what arrived in
// <data dir>/mail.json); following it sets a new password that signs in; a used link says so.
import { readFileSync } from "node:fs";
import path from "node:path";
import { storageStateOf } from "./accounts";
import { expect, test, type Page } from "./fixtures";

const mailbox = path.resolve(process.env.E2E_DATA_DIR || "e2e/.data", "mail.json");

type Mail = { to: string[]; subject: string; text: string; headers: Record<string, string> };

function received(): Mail[] {
  try {
    return JSON.parse(readFileSync(mailbox, "utf8")) as Mail[];
  } catch {
    return [];
  }
}

/** The newest email to `address` whose subject matches, once the outbox worker has sent it. */
async function mailTo(address: string, subject: RegExp, after = 0): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      () => {
        found = received()
          .slice(after)
          .filter((m) => m.to.includes(address) && subject.test(m.subject))
          .at(-1);
        return Boolean(found);
      },
      { timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

test.describe("email settings", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("a choice per kind of notification is saved and kept", async ({ page }) => {
    await page.goto("/settings#email");
    const panel = page.getByRole("region", { name: "Email", exact: true });
    await expect(panel.getByText("The daily digest leaves at 7:00")).toBeVisible();
    const reviews = panel.getByRole("group", { name: "Reviews waiting for me" });
    await reviews.getByLabel("Daily digest").check();
    await panel.getByRole("button", { name: "Save email settings" }).click();
    await expect(panel.getByRole("status")).toHaveText("Email settings saved.");
    await page.reload();
    const kept = page
      .getByRole("region", { name: "Email", exact: true })
      .getByRole("group", { name: "Reviews waiting for me" });
    await expect(kept.getByLabel("Daily digest")).toBeChecked();
    // Back to the default, for the next run on the same data.
    await kept.getByLabel("Immediately").check();
    await page.getByRole("button", { name: "Save email settings" }).click();
    await expect(page.getByRole("region", { name: "Email", exact: true }).getByRole("status")).toBeVisible();
  });
});

test.describe("forgot password", () => {
  test.describe.configure({ mode: "serial" });
  // An account no other spec signs in with: its password changes here.
  const email = "guardian5@demo.test";
  const newPassword = "a new passphrase from the email";
  let link = "";

  async function askForLink(page: Page) {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("status")).toContainText(`If an account exists for ${email}, we sent it a link`);
  }

  test("the emailed link sets a new password that signs in", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    const before = received().length;
    await askForLink(page);
    const mail = await mailTo(email, /^Reset your Lightgate password$/, before);
    const found = /(http:\/\/[^\s]+\/reset-password\/[A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(found).not.toBeNull();
    link = found![1];

    await page.goto(new URL(link).pathname);
    await expect(page.getByText(`Choose the new password of ${email}`)).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Repeat the new password").fill(newPassword);
    await page.getByRole("button", { name: "Set the new password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?reason=password-set/);

    const form = page.locator("form").filter({ has: page.getByLabel("Password", { exact: true }) });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password", { exact: true }).fill(newPassword);
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    await context.close();
  });

  test("a used link says so in words", async ({ browser }) => {
    expect(link).not.toBe("");
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto(new URL(link).pathname);
    await expect(page.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
    await expect(
      page.getByText("This link was already used. Each link works once: ask for a new one if you still need it."),
    ).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
    await context.close();
  });

  test("an unknown address gets the same answer and no email", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/forgot-password");
    await page.getByLabel("Email address").fill("nobody-here@demo.test");
    await page.getByRole("button", { name: "Send the link" }).click();
    await expect(page.getByRole("status")).toContainText("If an account exists for nobody-here@demo.test");
    // Give the worker the time it took above to send an email; nothing comes.
    await page.waitForTimeout(3_000);
    expect(received().filter((m) => m.to.includes("nobody-here@demo.test"))).toEqual([]);
    await context.close();
  });
});
