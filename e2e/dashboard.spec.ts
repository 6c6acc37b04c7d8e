// The dashboard adapted to who looks, the macro schedule, and weekly status reports.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";
import { createProject } from "./projects-api";

const RESIDENTIAL = "Nordlicht residential billing MVP";

async function projectIdByName(page: Page, name: string): Promise<{ id: string; organizationId: string }> {
  const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: { id: string; name: string; clientOrganization: { id: string } }[] };
  const project = body.items.find((p) => p.name === name)!;
  return { id: project.id, organizationId: project.clientOrganization.id };
}

test.describe("dashboard for a project manager", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("shows the portfolio with health reasons, billable amounts, filters and sorting", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Portfolio" })).toBeVisible();
    const table = page.getByRole("table", { name: /^Portfolio/ });
    for (const column of ["Project", "Current gate", "Health", "Next milestone", "Go-live", "Billable"]) {
      await expect(table.getByRole("columnheader", { name: new RegExp(column) })).toBeVisible();
    }
    await expect(table.getByRole("link", { name: RESIDENTIAL })).toBeVisible();
    // The demo wholesale project's current gate is overdue: amber, and the table says why.
    const wholesale = table.getByRole("row", { name: /Meridian wholesale interconnect/ });
    await expect(wholesale).toContainText("Amber");
    await expect(wholesale).toContainText(/Gate 3 .* past its planned date/);

    await page.getByLabel("Health").selectOption("amber");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/health=amber/);
    await expect(table.getByRole("link", { name: "Meridian wholesale interconnect" })).toBeVisible();
    await expect(table.getByRole("link", { name: RESIDENTIAL })).toHaveCount(0);

    await page.goto("/dashboard?sort=goLive&dir=desc");
    await expect(page.getByRole("columnheader", { name: /Go-live/ })).toHaveAttribute("aria-sort", "descending");

    // A row's link moves within the app as next/link does: the page is not loaded again.
    await page.evaluate(() => Object.assign(window, { lightgateStayed: true }));
    await table.getByRole("link", { name: RESIDENTIAL }).click();
    await expect(page).toHaveURL(/\/projects\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: RESIDENTIAL })).toBeVisible();
    expect(await page.evaluate(() => "lightgateStayed" in window)).toBe(true);
  });

  test("the portfolio timeline lists upcoming gates and go-lives by month, overdue gates flagged", async ({ page }) => {
    await page.goto("/timeline");
    await expect(page.getByRole("heading", { name: "Portfolio timeline", level: 1 })).toBeVisible();
    const overdue = page.getByRole("row", {
      name: /Gate 3: Start of first office application Overdue Meridian wholesale interconnect/,
    });
    await expect(overdue).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(`Go-live ${RESIDENTIAL}`) })).toBeVisible();
    // Month headings group the entries.
    await expect(page.getByRole("heading", { level: 3 }).first()).toHaveText(/^[A-Z][a-z]+ \d{4} \(\d+\)$/);
  });

  test("the macro schedule draws a Gantt with a table alternative", async ({ page }) => {
    const { id } = await projectIdByName(page, RESIDENTIAL);
    await page.goto(`/projects/${id}/schedule`);
    await expect(page.getByRole("heading", { name: "Macro schedule" })).toBeVisible();
    await expect(page.getByTestId("mermaid-diagram").locator("svg")).toBeVisible({ timeout: 20_000 });
    const api = await page.request.get(`/api/v1/projects/${id}/schedule`);
    expect(api.ok()).toBe(true);
    const schedule = (await api.json()) as { mermaid: string; items: { kind: string }[] };
    expect(schedule.mermaid).toMatch(/^gantt\n/);
    expect(schedule.items.some((i) => i.kind === "Gate")).toBe(true);
    const table = page.getByRole("table", { name: /^Schedule of/ });
    await expect(table.getByRole("row", { name: /Target go-live/ })).toBeVisible();
    await expect(table.getByRole("row", { name: /Gate 4/ })).toBeVisible();
  });
});

test.describe("dashboard for a board member", () => {
  test.use({ storageState: storageStateOf("board") });

  test("shows what waits for their review, without billing", async ({ page }) => {
    await page.goto("/dashboard");
    const queue = page.getByRole("region", { name: "Waiting for your review" });
    await expect(queue).toBeVisible();
    await expect(queue).toContainText(/Gates to vote on|Nothing waits for you/);
    await expect(page.getByRole("columnheader", { name: /Billable/ })).toHaveCount(0);
  });

  test("lists an artifact the PM just submitted on a gate where they sit, which the PM's own queue does not", async ({
    page,
    browser,
  }) => {
    // The PM creates a project of its own (parallel-safe), seats the board member and submits a version.
    const pm = await browser.newContext({ storageState: storageStateOf("pm") });
    const pmPage = await pm.newPage();
    const { id: projectId, name } = await createProject(pmPage.request, "E2E board queue");
    await pmPage.goto(`/projects/${projectId}/gates/7`);
    const add = pmPage.getByLabel("Add a board member");
    await add.selectOption((await add.locator("option", { hasText: "board@demo.test" }).getAttribute("value"))!);
    await pmPage.getByRole("button", { name: "Add to board" }).click();
    await expect(pmPage.getByRole("list", { name: "Board members" })).toContainText("board@demo.test");
    await pmPage.getByRole("button", { name: "Add version of Statement of Work" }).click();
    const dialog = pmPage.getByRole("dialog");
    await dialog.getByLabel("Write text").check();
    await dialog.getByLabel("Text (Markdown)").fill("# Statement of Work\n\nScope: invoicing.");
    await dialog.getByRole("button", { name: "Add version", exact: true }).click();
    await expect(dialog).toBeHidden();

    await page.goto("/dashboard");
    const queue = page.getByRole("region", { name: "Waiting for your review" });
    const item = queue.getByRole("listitem").filter({ hasText: name });
    await expect(item).toContainText("Statement of Work");
    await expect(item.getByRole("link", { name: "Statement of Work" })).toHaveAttribute(
      "href",
      `/projects/${projectId}/gates/7`,
    );

    // The PM wrote it, so it never waits for the PM.
    await pmPage.goto("/dashboard");
    await expect(pmPage.getByRole("heading", { name: "Portfolio" })).toBeVisible();
    await expect(pmPage.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
    await pm.close();
  });
});

test.describe("dashboard for a client viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("shows only the organisation's projects, without internal notes or costs", async ({ page }) => {
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { name: "Your projects" })).toBeVisible();
    const list = page.getByRole("list", { name: "Your organisation's projects" });
    await expect(list.getByRole("link", { name: RESIDENTIAL })).toBeVisible();
    await expect(list.getByRole("link", { name: /^Nordlicht/ })).toHaveCount(3);
    await expect(page.getByText(/AquaVale|Meridian|Helios/)).toHaveCount(0);
    await expect(page.getByText(/Vendor-internal|margin|Billable/i)).toHaveCount(0);
    await expect(page.getByRole("table", { name: /^Portfolio/ })).toHaveCount(0);
  });

  test("reads a status report without the vendor-internal section", async ({ page }) => {
    await page.goto("/dashboard");
    await page
      .getByRole("list", { name: "Your organisation's projects" })
      .getByRole("listitem")
      .filter({ hasText: RESIDENTIAL })
      .getByRole("link", { name: "Status reports" })
      .click();
    await expect(page.getByRole("heading", { name: "Weekly status reports" })).toBeVisible();
    await expect(page.getByRole("button", { name: /Generate/ })).toHaveCount(0);
    await page
      .getByRole("table", { name: /Status reports/ })
      .getByRole("link")
      .first()
      .click();
    await expect(page.getByRole("heading", { name: `Weekly status report — ${RESIDENTIAL}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Next steps" })).toBeVisible();
    await expect(page.getByText(/Vendor-internal|margin/i)).toHaveCount(0);
  });
});

test.describe("weekly status reports", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("a PM generates this week's report, exports it as markdown, and cannot generate it twice", async ({
    page,
    browser,
  }) => {
    const project = await createProject(page.request, "Report e2e", { targetGoLiveDate: "2027-06-30" });
    const { name } = project;

    await page.goto(`/projects/${project.id}/reports`);
    await expect(page.getByText("No status report yet")).toBeVisible();
    await page.getByRole("button", { name: "Generate this week's report" }).click();
    await expect(page.getByText("Report generated and frozen.")).toBeVisible();
    await page.getByRole("link", { name: "Open it" }).click();

    await expect(page.getByRole("heading", { name: `Weekly status report — ${name}` })).toBeVisible();
    for (const section of [
      "Progress since the last report",
      "Gate status",
      "Sprint status",
      "Risks",
      "Decisions",
      "Next steps",
      "Vendor-internal",
    ]) {
      await expect(page.getByRole("heading", { name: section, exact: true })).toBeVisible();
    }
    // The printable page: navigation and buttons are left out of the print.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("navigation", { name: "Report actions" })).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(page.getByRole("heading", { name: "Next steps", exact: true })).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export markdown" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^status-report-report-e2e-\d+-[a-z0-9]+-\d{4}-W\d{2}\.md$/);
    const text = await (await download.createReadStream()).toArray();
    const markdown = Buffer.concat(text).toString("utf8");
    expect(markdown).toContain(`# Weekly status report — ${name}`);
    expect(markdown).toContain("## Next steps");

    // The main refusal: this week's report is frozen and exists already.
    await page.goto(`/projects/${project.id}/reports`);
    await page.getByRole("button", { name: "Generate this week's report" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /already exists/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /Status reports/ }).getByRole("row")).toHaveCount(2);

    // The API refuses the same with a stable code.
    const again = await page.request.post(`/api/v1/projects/${project.id}/status-reports`, { data: {} });
    expect(again.status()).toBe(409);
    expect((await again.json()).code).toBe("report_exists");

    // Another organisation's client cannot read or generate this project's reports.
    const outsider = await browser.newContext({ storageState: storageStateOf("otherViewer") });
    const listed = await outsider.request.get(`/api/v1/projects/${project.id}/status-reports`);
    expect(listed.status()).toBe(404);
    const forged = await outsider.request.post(`/api/v1/projects/${project.id}/status-reports`, { data: {} });
    expect(forged.status()).toBe(404);
    await outsider.close();
  });
});
