// A new vendor's first week on the six-step rollout, with no seeded project: the PM sets up a
// project naming its client owner and a vendor board member, and step 6 goes from versions,
// through both members' approvals and everyone's votes (each in their own browser), to a go
// that makes step 5 current.
import { expect, test, type Browser, type Page } from "./fixtures";
import { storageStateOf, type AccountKey } from "./accounts";

async function chooseOption(page: Page, label: string, text: string | RegExp) {
  const select = page.getByLabel(label, { exact: true });
  const value = await select.locator("option", { hasText: text }).first().getAttribute("value");
  await select.selectOption(value!);
}

async function pageAs(browser: Browser, account: AccountKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(account) });
  return context.newPage();
}

async function approve(page: Page, title: RegExp) {
  await page.getByRole("button", { name: new RegExp(`^Review ${title.source}`) }).click();
  const dialog = page.getByRole("dialog");
  // The reviewer sees what they approve.
  await expect(dialog).toContainText("Written for the kickoff");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();
}

async function voteGo(page: Page, rationale: string) {
  await page.getByLabel("Your vote").selectOption("go");
  await page.getByLabel("Rationale").first().fill(rationale);
  await page.getByRole("button", { name: "Cast vote" }).click();
  await expect(page.getByText("Your vote is recorded.")).toBeVisible();
}

test.use({ storageState: storageStateOf("pm") });

test("a project set up from scratch on the six-step policy walks step 6 to a go and step 5 becomes current", async ({
  page,
  browser,
}) => {
  // Three people, five pages each, on a shared 2-core machine.
  test.setTimeout(300_000);
  const name = `E2E six-step ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  await page.goto("/projects/new");
  await page.getByLabel("Project name").fill(name);
  await chooseOption(page, "Client organisation", "Nordlicht Netz AG");
  await chooseOption(page, "Gate policy", /^Six-step rollout/);
  await chooseOption(page, "Client product owner", "owner@demo.test");
  await page.getByRole("button", { name: "Add a board member" }).click();
  await chooseOption(page, "Member 1", "board@demo.test");
  await expect(page.getByLabel("Member 1 sits on every gate's board")).toBeChecked();
  await chooseOption(page, "Size class", /small/i);
  await page.getByLabel("Start date").fill("2026-01-05");
  await page.getByLabel("Target go-live").fill("2026-12-15");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  const projectUrl = new URL(page.url()).pathname;
  const stepPage = `${projectUrl}/gates/6`;

  // Step 6 is current; its board holds the PM, the owner and the vendor board member.
  await page.goto(stepPage);
  await expect(page.getByRole("heading", { name: /^Gate 6: Kickoff meeting/ })).toBeVisible();
  const board = page.getByRole("list", { name: "Board members" });
  await expect(board).toContainText("owner@demo.test");
  await expect(board).toContainText("board@demo.test");

  // The PM writes the two required artifacts of a small project.
  for (const title of [/Sold solution summary/, /Product owners on both sides/]) {
    await page.getByRole("button", { name: new RegExp(`^Add version of ${title.source}`) }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Write text").check();
    await dialog.getByLabel("Text (Markdown)").fill(`# ${title.source}\n\nWritten for the kickoff.`);
    await dialog.getByRole("button", { name: "Add version", exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  // The owner approves one, the vendor board member the other, each in their own browser.
  const owner = await pageAs(browser, "owner");
  await owner.goto(stepPage);
  await approve(owner, /Sold solution summary/);
  const member = await pageAs(browser, "board");
  await member.goto(stepPage);
  await approve(member, /Product owners on both sides/);
  await expect(member.getByText("Artifacts (2 of 2 required approved)")).toBeVisible();

  // The PM submits step 6; then all three vote go.
  await page.reload();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { name: "Votes, round 1" })).toBeVisible();
  await voteGo(page, "Sold solution presented to both teams.");
  await owner.reload();
  await voteGo(owner, "Our product owner is named.");
  await member.reload();
  await voteGo(member, "Implementation and support teams introduced.");

  // The owner records the decision.
  await owner.reload();
  await owner.getByLabel("Decision", { exact: true }).selectOption("go");
  await owner.getByRole("textbox", { name: "Rationale" }).last().fill("Kickoff held; channel set up.");
  await owner.getByRole("button", { name: "Record decision" }).click();
  await owner.getByRole("alertdialog").getByRole("button", { name: "Record decision" }).click();
  await expect(owner.getByRole("heading", { name: "Decision", exact: true })).toBeVisible();

  // Step 5 is current for the PM.
  await page.goto(`${projectUrl}/gates`);
  await expect(page.getByText(/^Gate 5 is current/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Gate 5: .* \(current gate\)/ })).toBeVisible();
  await owner.context().close();
  await member.context().close();
});
