// The gate workflow end to end: a fresh project's gate 7 from artifact versions through reviews
// and votes to a go decision; the submit refusal that lists what is missing; API refusals.
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

async function api(account: AccountKey, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: storageStateOf(account) });
}

/** A fresh small project created by the PM through the API (its own data: parallel-safe). */
async function createProject(pm: APIRequestContext, label: string): Promise<{ id: string; name: string }> {
  const list = await pm.get("/api/v1/projects?q=Nordlicht");
  expect(list.ok()).toBeTruthy();
  const organizationId = (await list.json()).items[0].clientOrganization.id as string;
  const name = `E2E ${label} ${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;
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
  return { id: (await created.json()).id, name };
}

async function pageAs(browser: Browser, account: AccountKey): Promise<Page> {
  const context = await browser.newContext({ storageState: storageStateOf(account) });
  return context.newPage();
}

test.describe("gate 7 to go", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("versions, approvals by another board member, votes and a go make gate 6 current", async ({
    page,
    browser,
    baseURL,
  }) => {
    const pmApi = await api("pm", baseURL!);
    const project = await createProject(pmApi, "gate walk");
    const gatePage = `/projects/${project.id}/gates/7`;

    // The PM seats the board member as required next to themself.
    await page.goto(gatePage);
    await expect(page.getByRole("heading", { name: /^Gate 7: Project kickoff/ })).toBeVisible();
    const add = page.getByLabel("Add a board member");
    const boardValue = await add.locator("option", { hasText: "board@demo.test" }).getAttribute("value");
    await add.selectOption(boardValue!);
    await page.getByLabel("Required (their vote is needed to pass)").check();
    await page.getByRole("button", { name: "Add to board" }).click();
    await expect(page.getByRole("list", { name: "Board members" })).toContainText("board@demo.test");

    // Versions: text for the SOW, a PDF for the implementation concept.
    await page.getByRole("button", { name: "Add version of Statement of Work" }).click();
    let dialog = page.getByRole("dialog");
    await dialog.getByLabel("Write text").check();
    await dialog
      .getByLabel("Text (Markdown)")
      .fill("# Statement of Work\n\n- Scope: invoicing\n<script>alert(1)</script>");
    await dialog.getByRole("button", { name: "Add version", exact: true }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: /^Add version of Implementation concept/ }).click();
    dialog = page.getByRole("dialog");
    await dialog
      .getByLabel("File", { exact: true })
      .setInputFiles({ name: "implementation-concept.pdf", mimeType: "application/pdf", buffer: PDF });
    await dialog.getByRole("button", { name: "Add version", exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Submitted", { exact: true })).toHaveCount(2);

    // The PM wrote them, so the PM cannot review them; the board member approves.
    await expect(page.getByRole("button", { name: /^Review / })).toHaveCount(0);
    const board = await pageAs(browser, "board");
    await board.goto("/reviews");
    await expect(board.getByRole("link", { name: "Statement of Work" }).first()).toBeVisible();
    await board.goto(gatePage);
    for (const title of ["Statement of Work", /Implementation concept/]) {
      await board
        .getByRole("button", {
          name: typeof title === "string" ? `Review ${title}` : new RegExp(`^Review ${title.source}`),
        })
        .click();
      await board.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
      await expect(board.getByRole("dialog")).toBeHidden();
    }
    await expect(board.getByText("Artifacts (2 of 2 required approved)")).toBeVisible();

    // The PM submits for review and votes go.
    await page.reload();
    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByRole("heading", { name: "Votes, round 1" })).toBeVisible();
    await page.getByLabel("Your vote").selectOption("go");
    await page.getByLabel("Rationale").first().fill("Contract and concept agreed.");
    await page.getByRole("button", { name: "Cast vote" }).click();
    await expect(page.getByText("Your vote is recorded.")).toBeVisible();

    // The board member votes and records the decision.
    await board.reload();
    await board.getByLabel("Your vote").selectOption("go");
    await board.getByLabel("Rationale").first().fill("Owners named on both sides.");
    await board.getByRole("button", { name: "Cast vote" }).click();
    await expect(board.getByText("Your vote is recorded.")).toBeVisible();
    await expect(board.getByText("Unanimous: every required member and every vote cast is in favour.")).toBeVisible();
    await board.getByLabel("Decision", { exact: true }).selectOption("go");
    await board.getByRole("textbox", { name: "Rationale" }).last().fill("Kickoff complete.");
    await board.getByRole("button", { name: "Record decision" }).click();
    await board.getByRole("alertdialog").getByRole("button", { name: "Record decision" }).click();
    await expect(board.getByRole("heading", { name: "Decision", exact: true })).toBeVisible();
    await expect(board.getByText("Kickoff complete.").first()).toBeVisible();

    await page.goto(`/projects/${project.id}/gates`);
    await expect(page.getByText(/^Gate 6 is current/)).toBeVisible();
    await expect(page.getByRole("link", { name: /Gate 6: .* \(current gate\)/ })).toBeVisible();
    const gates = await (await pmApi.get(`/api/v1/projects/${project.id}/gates`)).json();
    expect(gates.currentGate).toBe(6);
    expect(gates.items[0]).toMatchObject({ number: 7, status: "go", decision: "go" });
    await board.context().close();
  });

  test("submitting with missing artifacts is refused with the list of what is missing", async ({ page, baseURL }) => {
    const project = await createProject(await api("pm", baseURL!), "refusal");
    await page.goto(`/projects/${project.id}/gates/7`);
    // The refusal shows before any confirmation (gate-review.spec.ts follows it until it goes).
    await expect(page.getByRole("button", { name: "Submit for review" })).toBeDisabled();
    const alert = page.getByRole("alert").filter({ hasText: "cannot be submitted" });
    await expect(alert).toContainText("Statement of Work");
    await expect(alert).toContainText("Implementation concept");
    await expect(alert).not.toContainText("Governance plan");
  });
});

test.describe("gate API refusals", () => {
  test(
    "a non-board member's vote gets 403; a premature go gets 409 with a code; uploads checked and downloaded " +
      "as attachments",
    async ({ baseURL }) => {
      const pm = await api("pm", baseURL!);
      const engineer = await api("engineer", baseURL!);
      // The engineer is a team member of the residential project but sits on none of its boards.
      const residential = (await (await engineer.get("/api/v1/projects?q=residential")).json()).items[0];
      const vote = await engineer.post(`/api/v1/projects/${residential.id}/gates/${residential.currentGate}/votes`, {
        data: { vote: "go", rationale: "Looks fine." },
      });
      expect(vote.status()).toBe(403);
      expect(vote.headers()["content-type"]).toContain("application/problem+json");
      expect((await vote.json()).code).toBe("not_on_board");

      const project = await createProject(pm, "api");
      const gates = (await (await pm.get(`/api/v1/projects/${project.id}/gates`)).json()).items;
      const gate7 = gates.find((g: { number: number }) => g.number === 7);
      const must = gate7.artifacts.filter((a: { requirement: string }) => a.requirement === "must");
      for (const artifact of must) {
        const version = await pm.post(`/api/v1/projects/${project.id}/artifacts/${artifact.id}/versions`, {
          data: { markdown: `# ${artifact.title}` },
        });
        expect(version.status()).toBe(201);
      }
      const html = await pm.post(`/api/v1/projects/${project.id}/artifacts/${must[0].id}/versions`, {
        multipart: {
          file: {
            name: "page.html",
            mimeType: "text/html",
            buffer: Buffer.from("<html><script>alert(1)</script></html>"),
          },
        },
      });
      expect(html.status()).toBe(415);
      const huge = await pm.post(`/api/v1/projects/${project.id}/artifacts/${must[0].id}/versions`, {
        multipart: {
          file: {
            name: "huge.pdf",
            mimeType: "application/pdf",
            buffer: Buffer.concat([PDF, Buffer.alloc(20 * 1024 * 1024)]),
          },
        },
      });
      expect(huge.status()).toBe(413);
      const pdf = await pm.post(`/api/v1/projects/${project.id}/artifacts/${must[0].id}/versions`, {
        multipart: { file: { name: "signed SOW.pdf", mimeType: "application/pdf", buffer: PDF } },
      });
      expect(pdf.status()).toBe(201);
      const pdfVersionId = (await pdf.json()).version.id;
      const fileUrl = `/api/v1/projects/${project.id}/artifacts/${must[0].id}/versions/${pdfVersionId}/file`;
      const download = await pm.get(fileUrl);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="signed SOW.pdf"/);
      expect(download.headers()["x-content-type-options"]).toBe("nosniff");
      expect(download.headers()["content-type"]).toBe("application/pdf");
      expect((await download.body()).equals(PDF)).toBe(true);
      const outsider = await api("otherViewer", baseURL!);
      expect((await outsider.get(fileUrl)).status()).toBe(404);
      expect((await outsider.get(`/api/v1/projects/${project.id}/gates`)).status()).toBe(404);
      // A board of the PM alone could never decide (board_cannot_decide): seat a second member.
      const alone = await pm.post(`/api/v1/projects/${project.id}/gates/7/submit`);
      expect(alone.status()).toBe(409);
      expect((await alone.json()).code).toBe("board_cannot_decide");
      const member = await pm.post(`/api/v1/projects/${project.id}/members`, {
        data: { email: "board@demo.test", role: "team_member" },
      });
      expect(member.status()).toBe(201);
      const seat = await pm.post(`/api/v1/projects/${project.id}/gates/7/board`, {
        data: { userId: (await member.json()).userId, required: false },
      });
      expect(seat.ok()).toBeTruthy();
      const submit = await pm.post(`/api/v1/projects/${project.id}/gates/7/submit`);
      expect(submit.status()).toBe(200);
      await pm.post(`/api/v1/projects/${project.id}/gates/7/votes`, { data: { vote: "go", rationale: "ok" } });
      const go = await pm.post(`/api/v1/projects/${project.id}/gates/7/decision`, {
        data: { decision: "go", rationale: "Too early." },
      });
      expect(go.status()).toBe(409);
      expect(go.headers()["content-type"]).toContain("application/problem+json");
      const problem = await go.json();
      expect(problem.code).toBe("artifacts_not_approved");
      expect(problem.missing.map((m: { title: string }) => m.title).sort()).toEqual(
        must.map((a: { title: string }) => a.title).sort(),
      );
    },
  );
});
