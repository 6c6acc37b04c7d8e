// Policy editing, the project audit timeline and the admin audit chain, through the UI.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

const DEMO_PROJECT = "Nordlicht residential billing MVP";

/** Opens the demo project from the list and returns its id once its page has loaded. */
async function openDemoProject(page: Page): Promise<string> {
  await page.goto("/projects");
  await page.getByRole("link", { name: DEMO_PROJECT }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname.split("/")[2];
}

test.describe("gate policy editing", () => {
  // In order, in one worker: the second test reads the next version number and expects it unchanged,
  // which the first test's publish would break if both ran at once.
  test.describe.configure({ mode: "default" });
  test.use({ storageState: storageStateOf("admin") });

  test("an admin edits gate 5's objectives and publishes a new version", async ({ page }) => {
    await page.goto("/admin/policies");
    await expect(page.getByRole("heading", { name: "Gate policies", level: 1 })).toBeVisible();
    // Two policies are seeded: these tests edit the light-gating one.
    const lightGating = page.getByRole("region", { name: "Light-gating policy", exact: true });
    const edit = lightGating.getByRole("link", { name: /^Edit and publish version \d+$/ });
    const next = Number((await edit.textContent())!.match(/(\d+)$/)![1]);
    await edit.click();

    await expect(page.getByRole("heading", { name: /^Edit / })).toBeVisible();
    const objectives = `Every plan needed to build and deploy exists (e2e ${Date.now()}).`;
    await page.getByLabel("Objectives of gate 5").fill(objectives);
    await page.getByLabel("Note for this version").fill("Clarified gate 5 objectives");
    await expect(page.getByText("1 change compared with version")).toBeVisible();
    await page.getByRole("button", { name: `Publish version ${next}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Publish" }).click();

    await expect(page.getByRole("heading", { level: 1, name: new RegExp(`version ${next}`) })).toBeVisible();
    await expect(page.getByText(objectives)).toBeVisible();
    await expect(page.getByText("Latest", { exact: true })).toBeVisible();

    await page.goto("/admin/policies");
    const row = page
      .getByRole("region", { name: "Light-gating policy", exact: true })
      .getByRole("row", { name: new RegExp(`Version ${next}\\b`) });
    await expect(row).toContainText("Clarified gate 5 objectives");
    await expect(row).toContainText("Latest");
  });

  test("an invalid edit is refused next to the field and nothing is published", async ({ page }) => {
    await page.goto("/admin/policies");
    // Two policies are seeded: these tests edit the light-gating one.
    const lightGating = page.getByRole("region", { name: "Light-gating policy", exact: true });
    const edit = lightGating.getByRole("link", { name: /^Edit and publish version \d+$/ });
    const next = Number((await edit.textContent())!.match(/(\d+)$/)![1]);
    await edit.click();
    await page.getByLabel("Name of gate 3").fill("");
    await page.getByRole("button", { name: `Publish version ${next}` }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Publish" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Gate 3 needs a name." })).toBeVisible();
    await expect(page.getByLabel("Name of gate 3")).toHaveAttribute("aria-invalid", "true");
    await page.goto("/admin/policies");
    await expect(
      page
        .getByRole("region", { name: "Light-gating policy", exact: true })
        .getByRole("link", { name: `Edit and publish version ${next}` }),
    ).toBeVisible();
  });

  test("the admin sees the audit chain verified", async ({ page }) => {
    await page.goto("/admin/audit");
    await expect(page.getByText(/^Verified: all \d+ events fit the chain\.$/)).toBeVisible();
    await page.getByRole("button", { name: "Verify the chain now" }).click();
    await expect(page.getByText(/^Verified: all \d+ events fit the chain\.$/)).toBeVisible();
  });
});

test.describe("refusals", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("a non-admin cannot open the policy or audit chain pages", async ({ page }) => {
    for (const path of ["/admin/policies", "/admin/audit"]) {
      // The app shell streams first, so the status stays 200; the page itself is the 404 page.
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      await expect(page.getByRole("heading", { name: /Gate policies|Audit chain/ })).toHaveCount(0);
    }
  });
});

test.describe("project audit timeline", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("a PM reads a project's audit trail and filters it", async ({ page }) => {
    await openDemoProject(page);
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByRole("heading", { name: "Audit trail" })).toBeVisible();
    const events = page.getByRole("list", { name: "Audit events" }).locator(":scope > li");
    expect(await events.count()).toBeGreaterThan(1);

    await page.getByLabel("Action").selectOption("project.create");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/action=project\.create/);
    await expect(events).toHaveCount(1);
    await expect(events.first()).toContainText("created the project");
    await events
      .first()
      .getByText(/Record of event/)
      .click();
    await expect(events.first().getByText("Previous")).toBeVisible();

    await page.getByLabel("From (UTC)").fill("2000-01-01");
    await page.getByLabel("To (UTC)").fill("2000-01-31");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("No event matches these filters")).toBeVisible();

    await page.getByRole("link", { name: "Clear" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(events.nth(1)).toBeVisible();
  });

  test("the API pages through the same events", async ({ page }) => {
    const projectId = await openDemoProject(page);
    const first = await page.request.get(`/api/v1/projects/${projectId}/audit?limit=1`);
    expect(first.status()).toBe(200);
    const body = await first.json();
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        at: expect.any(String),
        action: expect.any(String),
        hash: expect.any(String),
        previousHash: expect.any(String),
      }),
    );
    expect(body.nextCursor).toEqual(expect.any(String));
    const second = await (
      await page.request.get(`/api/v1/projects/${projectId}/audit?limit=1&cursor=${body.nextCursor}`)
    ).json();
    expect(second.items[0].id).not.toBe(body.items[0].id);
  });
});

test.describe("client view of the audit trail", () => {
  test.use({ storageState: storageStateOf("otherViewer") });

  test("a client of another organisation gets 404 from the page and the API", async ({ page, browser }) => {
    const pm = await browser.newContext({ storageState: storageStateOf("pm") });
    const pmPage = await pm.newPage();
    const projectId = await openDemoProject(pmPage);
    await pm.close();

    await page.goto(`/projects/${projectId}/audit`);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Audit events" })).toHaveCount(0);
    const api = await page.request.get(`/api/v1/projects/${projectId}/audit`);
    expect(api.status()).toBe(404);
    expect((await api.json()).code).toBe("not_found");
  });
});

test.describe("client owner's view of the audit trail", () => {
  test.use({ storageState: storageStateOf("owner") });

  test("the client owner reads the timeline without vendor-internal fields", async ({ page }) => {
    await openDemoProject(page);
    await page.getByRole("navigation", { name: "Project sections" }).getByRole("link", { name: "Audit trail" }).click();
    await expect(page.getByText(/withheld from your view/)).toBeVisible();
    await expect(page.getByRole("list", { name: "Audit events" }).locator(":scope > li").first()).toBeVisible();
  });
});
