// Issue 10, "first real use": a project created from scratch has the PM alone on its boards. The
// overview's "Next step" names what is missing (with working links), submitting gate 7 is refused
// with board_cannot_decide (in the page and in the API), and seating a board member clears it.
import { expect, request as playwrightRequest, test } from "./fixtures";
import { storageStateOf } from "./accounts";

test.use({ storageState: storageStateOf("pm") });

test("a new project's Next step names what is missing; a board that cannot decide is refused before it locks", async ({
  page,
  baseURL,
}) => {
  // One long walk through creation, versions, a refusal, the board and a submission.
  test.setTimeout(240_000);
  const name = `E2E next step ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.goto("/projects/new");
  await page.getByLabel("Project name").fill(name);
  await page.getByLabel("Client organisation").selectOption({ label: "Nordlicht Netz AG" });
  await page.getByLabel("Size class").selectOption("small");
  await page.getByLabel("Start date").fill("2026-12-01");
  await page.getByLabel("Target go-live").fill("2027-06-30");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const overview = page.url();
  const projectId = new URL(overview).pathname.split("/")[2];

  // The panel: two artifacts without a version, and a board of the PM alone.
  const panel = page.getByRole("region", { name: "Next step" });
  await expect(panel).toContainText("Gate 7 cannot be submitted yet. What is missing:");
  await expect(panel).toContainText("“Statement of Work” has no version yet.");
  await expect(panel).toContainText("Gate 7's board needs a member besides Paula Martins, who submits it.");
  await page.screenshot({ path: "/tmp/h2-next-step-1366.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/h2-next-step-390.png", fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });

  // "Add a version" leads to the gate's artifacts, where the PM writes both versions.
  await panel.getByRole("link", { name: "Add a version" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/gates/7#artifacts$`));
  await expect(page.getByRole("region", { name: /^Artifacts/ })).toBeVisible();
  for (const title of ["Statement of Work", "Implementation concept"]) {
    await page.getByRole("button", { name: new RegExp(`^Add version of ${title}`) }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Write text").check();
    await dialog.getByLabel("Text (Markdown)").fill(`# ${title}\n\nDraft by the PM.`);
    await dialog.getByRole("button", { name: "Add version", exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  // Submitting is refused before any confirmation: nobody but the PM, who wrote the versions,
  // could approve or vote.
  await expect(page.getByRole("button", { name: "Submit for review" })).toBeDisabled();
  await expect(page.getByRole("alert").filter({ hasText: "board" })).toContainText(
    "Gate 7's board needs a member besides Paula Martins, who submits it and wrote the submitted versions.",
  );
  const api = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("pm") });
  const refused = await api.post(`/api/v1/projects/${projectId}/gates/7/submit`, { data: {} });
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(await refused.json()).toMatchObject({
    code: "board_cannot_decide",
    detail: expect.stringContaining("Paula Martins"),
  });

  // The overview says the same before anyone submits, and links to the board.
  await page.goto(overview);
  await expect(panel).toContainText("who submits it and wrote the submitted versions");
  await expect(panel).toContainText(
    "“Statement of Work” awaits review by another board member (there is none who may).",
  );
  await panel.getByRole("link", { name: "Seat board members" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/gates/7#board$`));
  const add = page.getByLabel("Add a board member");
  await add.selectOption((await add.locator("option", { hasText: "board@demo.test" }).getAttribute("value"))!);
  await page.getByRole("button", { name: "Add to board" }).click();
  await expect(page.getByRole("list", { name: "Board members" })).toContainText("board@demo.test");

  // With Boris on the board the gate can be submitted; the panel says whose review is awaited.
  await page.goto(overview);
  await expect(panel).toContainText("Gate 7 can be submitted for review.");
  await expect(panel).toContainText("“Statement of Work” awaits review by Boris Keller.");
  await panel.getByRole("link", { name: "Submit gate 7 for review" }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${projectId}/gates/7#submit$`));
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { name: "Votes, round 1" })).toBeVisible();

  await page.goto(overview);
  await expect(panel).toContainText("Gate 7 is in review. Before the board can decide a go:");
  await expect(panel).toContainText("Boris Keller has not voted yet.");
  await page.screenshot({ path: "/tmp/h2-next-step-review-1366.png", fullPage: true });
  await api.dispose();
});
