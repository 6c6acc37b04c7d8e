// Two-factor sign-in in the browser: a person enrols in Settings (reading the key from the page, as they
// would type it into an app), signs out, and signs in again through the code step; a wrong code is
// refused in their words; a person replaces their recovery codes (a wrong code refused first, then the old
// codes no longer sign in and the new ones do); wrong codes there pause both Settings steps, as sign-in
// pauses; and the demo administrator signs in with the key the demo sign-in page shows.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { MAX_FAILURES } from "../lib/domain/sign-in-throttle";
import { DEMO_PASSWORD } from "./accounts";
import { codeAt, freshCode } from "./two-factor-codes";

// Henk de Vries: a client owner no other spec signs in as, so enrolling him changes no one else's run.
const PERSON = "owner@helios.demo.test";
const signedOut = { cookies: [], origins: [] };
// Marta Solé: a client owner no other spec signs in as either; she replaces her recovery codes.
const RENEWING = "owner@meridian.demo.test";
// The other organisation's owner: no other spec signs in as him, so pausing him pauses no one else's run.
const GUESSING = "owner@other.demo.test";

async function passwordStep(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** Turns two-factor on in Settings, as a person would; returns the recovery codes shown once. */
async function enrol(page: Page, email: string): Promise<string[]> {
  await page.goto("/settings#two-factor");
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const key = (await page.getByTestId("authenticator-key").innerText()).replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill(await freshCode(key, email));
  await page.getByRole("button", { name: "Confirm and turn on" }).click();
  const codes = page.getByTestId("recovery-codes").getByRole("listitem");
  await expect(codes).toHaveCount(10);
  const shown = await codes.allInnerTexts();
  await page.getByRole("button", { name: "I have saved them" }).click();
  return shown;
}

test.describe("two-factor sign-in", () => {
  test.use({ storageState: signedOut });

  test("enrol in Settings, sign out, sign in with the code step; a wrong code is refused", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(PERSON);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);

    await page.goto("/settings#two-factor");
    await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
    const key = (await page.getByTestId("authenticator-key").innerText()).replace(/\s/g, "");
    expect(key).toMatch(/^[A-Z2-7]{32}$/);
    await expect(page.getByRole("img", { name: "QR code of your authenticator key" })).toBeVisible();
    // A wrong first code is refused and nothing is turned on.
    await page.getByLabel("Code from the app").fill("000000");
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(page.getByText("This code is not right.").first()).toBeVisible();
    await page.getByLabel("Code from the app").fill(await freshCode(key, PERSON));
    await page.getByRole("button", { name: "Confirm and turn on" }).click();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page.getByTestId("two-factor-state")).toContainText("Two-factor sign-in is on since");

    // Signed out, the password alone leads to the code step, not into the app.
    await page.context().clearCookies();
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(PERSON);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Enter your code" })).toBeVisible();
    expect((await page.request.get("/api/auth/session").then((r) => r.json())) ?? {}).not.toHaveProperty("user");

    const wrong = codeAt(key, Math.floor(Date.now() / 30_000) + 5);
    await page.getByLabel("Authentication code").fill(wrong);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "This code is not right." }).first()).toBeVisible();

    await page.getByLabel("Authentication code").fill(await freshCode(key, PERSON));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    const session = (await page.request.get("/api/auth/session").then((r) => r.json())) as {
      user?: { email?: string };
    };
    expect(session.user?.email).toBe(PERSON);
  });

  test("new recovery codes: a wrong code is refused, then the old codes stop working", async ({ page }) => {
    await passwordStep(page, RENEWING);
    await expect(page).not.toHaveURL(/\/sign-in/);
    const old = await enrol(page, RENEWING);
    await expect(page.getByTestId("two-factor-state")).toContainText("10 recovery codes are left.");

    const section = page.getByRole("region", { name: "Recovery codes" });
    const ask = async (code: string) => {
      await section.getByLabel("Code or recovery code").fill(code);
      await section.getByRole("button", { name: "New recovery codes" }).click();
      const confirm = page.getByRole("alertdialog", { name: "Replace your recovery codes?" });
      await expect(confirm).toContainText("Your current recovery codes stop working at once");
      await confirm.getByRole("button", { name: "Replace them" }).click();
    };
    await section.getByLabel("Password").fill(DEMO_PASSWORD);
    await ask("000000");
    await expect(section.getByText("This code is not right.").first()).toBeVisible();
    await expect(page.getByTestId("recovery-codes")).toHaveCount(0);

    // A recovery code of the old set is proof enough; the new set is shown once, none of it old.
    await ask(old[0]);
    await expect(page.getByText("Your new recovery codes are ready. The old ones no longer work.")).toBeVisible();
    const codes = page.getByTestId("recovery-codes").getByRole("listitem");
    await expect(codes).toHaveCount(10);
    const fresh = await codes.allInnerTexts();
    expect(fresh.filter((code) => old.includes(code))).toEqual([]);
    await page.getByRole("button", { name: "I have saved them" }).click();
    await expect(page.getByTestId("two-factor-state")).toContainText("10 recovery codes are left.");

    // Signed out: an old code, never used, is refused at the code step; a new one signs in.
    await page.context().clearCookies();
    await passwordStep(page, RENEWING);
    await page.getByLabel("Authentication code").fill(old[1]);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "This code is not right." }).first()).toBeVisible();
    await page.getByLabel("Authentication code").fill(fresh[0]);
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
  });

  test("wrong codes in Settings pause new recovery codes and turning off; nothing changes", async ({ page }) => {
    await passwordStep(page, GUESSING);
    await expect(page).not.toHaveURL(/\/sign-in/);
    const codes = await enrol(page, GUESSING);
    const renewing = {
      form: page.getByRole("region", { name: "Recovery codes" }),
      trigger: "New recovery codes",
      dialog: "Replace your recovery codes?",
      confirm: "Replace them",
    };
    const turningOff = {
      form: page.locator("form").filter({ has: page.getByRole("button", { name: "Turn off two-factor sign-in" }) }),
      trigger: "Turn off two-factor sign-in",
      dialog: "Turn off two-factor sign-in?",
      confirm: "Turn off two-factor sign-in",
    };
    // Each proof is one server action; waiting for its answer keeps the attempts apart.
    const prove = async (step: typeof renewing, code: string) => {
      await step.form.getByLabel("Password").fill(DEMO_PASSWORD);
      await step.form.getByLabel("Code or recovery code").fill(code);
      await step.form.getByRole("button", { name: step.trigger }).click();
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/settings"));
      await page.getByRole("alertdialog", { name: step.dialog }).getByRole("button", { name: step.confirm }).click();
      await answered;
    };
    for (let i = 0; i < MAX_FAILURES; i++) await prove(renewing, "000000");
    await expect(renewing.form.getByText("This code is not right.").first()).toBeVisible();

    // A right recovery code is refused now, in either step, before it is checked.
    const pause = "Too many wrong passwords or codes. Try again in 15 minutes.";
    await prove(renewing, codes[0]);
    await expect(renewing.form.getByText(pause)).toBeVisible();
    await prove(turningOff, codes[0]);
    await expect(turningOff.form.getByText(pause)).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("two-factor-state")).toContainText("10 recovery codes are left.");
  });

  test("the demo administrator signs in with the key the demo sign-in page shows", async ({ page }) => {
    await page.goto("/sign-in");
    const key = await page.getByTestId("demo-authenticator-key").innerText();
    expect(key).toBe("LIGHTGATEDEMOADMINTOTPKEY2345672");
    await page.getByLabel("Email").fill("admin@demo.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByLabel("Authentication code").fill(await freshCode(key, "admin@demo.test"));
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Two-factor sign-in policy" })).toBeVisible();
  });
});
