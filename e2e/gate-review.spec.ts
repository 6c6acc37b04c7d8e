// The gate page as a board member and a PM use it: the review dialog shows the version under
// review; a member sees their recorded vote; only the board may record the decision; refusals
// show before any confirmation and go when their cause goes.
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from "./fixtures";
import { storageStateOf, type AccountKey } from "./accounts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
type Artifact = { id: string; title: string; requirement: "must" | "should" };

async function api(account: AccountKey, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: storageStateOf(account) });
}

/** A fresh small project created by the PM (its own data: parallel-safe), with gate 7's artifacts. */
async function createProject(pm: APIRequestContext, label: string): Promise<{ id: string; must: Artifact[] }> {
  const list = await pm.get("/api/v1/projects?q=Nordlicht");
  expect(list.ok()).toBeTruthy();
  const organizationId = (await list.json()).items[0].clientOrganization.id as string;
  const name = `E2E review ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
  const created = await pm.post("/api/v1/projects", {
    data: {
      organizationId,
      name,
      modules: ["Invoicing"],
      startDate: "2026-01-05",
      targetGoLiveDate: "2026-12-15",
      sizeClass: "small",
    },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;
  const gates = (await (await pm.get(`/api/v1/projects/${id}/gates`)).json()).items;
  const must = (gates.find((g: { number: number }) => g.number === 7).artifacts as Artifact[]).filter(
    (a) => a.requirement === "must",
  );
  return { id, must };
}

async function pageAs(browser: Browser, account: AccountKey): Promise<Page> {
  const context = await browser.newContext({
    storageState: storageStateOf(account),
    viewport: { width: 1366, height: 900 },
  });
  return context.newPage();
}

/** The PM seats the board member (required) through the gate page, as gates.spec.ts does. */
async function seatBoardMember(page: Page, gatePage: string) {
  await page.goto(gatePage);
  const add = page.getByLabel("Add a board member");
  const value = await add.locator("option", { hasText: "board@demo.test" }).getAttribute("value");
  await add.selectOption(value!);
  await page.getByLabel("Required (their vote is needed to pass)").check();
  await page.getByRole("button", { name: "Add to board" }).click();
  await expect(page.getByRole("list", { name: "Board members" })).toContainText("board@demo.test");
}

async function addMarkdown(
  pm: APIRequestContext,
  projectId: string,
  artifact: Artifact,
  markdown = `# ${artifact.title}`,
) {
  const response = await pm.post(`/api/v1/projects/${projectId}/artifacts/${artifact.id}/versions`, {
    data: { markdown },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).version.id as string;
}

/** Screenshots for looking at, only when asked for (SCREENSHOT_DIR=/tmp). */
/**
 * A fresh project whose gate 7 is in review: the board member seated (required) by the PM through the
 * page, every required artifact written and approved by the board member, the gate submitted.
 */
async function gateInReview(page: Page, baseURL: string, label: string) {
  const pm = await api("pm", baseURL);
  const boardApi = await api("board", baseURL);
  const project = await createProject(pm, label);
  const gatePage = `/projects/${project.id}/gates/7`;
  await seatBoardMember(page, gatePage);
  for (const artifact of project.must) {
    await addMarkdown(pm, project.id, artifact);
    const review = await boardApi.post(`/api/v1/projects/${project.id}/artifacts/${artifact.id}/review`, {
      data: { decision: "approve", comment: "Fine." },
    });
    expect(review.ok()).toBeTruthy();
  }
  expect((await pm.post(`/api/v1/projects/${project.id}/gates/7/submit`)).status()).toBe(200);
  return { pm, boardApi, project, gatePage };
}

async function shot(page: Page, name: string) {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.screenshot({ path: `${dir}/u2-${name}-1366.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${dir}/u2-${name}-390.png` });
  await page.setViewportSize({ width: 1366, height: 900 });
}

test.use({ storageState: storageStateOf("pm") });
// Each test walks a gate through several people and pages on a machine shared with other builds.
test.describe.configure({ timeout: 180_000 });

test(
  "the review dialog shows the version under review: Markdown rendered safely, a PDF previewed inline, a " + "download",
  async ({ page, browser, baseURL }) => {
    const pm = await api("pm", baseURL!);
    const project = await createProject(pm, "dialog");
    const gatePage = `/projects/${project.id}/gates/7`;
    await seatBoardMember(page, gatePage);
    const [sow, concept] = project.must;
    await addMarkdown(
      pm,
      project.id,
      sow,
      "# Scope of the SOW\n\n- **Invoicing** for residential customers\n- Payments\n\n<img src=x onerror=alert(1)>",
    );
    const pdf = await pm.post(`/api/v1/projects/${project.id}/artifacts/${concept.id}/versions`, {
      multipart: { file: { name: "concept.pdf", mimeType: "application/pdf", buffer: PDF } },
    });
    expect(pdf.status()).toBe(201);

    const board = await pageAs(browser, "board");
    await board.goto(gatePage);
    await board.getByRole("button", { name: `Review ${sow.title}` }).click();
    let dialog = board.getByRole("dialog");
    const content = dialog.getByRole("region", { name: `Version 1 of ${sow.title}` });
    await expect(content.getByText("Scope of the SOW")).toBeVisible();
    await expect(
      content.getByRole("listitem").filter({ hasText: "Invoicing for residential customers" }).locator("strong"),
    ).toHaveText("Invoicing");
    // The author's HTML stays visible text; nothing of it becomes an element.
    await expect(content.getByText("<img src=x onerror=alert(1)>")).toBeVisible();
    await expect(content.locator("img")).toHaveCount(0);
    await shot(board, "review-markdown");
    await dialog.getByRole("button", { name: "Close" }).click();

    await board.getByRole("button", { name: new RegExp(`^Review ${concept.title.slice(0, 20)}`) }).click();
    dialog = board.getByRole("dialog");
    const frame = dialog.locator("iframe[title='Preview of concept.pdf']");
    await expect(frame).toBeVisible();
    const src = await frame.getAttribute("src");
    expect(src).toMatch(/\/file\?inline=1$/);
    await expect(dialog.getByRole("link", { name: "Download concept.pdf" })).toHaveAttribute("download", "");
    await shot(board, "review-pdf");

    // The preview is served inline only for PDF and images, framed by the app only; downloads stay attachments.
    const boardApi = await api("board", baseURL!);
    const inline = await boardApi.get(src!);
    expect(inline.status()).toBe(200);
    expect(inline.headers()["content-disposition"]).toMatch(/^inline; filename="concept.pdf"/);
    expect(inline.headers()["x-content-type-options"]).toBe("nosniff");
    expect(inline.headers()["content-security-policy"]).toContain("frame-ancestors 'self'");
    expect(inline.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    const download = await boardApi.get(src!.replace("?inline=1", ""));
    expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
    expect(download.headers()["x-frame-options"]).toBe("DENY");
    const text = await pm.post(`/api/v1/projects/${project.id}/artifacts/${sow.id}/versions`, {
      multipart: {
        file: { name: "notes.md", mimeType: "text/markdown", buffer: Buffer.from("# notes <script>alert(1)</script>") },
      },
    });
    const textVersionId = (await text.json()).version.id;
    const textUrl = `/api/v1/projects/${project.id}/artifacts/${sow.id}/versions/${textVersionId}/file`;
    expect((await boardApi.get(`${textUrl}?inline=1`)).status()).toBe(415);
    expect((await (await api("otherViewer", baseURL!)).get(src!)).status()).toBe(404);
    await board.context().close();
  },
);

test("a board member sees their vote; a go waits for named votes before any confirmation", async ({
  page,
  browser,
  baseURL,
}) => {
  const { pm, project, gatePage } = await gateInReview(page, baseURL!, "vote");

  const board = await pageAs(browser, "board");
  await board.goto(gatePage);
  const decision = board.getByLabel("Decision", { exact: true });
  await decision.selectOption("go");
  const refusal = board.getByRole("alert").filter({ hasText: "Go cannot be recorded yet" });
  await expect(refusal).toContainText("Waiting for the votes of Paula Martins and you.");
  const record = board.getByRole("button", { name: "Record decision" });
  await expect(record).toBeDisabled();
  await expect(board.getByRole("alertdialog")).toHaveCount(0);
  await shot(board, "decision-refused");

  // Voting: the member then sees the vote as recorded, and may change it.
  await board.getByLabel("Your vote").selectOption("go");
  await board.getByLabel("Rationale").first().fill("Owners named on both sides.");
  await board.getByRole("button", { name: "Cast vote" }).click();
  const yourVote = board.getByRole("region", { name: "Your recorded vote" });
  await expect(yourVote).toContainText("Your vote: Go");
  await expect(yourVote).toContainText("“Owners named on both sides.”");
  await expect(yourVote).toContainText("You can change it until the decision is recorded.");
  await expect(board.getByLabel("Change your vote")).toHaveValue("go");
  await expect(refusal).toContainText("Waiting for the votes of Paula Martins.");
  await expect(refusal).not.toContainText("and you");
  await shot(board, "voted");

  // Once the PM votes in favour too, the go is possible and asks for confirmation.
  expect(
    (
      await pm.post(`/api/v1/projects/${project.id}/gates/7/votes`, { data: { vote: "go", rationale: "Agreed." } })
    ).ok(),
  ).toBeTruthy();
  await board.reload();
  await board.getByLabel("Decision", { exact: true }).selectOption("go");
  await expect(board.getByRole("alert").filter({ hasText: "cannot be recorded yet" })).toHaveCount(0);
  await expect(record).toBeEnabled();
  await board.getByRole("textbox", { name: "Rationale" }).last().fill("Kickoff complete.");
  await record.click();
  await expect(board.getByRole("alertdialog")).toContainText("This cannot be undone.");
  await board.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await board.context().close();
});

test("a board member reading Spanish sees a condition's errors in Spanish before anything is sent", async ({
  page,
  browser,
  baseURL,
}) => {
  const { pm, boardApi, project, gatePage } = await gateInReview(page, baseURL!, "conditions");
  for (const voter of [pm, boardApi]) {
    const vote = { vote: "conditional_go", rationale: "Agreed, with a follow-up." };
    expect((await voter.post(`/api/v1/projects/${project.id}/gates/7/votes`, { data: vote })).ok()).toBeTruthy();
  }

  const context = await browser.newContext({
    storageState: storageStateOf("board"),
    locale: "es-ES",
    viewport: { width: 1366, height: 900 },
  });
  const board = await context.newPage();
  await board.goto(gatePage);
  await board.getByLabel("Decisión", { exact: true }).selectOption("conditional_go");
  await board.getByRole("textbox", { name: "Justificación" }).last().fill("Seguimiento acordado.");
  await board.getByRole("button", { name: "Añadir una condición" }).click();
  await board.getByRole("button", { name: "Registrar decisión" }).click();
  // Refused in the browser, in the reader's words (the server's sentences), and nothing sent.
  await expect(board.getByText("El campo «Condición» es obligatorio.")).toBeVisible();
  await expect(board.getByText("Elija el responsable de esta condición.")).toBeVisible();
  await expect(board.getByText("Elija una fecha límite.")).toBeVisible();
  await expect(board.getByText("Choose a due date.")).toHaveCount(0);
  await expect(board.getByRole("alertdialog")).toHaveCount(0);
  const gate = await (await boardApi.get(`/api/v1/projects/${project.id}/gates/7`)).json();
  expect(gate.status).toBe("in_review");
  await shot(board, "conditions-in-spanish");
  await context.close();
});

test("someone off the board sees who records the decision, and no decision form", async ({ page, baseURL }) => {
  const pm = await api("pm", baseURL!);
  const project = await createProject(pm, "off board");
  const gatePage = `/projects/${project.id}/gates/7`;
  await seatBoardMember(page, gatePage);
  // The PM leaves the board: the decision is then the board member's alone.
  await page.getByRole("button", { name: "Remove Paula Martins from the board" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByRole("list", { name: "Board members" })).not.toContainText("pm@demo.test");
  for (const artifact of project.must) await addMarkdown(pm, project.id, artifact);
  expect((await pm.post(`/api/v1/projects/${project.id}/gates/7/submit`)).status()).toBe(200);

  await page.goto(gatePage);
  await expect(page.getByText("The decision is recorded by a board member: Boris Keller.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Record the decision" })).toHaveCount(0);
  await expect(page.getByLabel("Decision", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("Your vote")).toHaveCount(0);
  await shot(page, "off-board");
});

test(
  "a submit refusal shows before confirming and goes once its " + "cause is fixed; both pages count artifacts alike",
  async ({ page, baseURL }) => {
    const pm = await api("pm", baseURL!);
    const project = await createProject(pm, "stale");
    const [sow, concept] = project.must;
    await page.goto(`/projects/${project.id}/gates`);
    const row = page.getByRole("row").filter({ hasText: "Project kickoff" });
    await expect(row).toContainText("0 of 2 required approved");

    await page.goto(`/projects/${project.id}/gates/7`);
    await expect(page.getByRole("heading", { name: "Artifacts (0 of 2 required approved)" })).toBeVisible();
    const refusal = page.getByRole("alert").filter({ hasText: "cannot be submitted yet" });
    await expect(refusal).toContainText(sow.title);
    await expect(refusal).toContainText(concept.title);
    const submit = page.getByRole("button", { name: "Submit for review" });
    await expect(submit).toBeDisabled();
    await shot(page, "submit-refused");

    // Adding the missing versions through the page takes the refusal away, step by step.
    for (const [i, artifact] of [sow, concept].entries()) {
      await page.getByRole("button", { name: `Add version of ${artifact.title}` }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Write text").check();
      await dialog.getByLabel("Text (Markdown)").fill(`# ${artifact.title}\n\n- first draft`);
      await dialog.getByRole("button", { name: "Add version", exact: true }).click();
      await expect(dialog).toBeHidden();
      if (i === 0) {
        await expect(refusal).not.toContainText(sow.title);
        await expect(refusal).toContainText(concept.title);
      }
    }
    await expect(refusal).toHaveCount(0);
    // The PM alone could never decide the gate: that refusal stays until a second member sits on the board.
    const boardRefusal = page.getByRole("alert").filter({ hasText: "board needs a member besides" });
    await expect(boardRefusal).toBeVisible();
    await expect(submit).toBeDisabled();
    await seatBoardMember(page, `/projects/${project.id}/gates/7`);
    await expect(boardRefusal).toHaveCount(0);
    await expect(submit).toBeEnabled();
    await submit.click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("heading", { name: "Votes, round 1" })).toBeVisible();
    await shot(page, "submitted");
  },
);
