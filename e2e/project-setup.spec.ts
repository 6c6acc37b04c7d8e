// A project set up in one step from the new-project form: the gate policy, the client product
// owner and another board member become members and sit on the gate boards, and every gate has a
// proposed planned date. The main refusal shows next to its field.
import { expect, test, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

const unique = (label: string) => `E2E ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

async function chooseOption(page: Page, label: string | RegExp, text: string | RegExp) {
  const select = page.getByLabel(label, { exact: typeof label === "string" });
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

test.describe("project setup", () => {
  test.use({ storageState: storageStateOf("pm") });

  test(
    "the PM creates a project with its policy, client owner and a board member; all on the boards with " +
      "planned dates",
    async ({ page }) => {
      // Three pages and a form on a shared 2-core machine: more than the default minute.
      test.setTimeout(180_000);
      const name = unique("setup");
      await page.setViewportSize({ width: 1366, height: 900 });
      await page.goto("/projects/new");
      await page.getByLabel("Project name").fill(name);
      await chooseOption(page, "Client organisation", "Nordlicht Netz AG");
      await chooseOption(page, "Gate policy", /^Light-gating policy/);
      await chooseOption(page, "Client product owner", "owner@demo.test");
      await page.getByRole("button", { name: "Add a board member" }).click();
      await chooseOption(page, "Member 1", "board@demo.test");
      await expect(page.getByLabel("Role of member 1")).toHaveValue("team_member");
      await expect(page.getByLabel("Member 1 sits on every gate's board")).toBeChecked();
      await page.getByLabel("Start date").fill("2026-01-05");
      await page.getByLabel("Target go-live").fill("2026-12-15");
      await page.screenshot({ path: "/tmp/h1-new-project.png", fullPage: true });
      await page.getByRole("button", { name: "Create project" }).click();
      await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
      const projectUrl = page.url();

      // Members on the overview.
      await expect(page.getByText("pm@demo.test").first()).toBeVisible();
      await expect(page.getByText("owner@demo.test").first()).toBeVisible();
      await expect(page.getByText("board@demo.test").first()).toBeVisible();

      // Gate 7: both on the board, the owner required, a proposed planned date.
      await page.goto(`${projectUrl}/gates/7`);
      const board = page.getByRole("list", { name: "Board members" });
      await expect(board).toContainText("owner@demo.test");
      await expect(board).toContainText("board@demo.test");
      await expect(page.getByText("Planned 3 Mar 2026", { exact: true })).toBeVisible();
      await page.screenshot({ path: "/tmp/h1-gate7.png", fullPage: true });

      // The last gate too, after go-live.
      await page.goto(`${projectUrl}/gates/1`);
      await expect(page.getByRole("list", { name: "Board members" })).toContainText("board@demo.test");
      await expect(page.getByText("Planned 14 Jan 2027", { exact: true })).toBeVisible();
    },
  );

  test("a go-live before the start is refused next to the field, and nothing is created", async ({ page }) => {
    const name = unique("setup refused");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/projects/new");
    await page.getByLabel("Project name").fill(name);
    await chooseOption(page, "Client organisation", "Nordlicht Netz AG");
    await chooseOption(page, "Client product owner", "owner@demo.test");
    await page.getByLabel("Start date").fill("2026-06-01");
    await page.getByLabel("Target go-live").fill("2026-05-01");
    await page.getByRole("button", { name: "Create project" }).click();
    const goLive = page.getByLabel("Target go-live");
    await expect(goLive).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await goLive.getAttribute("aria-describedby"))!.split(" ");
    const error = page.locator(`[id="${describedBy.at(-1)}"]`);
    await expect(error).toHaveText("The target go-live must be after the start date.");
    // What was chosen is kept for the correction.
    await expect(page.getByLabel("Client product owner")).not.toHaveValue("");
    await page.screenshot({ path: "/tmp/h1-refused-phone.png", fullPage: true });
    await expect(page).toHaveURL(/\/projects\/new$/);
    await page.goto(`/projects?q=${encodeURIComponent(name)}`);
    await expect(page.getByText(name)).toHaveCount(0);
  });
});
