// Forms and dates: an empty required date says "Enter a date"; a validation scenario without a
// result has nothing pre-selected and cannot be saved without a choice; the go-live signing
// controls are disabled, with the reason, while the checklist is incomplete.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

// Seeded with an open homologation run and signers named, but no passed runs (db/seed/go-live.ts).
const RESIDENTIAL = "Nordlicht residential billing MVP";

async function projectIdByName(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  return body.items.find((p) => p.name === name)!.id;
}

test.describe("a project form", () => {
  test.use({ storageState: storageStateOf("pm") });

  test('an empty required date says "Enter a date", and the order rule waits for both dates', async ({ page }) => {
    await page.goto("/projects/new");
    await page.getByLabel("Project name").fill(`Dates e2e ${Date.now()}`);
    await page.getByLabel("Target go-live").fill("2027-06-30");
    await page.getByRole("button", { name: "Create project" }).click();
    const start = page.getByLabel("Start date");
    await expect(start).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("Enter a date.")).toBeVisible();
    await expect(page.getByText(/not a real date/)).toHaveCount(0);
    await expect(page.getByText(/after the start date/)).toHaveCount(0);
  });
});

test.describe("a validation run", () => {
  test.use({ storageState: storageStateOf("guardian") });

  test("a scenario without a result has nothing selected, and saving without a choice names the field", async ({
    page,
  }) => {
    const id = await projectIdByName(page, RESIDENTIAL);
    await page.goto(`/projects/${id}/validation`);
    const forms = page.getByRole("form", { name: /^Result of/ });
    await expect(forms.first()).toBeVisible();
    // The first form with neither choice checked is a scenario without a result.
    const count = await forms.count();
    let form = null;
    for (let i = 0; i < count && !form; i++) {
      const candidate = forms.nth(i);
      if (!(await candidate.getByLabel("Pass").isChecked()) && !(await candidate.getByLabel("Fail").isChecked()))
        form = candidate;
    }
    expect(form, "a scenario without a result").not.toBeNull();
    await form!.getByRole("button", { name: "Save result" }).click();
    await expect(form!.getByRole("alert").filter({ hasText: "Choose pass or fail." })).toBeVisible();
    await expect(form!.getByLabel("Pass")).not.toBeChecked();
    await expect(form!.getByLabel("Fail")).not.toBeChecked();
  });
});

test.describe("go-live signing", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("the signing controls are disabled with the reason while the checklist is incomplete", async ({ page }) => {
    const id = await projectIdByName(page, RESIDENTIAL);
    await page.goto(`/projects/${id}/go-live`);
    await expect(page.getByText("Signing opens when the checklist is complete.")).toBeVisible();
    await expect(page.getByText(/Still open: .*Homologation validation passed/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign the acceptance" })).toBeDisabled();
    await expect(page.getByLabel("Your password")).toBeDisabled();
    // The statement's fingerprint is a detail to verify, not the first thing read.
    const verify = page.getByText("Verify this statement");
    await expect(verify).toBeVisible();
    await expect(page.getByText(/^SHA-256:/)).toBeHidden();
    await verify.click();
    await expect(page.getByText(/^SHA-256:/)).toBeVisible();
  });
});
