// The six-step rollout (DESIGN.md §4b) end to end on demo data: the PM opens the AquaVale project
// that runs on it (six steps on the gate path, step 4 current, go-live needing steps 6 to 2), and
// an admin opens the policy. Screenshots at laptop and phone size are for looking, not asserting.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

const PROJECT = "AquaVale wastewater and trade-effluent billing";
const SIZES = [
  { name: "1366", width: 1366, height: 900 },
  { name: "390", width: 390, height: 844 },
];

async function openProject(page: Page): Promise<string> {
  await page.goto(`/projects?q=${encodeURIComponent("wastewater")}`);
  await page.getByRole("table", { name: "Projects" }).getByRole("link", { name: PROJECT }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}/);
  return page.url().match(/\/projects\/([0-9a-f-]{36})/)![1];
}

test.describe("six-step project as its PM", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("shows six steps with step 4 current, and go-live needs steps 6 to 2", async ({ page }) => {
    test.slow(); // two pages, screenshots at two sizes
    const projectId = await openProject(page);
    await page.goto(`/projects/${projectId}/gates`);
    const path = page.getByRole("navigation", { name: "Gate path, gate 6 to gate 1" });
    await expect(path.getByRole("listitem")).toHaveCount(6);
    await expect(path.locator('[aria-current="step"]')).toHaveAccessibleName(
      /^Gate 4: Work plan — .*\(current gate\)$/,
    );
    await expect(path.getByRole("link", { name: /^Gate 6: Kickoff meeting — Go/ })).toBeVisible();
    await expect(page.getByRole("table", { name: "Gates of this project, 6 to 1" })).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await path.screenshot({ path: `/tmp/h3-gate-path-${size.name}.png` });
    }
    await page.setViewportSize({ width: 1366, height: 900 });

    await page.goto(`/projects/${projectId}/go-live`);
    const checklist = page.getByRole("list", { name: "Go-live checklist" });
    const gatesItem = checklist
      .getByRole("listitem")
      .filter({ hasText: "Gates 6 to 2 passed, with no open conditions" });
    await expect(gatesItem).toBeVisible();
    await expect(gatesItem).toContainText("Not passed yet: gate 4, 3, 2.");
    await expect(checklist).not.toContainText("Gates 7 to 4");
  });
});

test.describe("six-step policy as an admin", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("lists both policies and opens the six-step rollout with its six steps", async ({ page }) => {
    test.slow(); // three pages, screenshots at two sizes
    await page.goto("/admin/policies");
    await expect(page.getByRole("table", { name: "Versions of Light-gating policy" })).toBeVisible();
    const versions = page.getByRole("table", { name: "Versions of Six-step rollout" });
    await versions.getByRole("link", { name: "Version 1" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Six-step rollout · version 1/ })).toBeVisible();
    for (const [number, name] of [
      [6, "Kickoff meeting"],
      [5, "“As-is” presentation"],
      [4, "Work plan"],
      [3, "Homologation validation"],
      [2, "Production validation"],
      [1, "Go-live"],
    ] as const) {
      await expect(page.getByRole("heading", { name: `Gate ${number} · ${name}` })).toBeVisible();
    }
    await expect(page.getByRole("heading", { name: /^Gate 7/ })).toHaveCount(0);
    const flows = page.getByRole("row").filter({ hasText: "Operating flow of each contracted module" });
    await expect(flows).toContainText("Client owner");
    await expect(page.getByRole("link", { name: PROJECT })).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.screenshot({ path: `/tmp/h3-policy-${size.name}.png`, fullPage: false });
    }

    // The editor keeps the six steps and offers the new per-gate and per-artifact fields.
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.getByRole("link", { name: "Edit and publish version 2" }).click();
    const step6 = page.getByRole("group", { name: "Gate 6", exact: true });
    await expect(step6.getByLabel("Planned date of new projects of gate 6")).toHaveValue("start");
    await expect(step6.getByLabel("Days of gate 6")).toHaveValue("14");
    await expect(
      step6.getByLabel("Must be passed before the go-live acceptance can be signed of gate 6"),
    ).toBeChecked();
    await expect(
      page
        .getByRole("group", { name: "Gate 1", exact: true })
        .getByLabel("Must be passed before the go-live acceptance can be signed of gate 1"),
    ).not.toBeChecked();
    await expect(
      page.getByRole("checkbox", { name: "Client owner approves Operating flow of each contracted module of gate 5" }),
    ).toBeChecked();
    await expect(page.getByRole("group", { name: /^Gate 7/ })).toHaveCount(0);
    await page
      .getByRole("group", { name: "Gate 5", exact: true })
      .screenshot({ path: "/tmp/h3-policy-editor-1366.png" });
  });
});
