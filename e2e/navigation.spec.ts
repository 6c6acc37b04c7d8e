// Screens that fit: the project navigation shows every section with nothing clipped at laptop and
// phone width, the phone dashboard shows cards, and the gate path explains each gate's objective.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

const DEMO_PROJECT = "Nordlicht residential billing MVP";
const LAPTOP = { width: 1366, height: 900 };
const PHONE = { width: 390, height: 844 };
const GROUPS: Record<string, string[]> = {
  Governance: ["Overview", "Gates", "Schedule", "Audit trail"],
  Delivery: ["Roadmap", "Sprints", "Quality", "Billing"],
  "Client readiness": ["Guardians & training", "Validation", "Escalations", "Go-live"],
  Technical: ["Integration", "Migration", "Webhooks"],
  Reports: ["Status reports"],
};

async function demoProjectId(page: Page): Promise<string> {
  const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(DEMO_PROJECT)}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { items: { id: string; name: string }[] };
  return body.items.find((p) => p.name === DEMO_PROJECT)!.id;
}

/** Nothing on the page is wider than the window (no sideways scrolling, nothing cut off at the edge). */
async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

async function expectInsideViewport(page: Page, links: ReturnType<Page["getByRole"]>) {
  const width = page.viewportSize()!.width;
  for (const link of await links.all()) {
    await expect(link).toBeVisible();
    const box = (await link.boundingBox())!;
    expect(box.x, await link.innerText()).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, await link.innerText()).toBeLessThanOrEqual(width);
  }
}

test.describe("project navigation", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("at laptop width every group and every section is shown, unclipped, one click apart", async ({ page }) => {
    // Five page visits, each checked by axe.
    test.setTimeout(240_000);
    await page.setViewportSize(LAPTOP);
    const id = await demoProjectId(page);
    await page.goto(`/projects/${id}`);
    const nav = page.getByRole("navigation", { name: "Project sections" });
    const groups = nav.getByRole("list", { name: "Section groups" }).getByRole("link");
    await expect(groups).toHaveText(Object.keys(GROUPS));
    await expectInsideViewport(page, groups);
    await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");

    for (const [group, sections] of Object.entries(GROUPS)) {
      await nav.getByRole("list", { name: "Section groups" }).getByRole("link", { name: group, exact: true }).click();
      const list = nav.getByRole("list", { name: `${group} sections` });
      await expect(list.getByRole("link")).toHaveText(sections);
      await expect(list.getByRole("link", { name: sections[0] })).toHaveAttribute("aria-current", "page");
      await expect(nav.getByRole("link", { name: group, exact: true })).toHaveAttribute("aria-current", "true");
      await expectInsideViewport(page, list.getByRole("link"));
      await expectNoHorizontalOverflow(page);
    }
    // The last sections of the old single row, which used to be cut off, are one click away.
    await nav.getByRole("link", { name: "Governance", exact: true }).click();
    await nav.getByRole("link", { name: "Audit trail" }).click();
    await expect(page).toHaveURL(/\/audit$/);
    await expect(nav.getByRole("link", { name: "Audit trail" })).toHaveAttribute("aria-current", "page");
  });

  test("on a phone the current place is named and a disclosure lists every section", async ({ page }) => {
    await page.setViewportSize(PHONE);
    const id = await demoProjectId(page);
    await page.goto(`/projects/${id}`);
    const nav = page.getByRole("navigation", { name: "Project sections" });
    const toggle = nav.getByRole("button", { name: /Governance.*Overview/ });
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expectNoHorizontalOverflow(page);

    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    for (const [group, sections] of Object.entries(GROUPS)) {
      const list = nav.getByRole("list", { name: group, exact: true });
      await expect(list.getByRole("link")).toHaveText(sections);
      await expectInsideViewport(page, list.getByRole("link"));
    }
    await nav.getByRole("link", { name: "Sprints" }).click();
    await expect(page).toHaveURL(/\/sprints$/);
    await expect(nav.getByRole("button", { name: /Delivery.*Sprints/ })).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});

test.describe("phone dashboard", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("shows each project as a card with its gate, health and go-live instead of a clipped table", async ({
    page,
  }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/dashboard");
    // One table at every width: on a phone each row is laid out as a card.
    const table = page.getByRole("table", { name: /^Portfolio/ });
    await expect(table).toBeVisible();
    const wholesale = table
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Meridian wholesale interconnect" }) });
    await expect(wholesale).toHaveCSS("display", "flex");
    await expect(wholesale).toContainText("Gate 3");
    await expect(wholesale).toContainText("Amber");
    await expect(wholesale).toContainText(/past its planned date/);
    // Each fact carries its header's word (drawn by CSS from the table's labels).
    const goLive = wholesale.getByRole("cell").nth(5);
    expect(await goLive.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe('"Go-live"');
    // The sortable headers stay, as a row of links.
    await table
      .getByRole("columnheader", { name: /Go-live/ })
      .getByRole("link")
      .click();
    await expect(page).toHaveURL(/sort=goLive/);
    await expect(page.getByRole("columnheader", { name: /Go-live/ })).toHaveAttribute("aria-sort", "ascending");
    await expectNoHorizontalOverflow(page);

    await page.setViewportSize(LAPTOP);
    await expect(wholesale).toHaveCSS("display", "table-row");
    expect(await goLive.evaluate((cell) => getComputedStyle(cell, "::before").content)).toBe("none");
  });
});

test.describe("gate path", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("each gate's objective shows on focus at laptop width and beneath the step on a phone", async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    const id = await demoProjectId(page);
    await page.goto(`/projects/${id}/gates`);
    const path = page.getByRole("navigation", { name: /^Gate path/ });
    const gate6 = path.getByRole("link", { name: /^Gate 6: Project closure/ });
    const objective = "The implementation concept is closed: MVP scope and roadmap baselined.";
    await expect(gate6).toHaveAccessibleDescription(`Objective: ${objective}`);
    await expect(path.getByText(objective)).toBeHidden();
    await gate6.focus();
    await expect(path.getByRole("tooltip").filter({ hasText: objective })).toBeVisible();

    await page.setViewportSize(PHONE);
    await expect(path.getByText(objective)).toBeVisible();
    await expectNoHorizontalOverflow(page);
  });
});
