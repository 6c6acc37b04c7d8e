// The admin's audit page lists the signed checkpoints of the audit chain (issue 15, item 7): the
// demo data's commands each signed the chain's head, and the signatures hold under the key shown.
import { expect, test } from "./fixtures";
import { storageStateOf } from "./accounts";

test.describe("signed audit checkpoints", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("the admin's audit page lists the newest checkpoints, each with a valid signature", async ({ page }) => {
    await page.goto("/admin/audit");
    const section = page.getByRole("region", { name: "Signed checkpoints" });
    await expect(section).toBeVisible();
    await expect(section.getByTestId("audit-key-fingerprint")).toHaveText(/^[0-9a-f]{64}$/);
    await expect(section.getByText("-----BEGIN PUBLIC KEY-----")).toBeVisible();
    const rows = section.getByTestId("audit-checkpoint");
    await expect(rows.first()).toBeVisible();
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(10);
    for (let i = 0; i < count; i++) await expect(rows.nth(i).getByText("Valid", { exact: true })).toBeVisible();
    // The newest checkpoint is the chain's head shown above it.
    const events = Number(await page.getByTestId("chain-events").textContent());
    await expect(rows.first().getByRole("cell").first()).toHaveText(`#${events}`);
  });
});
