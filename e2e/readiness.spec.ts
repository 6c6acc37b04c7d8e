// Client readiness, end to end in a FRESH project (so other specs' demo data is untouched):
// the PM adds a site and nominates a guardian in the UI, creates a module, schedules a session,
// records attendance and a failing then a passing score → the guardian is certified. Before
// that, the uncertified guardian's escalation is refused with the explanation (page and API);
// once certified, the guardian raises one and the PM sees it.
import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

async function ok<T = Record<string, unknown>>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** "YYYY-MM-DDTHH:mm" in the local time zone, as a datetime-local input wants it. */
function localInput(date: Date) {
  const pad = (n: number) => String(n).padStart(2, "0");
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function saveScore(page: Page, name: string, score: string) {
  const form = page.getByRole("form", { name: "Attendance and scores" });
  await form.getByLabel(`${name} attended`).check();
  await form.getByLabel(`Score of ${name}`).fill(score);
  await form.getByRole("button", { name: "Save attendance" }).click();
  await expect(form.getByRole("status")).toHaveText("Attendance saved; guardian statuses updated.");
}

test("readiness: nominate, train, score, certify; an uncertified guardian's escalation is refused", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const pmContext = await browser.newContext({ storageState: storageStateOf("pm") });
  const pm = await pmContext.newPage();
  const guardianContext = await browser.newContext();
  const guardian = await guardianContext.newPage();
  const stamp = Date.now().toString(36);

  const { items } = await ok<{ items: { clientOrganization: { id: string; name: string } }[] }>(
    await pmContext.request.get("/api/v1/projects?q=Nordlicht"),
  );
  const organizationId = items.find((p) => p.clientOrganization.name.startsWith("Nordlicht"))!.clientOrganization.id;
  const project = await ok<{ id: string }>(
    await pmContext.request.post("/api/v1/projects", {
      data: {
        organizationId,
        name: `Readiness e2e ${stamp}`,
        modules: ["Invoicing"],
        startDate: "2026-01-05",
        targetGoLiveDate: "2026-12-20",
        sizeClass: "small",
      },
    }),
  );

  // A site and a guardian, in the UI.
  await pm.goto(`/projects/${project.id}/guardians`);
  await expect(pm.getByText("No sites yet")).toBeVisible();
  const siteForm = pm.getByRole("form", { name: "Add a site" });
  await siteForm.getByLabel("Site name").fill(`Lübeck depot ${stamp}`);
  await siteForm.getByLabel("Location").fill("Lübeck");
  await siteForm.getByRole("button", { name: "Add site" }).click();
  await expect(pm.getByRole("heading", { name: new RegExp(`Lübeck depot ${stamp}`) })).toBeVisible();

  const nominate = pm.getByRole("form", { name: "Nominate a guardian" });
  await nominate.getByLabel("Person").selectOption({ label: "Greta Vogel (guardian2@demo.test)" });
  await nominate.getByLabel("Site", { exact: true }).selectOption({ label: `Lübeck depot ${stamp}` });
  await nominate.getByRole("button", { name: "Nominate guardian" }).click();
  const row = pm.getByTestId("guardian-guardian2@demo.test");
  await expect(row).toContainText("Nominated");

  // A required module and a session that took place yesterday, in the UI.
  await pm.getByRole("link", { name: "Training calendar & modules" }).click();
  const moduleForm = pm.getByRole("form", { name: "Add a training module" });
  await moduleForm.getByLabel("Kind").selectOption("usage");
  await moduleForm.getByLabel("Module name").fill("Billing usage");
  await moduleForm.getByLabel("Pass mark (0–100)").fill("70");
  await moduleForm.getByRole("button", { name: "Add module" }).click();
  await expect(moduleForm.getByRole("status")).toHaveText("Module added.");
  // Its pass-mark and material forms load when its panel opens (module-editing.tsx).
  const billingModule = pm.getByRole("listitem").filter({ has: pm.getByRole("heading", { name: "Billing usage" }) });
  await billingModule.getByText("Pass mark and materials").click();
  await expect(pm.getByRole("form", { name: "Certification rule of Billing usage" })).toBeVisible();

  const sessionForm = pm.getByRole("form", { name: "Schedule a training session" });
  await sessionForm.getByLabel("Module", { exact: true }).selectOption({ label: "Billing usage" });
  await sessionForm.getByLabel("Starts (your local time)").fill(localInput(new Date(Date.now() - 26 * 3_600_000)));
  await sessionForm.getByLabel("Duration (minutes)").fill("90");
  await sessionForm.getByLabel("On site").check();
  await sessionForm.getByLabel("Site", { exact: true }).selectOption({ label: `Lübeck depot ${stamp}` });
  await sessionForm.getByLabel("Trainer").selectOption({ label: "Paula Martins" });
  await sessionForm.getByLabel(/Greta Vogel/).check();
  await sessionForm.getByRole("button", { name: "Schedule session" }).click();
  await expect(sessionForm.getByRole("status")).toHaveText("Session scheduled.");
  await expect(pm.getByRole("heading", { name: "Past sessions (1)" })).toBeVisible();

  // A failing score: the guardian is in training, and an escalation is refused with why.
  await saveScore(pm, "Greta Vogel", "55");
  await signIn(guardian, "guardian2@demo.test");
  await guardian.goto(`/projects/${project.id}/escalations`);
  await expect(guardian.getByTestId("escalation-refusal")).toContainText(
    "Only certified guardians can raise escalations: you still need to pass Billing usage (score 55, pass mark 70).",
  );
  await expect(guardian.getByRole("form", { name: "Raise an escalation" })).toHaveCount(0);
  const refused = await guardian.request.post(`/api/v1/projects/${project.id}/escalations`, {
    data: { title: "Invoices stuck", description: "Batch halted.", severity: "high", blocking: true },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({
    code: "guardian_not_certified",
    detail: expect.stringContaining("Billing usage (score 55, pass mark 70)"),
  });

  // A passing score certifies the guardian.
  await pm.reload();
  await saveScore(pm, "Greta Vogel", "85");
  await pm.goto(`/projects/${project.id}/guardians`);
  await expect(row).toContainText("Certified");
  await expect(row).toContainText("85");

  // The calendar exports as iCalendar.
  const ics = await pmContext.request.get(`/api/v1/projects/${project.id}/training-sessions.ics`);
  expect(ics.headers()["content-type"]).toContain("text/calendar");
  expect(await ics.text()).toMatch(/BEGIN:VEVENT\r\nUID:[^\r\n]+\r\nDTSTAMP:\d{8}T\d{6}Z\r\nDTSTART:\d{8}T\d{6}Z\r\n/);

  // Now certified, the guardian raises an escalation; the vendor team sees it.
  await guardian.reload();
  const raise = guardian.getByRole("form", { name: "Raise an escalation" });
  await raise.getByLabel("Title").fill(`Meter reads missing ${stamp}`);
  await raise.getByLabel("What happened").fill("Reads from the Lübeck depot did not arrive since Monday.");
  await raise.getByLabel("Severity").selectOption("high");
  await raise.getByLabel(/Blocking/).check();
  await raise.getByRole("button", { name: "Raise escalation" }).click();
  await expect(raise.getByRole("status")).toContainText("Escalation raised");
  await pm.goto(`/projects/${project.id}/escalations`);
  await expect(pm.getByRole("heading", { name: `Meter reads missing ${stamp}` })).toBeVisible();

  await pmContext.close();
  await guardianContext.close();
});
