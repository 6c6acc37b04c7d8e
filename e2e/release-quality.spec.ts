// Quality per release: the PM chooses a level for a release, and a sprint of that release
// without a standard of its own shows the one it inherits.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

const RESIDENTIAL = "Nordlicht residential billing MVP";

async function organizationOf(page: Page, name: string): Promise<string> {
  const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()).items.find((p: { name: string }) => p.name === name).clientOrganization.id;
}

test.describe("choosing a release's quality standard", () => {
  test.use({ storageState: storageStateOf("pm") });

  test(
    "below the recommendation needs a justification; then " + "the release's sprint shows the inherited standard",
    async ({ page }) => {
      // Two pages, two saves and three API set-up calls: more than the default minute on a loaded machine.
      test.setTimeout(120_000);
      // A fresh project of the demo client, with its own release and sprint, so no other spec's data is touched.
      const organizationId = await organizationOf(page, RESIDENTIAL);
      const created = await page.request.post("/api/v1/projects", {
        data: {
          organizationId,
          name: `Release quality e2e ${Date.now()}`,
          startDate: "2026-01-05",
          targetGoLiveDate: "2027-06-30",
          sizeClass: "small",
          modules: ["Invoicing"],
        },
      });
      expect(created.status()).toBe(201);
      const project = await created.json();
      const releaseResponse = await page.request.post(`/api/v1/projects/${project.id}/releases`, {
        data: { name: "Tariff release", scope: "New tariffs" },
      });
      expect(releaseResponse.status()).toBe(201);
      const release = await releaseResponse.json();
      const planned = await page.request.post(`/api/v1/projects/${project.id}/sprints`, {
        data: {
          goal: "Tariffs for e2e",
          startDate: "2026-02-02",
          endDate: "2026-02-13",
          capacityDays: 5,
          releaseId: release.id,
        },
      });
      expect(planned.status()).toBe(201);
      const sprint = await planned.json();

      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto(`/projects/${project.id}/quality`);
      const section = page.getByRole("region", { name: `Release ${release.number}: Tariff release` });
      await expect(section).toContainText("No quality standard chosen for this release");
      await section.getByText("Choose the quality standard for this release").click();
      const form = section.getByRole("form", { name: `Quality standard of release ${release.number}` });
      await form.getByLabel("Size of the change").selectOption("medium");
      await form.getByLabel("Touches rating or charging logic").check();
      await expect(form.getByRole("region", { name: "Recommendation" })).toContainText("QS3");

      // The main refusal: below the recommendation without a justification, shown at the field.
      await form.getByLabel("Chosen level").selectOption("QS1");
      await form.getByRole("button", { name: "Choose quality standard" }).click();
      const justification = form.getByLabel("Justification");
      await expect(
        form.getByText("QS1 is below the recommended QS3: write why the lower level is enough.").first(),
      ).toBeVisible();
      await expect(justification).toHaveAttribute("aria-invalid", "true");
      const before = await (
        await page.request.get(`/api/v1/projects/${project.id}/releases/${release.id}/quality`)
      ).json();
      expect(before.selection).toBeNull();

      await form.getByLabel("Chosen level").selectOption("QS1");
      await justification.fill("Only the labels of existing tariffs change in this release.");
      await form.getByRole("button", { name: "Choose quality standard" }).click();
      await expect(form.getByText("Quality standard saved.")).toBeVisible();
      await expect(section.getByText(/Chosen: QS1\s*recommended QS3/)).toBeVisible();
      await expect(section).toContainText("Held to it (no standard of their own): Sprint 1");
      await page.screenshot({ path: "/tmp/h5-release-quality.png", fullPage: true });

      await page.goto(`/projects/${project.id}/sprints/${sprint.id}`);
      const panel = page.getByRole("region", { name: "Quality standard" });
      await expect(panel.getByTestId("inherited-standard")).toContainText(
        `Quality standard QS1, chosen for Release ${release.number}`,
      );
      await expect(panel).toContainText(`Required activities (QS1, from Release ${release.number})`);
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: "/tmp/h5-sprint-inherited-phone.png", fullPage: true });

      const quality = await (
        await page.request.get(`/api/v1/projects/${project.id}/sprints/${sprint.id}/quality`)
      ).json();
      expect(quality.inheritedFrom).toMatchObject({ id: release.id, number: release.number });
      expect(quality.selection.chosenLevel).toBe("QS1");
      expect(quality.missing.map((m: { key: string }) => m.key)).toEqual([
        "peer_review",
        "smoke_test",
        "functional_tests",
      ]);
    },
  );
});
