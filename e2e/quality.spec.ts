// Quality standards: the admin scale, the recommendation API, and choosing a level for a sprint.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

const RESIDENTIAL = "Nordlicht residential billing MVP";
const RISKY = {
  changeSize: "medium",
  touchesRating: true,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

async function projectByName(page: Page, name: string): Promise<{ id: string; organizationId: string }> {
  const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBe(true);
  const project = (await response.json()).items.find((p: { name: string }) => p.name === name);
  return { id: project.id, organizationId: project.clientOrganization.id };
}

test.describe("the quality scale", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin sees the levels, their activities and the rule table", async ({ page }) => {
    await page.goto("/admin/quality");
    await expect(page.getByRole("heading", { name: "Quality scale", level: 1 })).toBeVisible();
    for (const level of ["QS0", "QS1", "QS2", "QS3", "QS4"]) {
      await expect(page.getByRole("form", { name: `${level} settings` })).toBeVisible();
    }
    const qs4 = page.getByRole("list", { name: "Activities of QS4" });
    await expect(qs4).toContainText("Load test at 2× expected peak");
    await expect(qs4).toContainText("Before gate 3");
    await expect(qs4).toContainText("Peer review");
    const rules = page.getByRole("table", { name: "Selection rules" });
    await expect(rules.getByRole("row", { name: /Touches rating \/ charging/ })).toContainText("+4");
  });
});

test.describe("recommendation API", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("answers in, level and the reason for every point out", async ({ page }) => {
    const response = await page.request.post("/api/v1/quality/recommend", { data: { answers: RISKY } });
    expect(response.status()).toBe(200);
    const body = await response.json();
    expect(body.level).toBe("QS3");
    expect(body.reasons).toEqual([
      { text: "Medium change: several areas touched", points: 3 },
      { text: "Touches rating/charging: an error reaches every invoice", points: 4 },
    ]);

    const { id } = await projectByName(page, RESIDENTIAL);
    const withProject = await page.request.post("/api/v1/quality/recommend", {
      data: { answers: RISKY, projectId: id },
    });
    expect(withProject.status()).toBe(200);
    expect(typeof (await withProject.json()).escapedDefects).toBe("number");

    const invalid = await page.request.post("/api/v1/quality/recommend", { data: { answers: { changeSize: "huge" } } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).errors.answers).toContain("Choose small, medium or large.");
  });
});

test.describe("choosing a sprint's quality standard", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("below the recommendation needs a justification; then evidence is recorded", async ({ page }) => {
    // A fresh project and sprint of our own, so no other spec's data is touched.
    const { organizationId } = await projectByName(page, RESIDENTIAL);
    const created = await page.request.post("/api/v1/projects", {
      data: {
        organizationId,
        name: `Quality e2e ${Date.now()}`,
        startDate: "2026-01-05",
        targetGoLiveDate: "2027-06-30",
        sizeClass: "small",
        modules: ["Invoicing"],
      },
    });
    expect(created.status()).toBe(201);
    const project = await created.json();
    const planned = await page.request.post(`/api/v1/projects/${project.id}/sprints`, {
      data: { goal: "Tariff change for e2e", startDate: "2026-02-02", endDate: "2026-02-13", capacityDays: 5 },
    });
    expect(planned.status()).toBe(201);
    const sprint = await planned.json();

    await page.goto(`/projects/${project.id}/sprints/${sprint.id}`);
    const panel = page.getByRole("region", { name: "Quality standard" });
    await panel.getByLabel("Size of the change").selectOption("medium");
    await panel.getByLabel("Touches rating or charging logic").check();
    const recommendation = panel.getByRole("region", { name: "Recommendation" });
    await expect(recommendation).toContainText("QS3");
    await expect(recommendation).toContainText("Touches rating/charging: an error reaches every invoice");

    await panel.getByLabel("Chosen level").selectOption("QS1");
    await panel.getByRole("button", { name: "Choose quality standard" }).click();
    const justification = panel.getByLabel("Justification");
    await expect(
      panel.getByText("QS1 is below the recommended QS3: write why the lower level is enough.").first(),
    ).toBeVisible();
    await expect(justification).toHaveAttribute("aria-invalid", "true");
    expect(
      (await (await page.request.get(`/api/v1/projects/${project.id}/sprints/${sprint.id}/quality`)).json()).selection,
    ).toBeNull();

    await panel.getByLabel("Chosen level").selectOption("QS1");
    await justification.fill("Only the label of an existing tariff changes; the rating engine is untouched.");
    await panel.getByRole("button", { name: "Choose quality standard" }).click();
    await expect(panel.getByText("Quality standard saved.")).toBeVisible();
    await expect(panel.getByText(/Chosen: QS1\s*recommended QS3/)).toBeVisible();

    await panel.getByRole("button", { name: "Record evidence for Peer review" }).click();
    const dialog = page.getByRole("dialog", { name: "Evidence: Peer review" });
    await dialog.getByLabel("Link to the report").fill("https://ci.example.test/review/42");
    await dialog.getByRole("button", { name: "Record evidence" }).click();
    await expect(dialog).toBeHidden();
    const activities = panel.getByRole("list", { name: "Required activities" });
    await expect(activities.getByRole("listitem").filter({ hasText: "Peer review" }).first()).toContainText("Passed");

    const quality = await (
      await page.request.get(`/api/v1/projects/${project.id}/sprints/${sprint.id}/quality`)
    ).json();
    expect(quality.selection.chosenLevel).toBe("QS1");
    expect(quality.missing.map((m: { key: string }) => m.key)).toEqual(["smoke_test", "functional_tests"]);
  });
});
