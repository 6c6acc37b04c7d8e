// Go-live, end to end in a FRESH project: members, a guardian nominated and certified through
// training, gates 7..4 passed through the gate API, homologation then production validation in
// the UI, every required signature (password re-entered), the handover, and the certificate.
// Also: a sign-off before the production run is refused with the reason, and a wrong password
// records nothing.
import { expect, test, type APIRequestContext, type Browser, type Page } from "./fixtures";
import { DEMO_PASSWORD, storageStateOf } from "./accounts";
import { signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

async function ok<T = Record<string, unknown>>(response: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> {
  if (!response.ok()) throw new Error(`${response.url()} → ${response.status()}: ${await response.text()}`);
  return (await response.json()) as T;
}

async function sessionAs(browser: Browser, account: "pm" | "owner") {
  const context = await browser.newContext({ storageState: storageStateOf(account) });
  return { context, page: await context.newPage() };
}

type Gate = { number: number; version: number; artifacts: { id: string; requirement: string; status: string }[] };

/** Gates 7..4 the way the board would pass them: versions, approvals, votes, a go decision. */
async function passGatesSevenToFour(pm: APIRequestContext, owner: APIRequestContext, projectId: string) {
  for (const number of [7, 6, 5, 4]) {
    const { items } = await ok<{ items: Gate[] }>(await pm.get(`/api/v1/projects/${projectId}/gates`));
    const gate = items.find((g) => g.number === number)!;
    for (const artifact of gate.artifacts.filter((a) => a.requirement === "must")) {
      await ok(
        await pm.post(`/api/v1/projects/${projectId}/artifacts/${artifact.id}/versions`, {
          data: { markdown: `# Evidence\nGate ${number} artifact, agreed.` },
        }),
      );
      await ok(
        await owner.post(`/api/v1/projects/${projectId}/artifacts/${artifact.id}/review`, {
          data: { decision: "approve", comment: "Fine." },
        }),
      );
    }
    await ok(await pm.post(`/api/v1/projects/${projectId}/gates/${number}/submit`, { data: {} }));
    for (const voter of [pm, owner]) {
      await ok(
        await voter.post(`/api/v1/projects/${projectId}/gates/${number}/votes`, {
          data: { vote: "go", rationale: "Objectives met." },
        }),
      );
    }
    await ok(
      await pm.post(`/api/v1/projects/${projectId}/gates/${number}/decision`, {
        data: { decision: "go", rationale: "Board agrees." },
      }),
    );
  }
}

async function optionValue(page: Page, email: string) {
  const value = await page.getByLabel("Add a member").locator("option", { hasText: email }).getAttribute("value");
  expect(value).toBeTruthy();
  return value!;
}

async function addMember(page: Page, userId: string, name: string, role: string) {
  await page.getByLabel("Add a member").selectOption(userId);
  await page.getByLabel("Project role").selectOption({ label: role });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("list", { name: `Roles of ${name}` })).toBeVisible();
}

/** A guardian records every scenario of the open run as passed, in the UI. */
async function recordAllPassed(page: Page, projectId: string) {
  await page.goto(`/projects/${projectId}/validation`);
  const forms = page.getByRole("form", { name: /^Result of/ });
  const count = await forms.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const form = forms.nth(i);
    await form.getByLabel("Pass").check();
    await form.getByRole("button", { name: "Save result" }).click();
    await expect(form.getByRole("status")).toHaveText("Saved.");
  }
}

async function ownerGivesOk(page: Page, projectId: string, environment: string) {
  await page.goto(`/projects/${projectId}/validation`);
  await page.getByRole("button", { name: "Give the OK and close the run" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Close as passed" }).click();
  await expect(page.getByRole("button", { name: "Give the OK and close the run" })).toHaveCount(0);
  const { items } = await ok<{ items: { environment: string; status: string }[] }>(
    await page.request.get(`/api/v1/projects/${projectId}/validation-runs`),
  );
  expect(items[0]).toMatchObject({ environment, status: "passed" });
}

test("go-live: from a nominated guardian to every signature, the handover and the certificate", async ({ browser }) => {
  test.setTimeout(300_000);
  const pm = await sessionAs(browser, "pm");
  const owner = await sessionAs(browser, "owner");
  const guardianContext = await browser.newContext();
  const guardian = await guardianContext.newPage();
  const stamp = Date.now().toString(36);

  // A fresh small project for Nordlicht, created by the PM through the API.
  const { items } = await ok<{ items: { clientOrganization: { id: string; name: string } }[] }>(
    await pm.context.request.get("/api/v1/projects?q=Nordlicht"),
  );
  const organizationId = items.find((p) => p.clientOrganization.name.startsWith("Nordlicht"))!.clientOrganization.id;
  const project = await ok<{ id: string }>(
    await pm.context.request.post("/api/v1/projects", {
      data: {
        organizationId,
        name: `Go-live e2e ${stamp}`,
        modules: ["Invoicing", "Meter data"],
        startDate: "2026-01-05",
        targetGoLiveDate: "2026-12-01",
        sizeClass: "small",
      },
    }),
  );
  const base = `/api/v1/projects/${project.id}`;

  // Members through the UI: the owner, the guardian and a trainer.
  await pm.page.goto(`/projects/${project.id}`);
  const ids = {
    owner: await optionValue(pm.page, "owner@demo.test"),
    guardian: await optionValue(pm.page, "guardian2@demo.test"),
    trainer: await optionValue(pm.page, "trainer@demo.test"),
  };
  await addMember(pm.page, ids.owner, "Olga Brandt", "Client owner");
  await addMember(pm.page, ids.guardian, "Greta Vogel", "Guardian");
  await addMember(pm.page, ids.trainer, "Tara Quinn", "Team member");

  // Nominate the guardian at a site and certify them through a passed training session.
  const site = await ok<{ id: string }>(
    await pm.context.request.post(`${base}/sites`, { data: { name: `Hamburg ${stamp}`, location: "Hamburg" } }),
  );
  const nominated = await ok<{ id: string }>(
    await pm.context.request.post(`${base}/guardians`, { data: { userId: ids.guardian, siteId: site.id } }),
  );
  const trainingModule = await ok<{ id: string }>(
    await pm.context.request.post(`${base}/training-modules`, {
      data: { kind: "usage", name: "Billing usage", required: true, passMark: 70 },
    }),
  );
  const session = await ok<{ id: string }>(
    await pm.context.request.post(`${base}/training-sessions`, {
      data: {
        moduleId: trainingModule.id,
        startsAt: "2026-11-02T09:00:00Z",
        durationMinutes: 120,
        mode: "remote",
        meetingUrl: "https://meet.example/lg",
        trainerId: ids.trainer,
        attendeeIds: [nominated.id],
      },
    }),
  );
  await ok(
    await pm.context.request.put(`${base}/training-sessions/${session.id}/attendance`, {
      data: { records: [{ guardianId: nominated.id, attended: true, score: 88 }] },
    }),
  );
  const roster = await ok<{ items: { id: string; status: string }[] }>(
    await pm.context.request.get(`${base}/guardians`),
  );
  expect(roster.items.find((g) => g.id === nominated.id)?.status).toBe("certified");

  await passGatesSevenToFour(pm.context.request, owner.context.request, project.id);

  // Homologation: the PM opens the run, the guardian records, the owner gives the OK.
  await pm.page.goto(`/projects/${project.id}/validation`);
  await pm.page.getByRole("button", { name: "Open homologation run" }).click();
  await expect(pm.page.getByLabel("Add a scenario")).toBeVisible();
  await signIn(guardian, "guardian2@demo.test");
  await recordAllPassed(guardian, project.id);
  await ownerGivesOk(owner.page, project.id, "homologation");

  // The PM names the signers: the owner and the certified guardian.
  await pm.page.goto(`/projects/${project.id}/go-live`);
  await pm.page.getByLabel(/guardian2@demo\.test.*certified guardian/).check();
  await pm.page.getByRole("button", { name: "Save statement and signers" }).click();
  await expect(pm.page.getByText("Saved. The signers are notified.")).toBeVisible();

  // Before the production run the signing controls are disabled, with the reason; the API refuses too.
  await owner.page.goto(`/projects/${project.id}/go-live`);
  await expect(owner.page.getByText("Still to sign:")).toBeVisible();
  await expect(owner.page.getByRole("button", { name: "Sign the acceptance" })).toBeDisabled();
  await expect(owner.page.getByText(/Still open:.*Production validation passed/)).toBeVisible();
  const refused = await owner.context.request.post(`${base}/go-live/sign-offs`, {
    data: { password: DEMO_PASSWORD, statement: "x" },
  });
  expect(refused.status()).toBe(409);
  expect(await refused.json()).toMatchObject({
    code: "go_live_not_ready",
    missing: [expect.objectContaining({ key: "production_passed" })],
  });

  // Production run.
  await pm.page.goto(`/projects/${project.id}/validation`);
  await pm.page.getByRole("button", { name: "Open production run" }).click();
  await expect(pm.page.getByLabel("Add a scenario")).toBeVisible();
  await recordAllPassed(guardian, project.id);
  await ownerGivesOk(owner.page, project.id, "production");

  const ready = await ok<{ ready: boolean; checklist: { key: string; done: boolean }[] }>(
    await owner.context.request.get(`${base}/go-live`),
  );
  expect(ready.checklist.filter((c) => !c.done)).toEqual([]);
  expect(ready.ready).toBe(true);

  // A wrong password is refused and signs nothing: the project's trail is unchanged (the refusal is the account's).
  const auditBefore = await ok<{ items: unknown[] }>(await pm.context.request.get(`${base}/audit?limit=200`));
  await owner.page.goto(`/projects/${project.id}/go-live`);
  await owner.page.getByLabel("I have read the statement above and accept it.").check();
  await owner.page.getByLabel("Your password").fill("not-the-password");
  await owner.page.getByRole("button", { name: "Sign the acceptance" }).click();
  await expect(owner.page.getByText("The password is not correct.").first()).toBeVisible();
  const afterWrong = await ok<{ signers: { signed: boolean }[] }>(await owner.context.request.get(`${base}/go-live`));
  expect(afterWrong.signers.every((s) => !s.signed)).toBe(true);
  const auditAfter = await ok<{ items: unknown[] }>(await pm.context.request.get(`${base}/audit?limit=200`));
  expect(auditAfter.items.length).toBe(auditBefore.items.length);

  // Every required signature, each with the password re-entered.
  for (const signer of [owner.page, guardian]) {
    await signer.goto(`/projects/${project.id}/go-live`);
    await signer.getByLabel("I have read the statement above and accept it.").check();
    await signer.getByLabel("Your password").fill(DEMO_PASSWORD);
    await signer.getByRole("button", { name: "Sign the acceptance" }).click();
    // Once signed, the signature form gives way to the signed row.
    await expect(signer.getByRole("heading", { name: "Your signature" })).toHaveCount(0);
  }
  await guardian.reload();
  await expect(guardian.getByText("Every required signer has signed")).toBeVisible();

  // A complete acceptance cannot be signed again or changed.
  const again = await owner.context.request.post(`${base}/go-live/sign-offs`, {
    data: { password: DEMO_PASSWORD, statement: "x" },
  });
  expect((await again.json()).code).toBe("acceptance_complete");

  // Handover: the project becomes live; implementation writes are refused from then on.
  await pm.page.goto(`/projects/${project.id}/go-live`);
  await pm.page
    .getByLabel("Support contacts")
    .fill("Vendor helpdesk <helpdesk@vendor.example>, +49 40 1234 500, 1st level");
  await pm.page.getByLabel("Open items (one per line)").fill("Dunning letter wording");
  await pm.page.getByRole("button", { name: "Record the handover" }).click();
  await pm.page.getByRole("alertdialog").getByRole("button", { name: "Hand over and go live" }).click();
  await expect(pm.page.getByText("Handed over on")).toBeVisible();
  const live = await ok<{ status: string }>(await pm.context.request.get(base));
  expect(live.status).toBe("live");
  const lateEdit = await pm.context.request.post(`${base}/validation-runs`, { data: { environment: "homologation" } });
  expect(lateEdit.status()).toBe(409);
  expect((await lateEdit.json()).code).toBe("project_read_only");

  // The certificate lists both signers with the statement hash and the audit head at signing.
  await owner.page.goto(`/projects/${project.id}/go-live/certificate`);
  await expect(owner.page.getByRole("heading", { name: "Go-live acceptance certificate" })).toBeVisible();
  await expect(owner.page.getByText(/^Complete/)).toBeVisible();
  await expect(owner.page.getByText("owner@demo.test")).toBeVisible();
  await expect(owner.page.getByText("guardian2@demo.test")).toBeVisible();
  // Each signer's head, and the signed checkpoint of the chain when the last one signed.
  await expect(owner.page.getByText("Audit head at signing")).toHaveCount(3);
  await expect(owner.page.getByRole("heading", { name: "Audit head at signing" })).toBeVisible();
  await expect(owner.page.getByText(/--head \d+:[0-9a-f]{64}/).first()).toBeVisible();

  await Promise.all([pm.context.close(), owner.context.close(), guardianContext.close()]);
});

test("another organisation's client cannot see a project's go-live", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateOf("otherViewer") });
  const { items } = await ok<{ items: { id: string }[] }>(await context.request.get("/api/v1/projects?limit=200"));
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const all = await ok<{ items: { id: string; name: string }[] }>(
    await admin.request.get("/api/v1/projects?q=wholesale"),
  );
  const wholesale = all.items[0];
  expect(items.map((p) => p.id)).not.toContain(wholesale.id);
  expect((await context.request.get(`/api/v1/projects/${wholesale.id}/go-live`)).status()).toBe(404);
  expect(
    (
      await context.request.post(`/api/v1/projects/${wholesale.id}/go-live/sign-offs`, {
        data: { password: DEMO_PASSWORD, statement: "x" },
      })
    ).status(),
  ).toBe(404);
  await Promise.all([context.close(), admin.close()]);
});
