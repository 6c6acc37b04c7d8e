// Iterative delivery: plan a sprint, deliver it to its quality standard, the client owner accepts
// it (milestone billable, a new point on the estimate trail); and the refusal with what is missing.
import { expect, test, type APIRequestContext, type Browser, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

test.use({ storageState: storageStateOf("pm") });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- API bodies are checked by the assertions.
async function ok(response: Awaited<ReturnType<APIRequestContext["post"]>>, status = [200, 201]): Promise<any> {
  if (!status.includes(response.status()))
    throw new Error(`${response.url()} → ${response.status()}: ${await response.text()}`);
  return response.json();
}

/** A fresh project of the owner's organisation, with owner@demo.test as its client owner (added in the members UI). */
async function freshProject(page: Page, label: string) {
  const list = await ok(await page.request.get(`/api/v1/projects?q=${encodeURIComponent("Nordlicht residential")}`));
  const organizationId = list.items[0].clientOrganization.id as string;
  const project = await ok(
    await page.request.post("/api/v1/projects", {
      data: {
        organizationId,
        name: `${label} ${Date.now()}`,
        startDate: "2026-01-05",
        targetGoLiveDate: "2027-06-30",
        sizeClass: "small",
        modules: ["Invoicing"],
      },
    }),
  );
  await page.goto(`/projects/${project.id}`);
  const select = page.getByLabel("Add a member");
  const value = await select.locator("option", { hasText: "owner@demo.test" }).getAttribute("value");
  await select.selectOption(value!);
  await page.getByLabel("Project role").selectOption({ label: "Client owner" });
  await page.getByRole("button", { name: "Add", exact: true }).click();
  await expect(page.getByRole("list", { name: /^Roles of / }).filter({ hasText: "Client owner" })).toBeVisible();
  const release = await ok(
    await page.request.post(`/api/v1/projects/${project.id}/releases`, {
      data: { name: "MVP", scope: "Residential tariffs" },
    }),
  );
  const items = [];
  for (const [title, estimateDays] of [
    ["Tariff catalogue", 3],
    ["E-invoice output", 4],
  ] as const) {
    items.push(
      await ok(
        await page.request.post(`/api/v1/projects/${project.id}/scope-items`, {
          data: { title, category: "configuration", priority: "must", estimateDays, releaseId: release.id },
        }),
      ),
    );
  }
  await ok(await page.request.post(`/api/v1/projects/${project.id}/scope-baselines`, { data: {} }), [403]);
  return { projectId: project.id as string, itemIds: items.map((i) => i.id as string) };
}

async function asOwner(browser: Browser) {
  const context = await browser.newContext({ storageState: storageStateOf("owner") });
  return { context, page: await context.newPage() };
}

test("plan, deliver and accept a sprint: the milestone becomes billable and the estimate trail gains a point", async ({
  page,
  browser,
}) => {
  const { projectId } = await freshProject(page, "Delivery e2e");

  // Plan in the UI: committed items are summed against the capacity as they are ticked.
  await page.goto(`/projects/${projectId}/sprints`);
  const planner = page.getByRole("region", { name: "Plan a sprint" });
  await planner.getByLabel("Sprint goal").fill("Tariffs and e-invoices in production");
  await planner.getByLabel("Capacity (person-days)").fill("5");
  await planner.getByLabel(/Tariff catalogue/).check();
  await planner.getByLabel(/E-invoice output/).check();
  await expect(
    planner.getByText("Committed 7 of 5 person-days: over capacity, the plan will be refused."),
  ).toBeVisible();
  await planner.getByRole("button", { name: "Plan sprint" }).click();
  await expect(planner.getByText(/exceeds the sprint's capacity/).first()).toBeVisible();
  await planner.getByLabel("Capacity (person-days)").fill("10");
  await planner.getByRole("button", { name: "Plan sprint" }).click();
  await expect(planner.getByText("Sprint 1 planned.")).toBeVisible();
  await planner.getByRole("link", { name: "Open sprint 1" }).click();

  await expect(page.getByRole("heading", { name: /Sprint 1/ })).toBeVisible();
  await page.getByRole("button", { name: "Start sprint" }).click();
  await expect(page.getByRole("heading", { name: /Sprint 1/ })).toContainText("Active");

  // The quality engineer's panel: the recommended standard with its reasons, then evidence.
  const panel = page.getByRole("region", { name: "Quality standard" });
  await panel.getByLabel("Size of the change").selectOption("small");
  const recommendation = panel.getByRole("region", { name: "Recommendation" });
  await expect(recommendation).toContainText("QS0");
  await expect(recommendation).toContainText("Small change: one area touched");
  await panel.getByLabel("Chosen level").selectOption("QS0");
  await panel.getByRole("button", { name: "Choose quality standard" }).click();
  await expect(panel.getByText("Quality standard saved.")).toBeVisible();
  for (const activity of ["Peer review", "Smoke test"]) {
    await panel.getByRole("button", { name: `Record evidence for ${activity}` }).click();
    const dialog = page.getByRole("dialog", { name: `Evidence: ${activity}` });
    await dialog.getByLabel("Link to the report").fill(`https://ci.example.test/${activity.replace(" ", "-")}/1`);
    await dialog.getByRole("button", { name: "Record evidence" }).click();
    await expect(dialog).toBeHidden();
  }

  // The production deployment, then the review.
  const deployments = page.getByRole("region", { name: "Deployments" });
  await deployments.getByLabel("Version").fill("2026.1.0");
  await deployments.getByLabel("Environment").selectOption("production");
  await deployments.getByRole("button", { name: "Record deployment" }).click();
  await expect(deployments.getByRole("cell", { name: "2026.1.0" })).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("heading", { name: /Sprint 1/ })).toContainText("In review");
  const trailBefore = (await ok(await page.request.get(`/api/v1/projects/${projectId}/estimates`))).points.length;

  // The client owner accepts.
  const owner = await asOwner(browser);
  const sprints = await ok(await owner.page.request.get(`/api/v1/projects/${projectId}/sprints`));
  await owner.page.goto(`/projects/${projectId}/sprints/${sprints.items[0].id}`);
  const acceptance = owner.page.getByRole("region", { name: "Client acceptance" });
  await expect(acceptance).toContainText("Evidence and production deployment are complete.");
  await acceptance.getByLabel("Comment (required to reject)").fill("Tariffs and e-invoices verified.");
  await acceptance.getByRole("button", { name: "Accept sprint" }).click();
  await owner.page.getByRole("alertdialog").getByRole("button", { name: "Accept sprint" }).click();
  await expect(owner.page.getByRole("heading", { name: /Sprint 1/ })).toContainText("Accepted");
  await expect(acceptance).toContainText("Billable");

  // Billable at the accepted scope; one more point on the estimate trail.
  await owner.page.goto(`/projects/${projectId}/billing`);
  await expect(
    owner.page.getByRole("table", { name: "Payment milestones" }).getByRole("row", { name: /Sprint 1/ }),
  ).toContainText("Billable");
  await owner.context.close();

  const trail = await ok(await page.request.get(`/api/v1/projects/${projectId}/estimates`));
  expect(trail.points.length).toBe(trailBefore + 1);
  expect(trail.points.at(-1)).toMatchObject({ kind: "sprint_close", label: "Sprint 1", doneDays: 7, remainingDays: 0 });
  await page.goto(`/projects/${projectId}/sprints`);
  await expect(
    page.getByRole("table", { name: "Estimate snapshots" }).getByRole("row", { name: /Sprint 1/ }),
  ).toBeVisible();
  await expect(
    page.getByRole("table", { name: "Sprints of this project" }).getByRole("row", { name: /Sprint 1/ }),
  ).toContainText("Billable");
});

test("the client owner's acceptance is refused with the list of what is missing", async ({ page, browser }) => {
  const { projectId, itemIds } = await freshProject(page, "Delivery refusal e2e");
  const sprint = await ok(
    await page.request.post(`/api/v1/projects/${projectId}/sprints`, {
      data: {
        goal: "Dunning letters",
        startDate: "2026-02-02",
        endDate: "2026-02-13",
        capacityDays: 8,
        scopeItemIds: itemIds,
      },
    }),
  );
  await ok(await page.request.post(`/api/v1/projects/${projectId}/sprints/${sprint.id}/start`, { data: {} }));
  await ok(await page.request.post(`/api/v1/projects/${projectId}/sprints/${sprint.id}/review`, { data: {} }));

  const owner = await asOwner(browser);
  await owner.page.goto(`/projects/${projectId}/sprints/${sprint.id}`);
  const acceptance = owner.page.getByRole("region", { name: "Client acceptance" });
  const missing = acceptance.getByRole("list", { name: "Missing for acceptance" });
  await expect(missing).toContainText("Production deployment record");
  await acceptance.getByRole("button", { name: "Accept sprint" }).click();
  await owner.page.getByRole("alertdialog").getByRole("button", { name: "Accept sprint" }).click();
  await expect(acceptance.getByRole("alert")).toContainText("The sprint cannot be accepted yet");
  await expect(acceptance.getByRole("alert")).toContainText("Production deployment record");
  await expect(owner.page.getByRole("heading", { name: /Sprint 1/ })).toContainText("In review");

  // The API says the same, with the missing items as data.
  const refused = await owner.page.request.post(`/api/v1/projects/${projectId}/sprints/${sprint.id}/acceptance`, {
    data: { decision: "accept" },
  });
  expect(refused.status()).toBe(409);
  const problem = await refused.json();
  expect(problem.code).toBe("sprint_acceptance_incomplete");
  expect(problem.missing.map((m: { key: string }) => m.key)).toContain("production_deployment");
  expect(problem.missing.length).toBeGreaterThan(1);

  // Only the client owner decides; the PM is refused.
  const byPm = await page.request.post(`/api/v1/projects/${projectId}/sprints/${sprint.id}/acceptance`, {
    data: { decision: "accept" },
  });
  expect(byPm.status()).toBe(403);
  const milestones = await ok(await owner.page.request.get(`/api/v1/projects/${projectId}/milestones`));
  expect(milestones.items[0].status).toBe("pending");
  await owner.context.close();
});
