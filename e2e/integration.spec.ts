// Integration registry and concept diagram, data migration: main paths and main refusals.
// Each test works in a project it creates itself, except the read-only client-viewer checks.
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

const RESIDENTIAL = "Nordlicht residential billing MVP";
const EVIL = "<img src=x onerror=alert(1)>";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function projectByName(request: APIRequestContext, name: string) {
  const response = await request.get(`/api/v1/projects?q=${encodeURIComponent(name)}`);
  expect(response.ok()).toBe(true);
  return (await response.json()).items.find((p: { name: string }) => p.name === name) as {
    id: string;
    clientOrganization: { id: string };
  };
}

async function freshProject(request: APIRequestContext, name: string): Promise<string> {
  const nordlicht = await projectByName(request, RESIDENTIAL);
  const response = await request.post("/api/v1/projects", {
    data: {
      organizationId: nordlicht.clientOrganization.id,
      name,
      startDate: "2026-01-05",
      targetGoLiveDate: "2027-03-01",
      sizeClass: "standard",
      modules: ["Invoicing"],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id;
}

function failOnDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

test.describe("integration registry as the project manager", () => {
  test.use({ storageState: storageStateOf("pm") });

  test(
    "registers systems and interfaces; the diagram is drawn " + "from them, names as text; download, export, freeze",
    async ({ page }) => {
      const dialogs = failOnDialogs(page);
      const tag = unique();
      const projectId = await freshProject(page.request, `Integration e2e ${tag}`);
      const crm = `Salesforce ${tag}`;

      await page.goto(`/projects/${projectId}/integration`);
      await expect(page.getByText("No external systems yet")).toBeVisible();

      // A system through the form…
      const addSystem = page.getByRole("form", { name: "Add a system" });
      await addSystem.getByLabel("Name").fill(crm);
      await addSystem.getByLabel("Kind").selectOption("crm");
      await addSystem.getByRole("button", { name: "Add system" }).click();
      await expect(page.getByRole("cell", { name: crm, exact: true })).toBeVisible();

      // …a duplicate is refused next to the field…
      await addSystem.getByLabel("Name").fill(crm.toUpperCase());
      await addSystem.getByLabel("Kind").selectOption("crm");
      await addSystem.getByRole("button", { name: "Add system" }).click();
      await expect(addSystem.getByText("A system with this name is already registered on this project.")).toBeVisible();

      // …and one with a hostile name through the API.
      const evil = await page.request.post(`/api/v1/projects/${projectId}/systems`, {
        data: { name: EVIL, kind: "other" },
      });
      expect(evil.status()).toBe(201);
      const evilId = (await evil.json()).id;
      const viaApi = await page.request.post(`/api/v1/projects/${projectId}/interfaces`, {
        data: {
          systemId: evilId,
          name: `Hostile feed ${tag}`,
          direction: "outbound",
          protocol: "sftp",
          frequency: "daily 02:00",
        },
      });
      expect(viaApi.status()).toBe(201);

      await page.reload();
      const addInterface = page.getByRole("form", { name: "Add an interface" });
      await addInterface.getByLabel("System").selectOption({ label: crm });
      await addInterface.getByLabel("Interface name").fill(`Customer sync ${tag}`);
      await addInterface.getByLabel("Direction").selectOption("bidirectional");
      await addInterface.getByLabel("Protocol").selectOption("kafka");
      await addInterface.getByLabel("Frequency").fill("real time");
      await addInterface.getByRole("button", { name: "Add interface" }).click();
      await expect(page.getByRole("cell", { name: `Customer sync ${tag}`, exact: true })).toBeVisible();

      // The diagram: an SVG drawn from the registry, every name as text.
      const diagram = page.getByTestId("mermaid-diagram");
      await expect(diagram.locator("svg")).toBeVisible();
      // Long labels wrap into several <tspan>s, so compare the text without whitespace.
      const squashed = (text: string) => text.replace(/\s+/g, "");
      await expect
        .poll(async () => squashed((await diagram.locator("svg").textContent()) ?? ""))
        .toContain(squashed(`Customer sync ${tag}`));
      const drawn = squashed((await diagram.locator("svg").textContent()) ?? "");
      for (const name of [crm, EVIL, `Hostile feed ${tag}`, "Billing platform", "daily 02:00"])
        expect(drawn).toContain(squashed(name));
      expect(drawn).not.toContain("&#");
      await expect(diagram.locator("img")).toHaveCount(0);
      await expect(page.locator("img[src='x']")).toHaveCount(0);

      // The API returns the same source, generated, escaped.
      const source = await page.request.get(`/api/v1/projects/${projectId}/integration-diagram`);
      const { mermaid } = await source.json();
      expect(mermaid).toMatch(/^flowchart LR/);
      expect(mermaid).not.toContain("<img");

      // Forward one step with the button; skipping a step is refused by the API.
      await page.getByRole("button", { name: `Developed (Customer sync ${tag})` }).click();
      await expect(
        page.getByRole("row", { name: new RegExp(`Customer sync ${tag}`) }).getByText("Developed", { exact: true }),
      ).toBeVisible();
      const interfaces = (await (await page.request.get(`/api/v1/projects/${projectId}/interfaces`)).json()).items as {
        id: string;
        name: string;
      }[];
      const sync = interfaces.find((i) => i.name === `Customer sync ${tag}`)!;
      const skip = await page.request.post(`/api/v1/projects/${projectId}/interfaces/${sync.id}/status`, {
        data: { to: "live" },
      });
      expect(skip.status()).toBe(409);
      expect((await skip.json()).code).toBe("interface_skips_a_step");

      // Download the rendered SVG.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Download SVG" }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.svg$/);
      const svgText = readFileSync((await download.path())!, "utf8");
      expect(svgText).toContain("<svg");
      const svgWords = squashed(svgText.replace(/<[^>]+>/g, ""));
      expect(svgWords).toContain(squashed(crm));
      // The hostile name is text in the file too: escaped as &lt;img, never an element.
      expect(svgWords).toContain(squashed("&lt;img src=x onerror=alert(1)&gt;"));
      expect(svgText).not.toContain("<img");

      // Exports with a safe Content-Disposition.
      const csv = await page.request.get(`/api/v1/projects/${projectId}/interfaces/export?format=csv`);
      expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="interfaces-.*\.csv"$/);
      expect(await csv.text()).toContain(`"Customer sync ${tag}"`);
      const md = await page.request.get(`/api/v1/projects/${projectId}/interfaces/export?format=markdown`);
      expect(md.headers()["content-type"]).toContain("text/markdown");

      // Freeze into gate 6.
      await page.getByRole("button", { name: "Freeze into gate 6" }).click();
      await page.getByRole("alertdialog").getByRole("button", { name: "Freeze as new version" }).click();
      await expect(page.getByText("Frozen as version 1 of the gate-6 artifact.")).toBeVisible();
      const gates = await page.request.get(`/api/v1/projects/${projectId}/gates`);
      expect(gates.ok()).toBe(true);
      const gate6 = (await gates.json()).items.find((g: { number: number }) => g.number === 6);
      const artifact = gate6.artifacts.find((a: { type: string }) => a.type === "integration_concept_diagram");
      expect(artifact).toMatchObject({ status: "submitted", latestVersion: expect.objectContaining({ number: 1 }) });

      expect(dialogs).toEqual([]);
    },
  );

  test("migration: a wave needs a passed rehearsal before production; runs reconcile", async ({ page }) => {
    const projectId = await freshProject(page.request, `Migration e2e ${unique()}`);
    const wave = await page.request.post(`/api/v1/projects/${projectId}/migration-waves`, {
      data: {
        name: "Wave 1 residential",
        segment: "Residential",
        sourceSystem: "Legacy CIS",
        plannedDate: "2027-01-10",
      },
    });
    expect(wave.status()).toBe(201);
    const waveId = (await wave.json()).id;
    const today = new Date().toISOString().slice(0, 10);
    const production = await page.request.post(`/api/v1/projects/${projectId}/migration-waves/${waveId}/runs`, {
      data: { kind: "production", ranOn: today, extracted: 100, loaded: 100, rejected: 0 },
    });
    expect(production.status()).toBe(409);
    expect((await production.json()).code).toBe("rehearsal_not_passed");
    const tooMany = await page.request.post(`/api/v1/projects/${projectId}/migration-waves/${waveId}/runs`, {
      data: { kind: "rehearsal", ranOn: today, extracted: 100, loaded: 90, rejected: 20 },
    });
    expect(tooMany.status()).toBe(422);

    await page.goto(`/projects/${projectId}/migration`);
    await page.getByRole("button", { name: "Record a run of Wave 1 residential" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Records extracted").fill("1000");
    await dialog.getByLabel("Records loaded").fill("995");
    await dialog.getByLabel("Records rejected").fill("5");
    await dialog.getByRole("button", { name: "Record run" }).click();
    await expect(page.getByText("Ready to migrate")).toBeVisible();
    await expect(page.getByRole("table", { name: "Runs of Wave 1 residential" })).toContainText("1,000");
  });
});

test.describe("integration registry as a client viewer", () => {
  test.use({ storageState: storageStateOf("viewer") });

  test("reads the registry and the diagram without edit controls; the API refuses writes with 403", async ({
    page,
  }) => {
    const project = await projectByName(page.request, RESIDENTIAL);
    await page.goto(`/projects/${project.id}/integration`);
    await expect(page.getByTestId("mermaid-diagram").locator("svg")).toBeVisible();
    await expect(page.getByTestId("mermaid-diagram")).toContainText("Salesforce Service Cloud");
    await expect(page.getByRole("form", { name: "Add a system" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Freeze into gate 6" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Edit/ })).toHaveCount(0);
    const refused = await page.request.post(`/api/v1/projects/${project.id}/systems`, {
      data: { name: "Shadow IT", kind: "other" },
    });
    expect(refused.status()).toBe(403);
    const wave = await page.request.post(`/api/v1/projects/${project.id}/migration-waves`, {
      data: { name: "x", segment: "x", sourceSystem: "x", plannedDate: "2027-01-01" },
    });
    expect(wave.status()).toBe(403);

    await page.goto(`/projects/${project.id}/migration`);
    await expect(page.getByRole("table", { name: "RACI matrix of migration activities" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save RACI" })).toHaveCount(0);
  });
});

test.describe("another organisation's client", () => {
  test.use({ storageState: storageStateOf("otherViewer") });

  test("gets 404 for the registry, the diagram and the migration waves", async ({ page, browser }) => {
    const pm = await browser.newContext({ storageState: storageStateOf("pm") });
    const project = await projectByName(pm.request, RESIDENTIAL);
    await pm.close();
    for (const path of ["systems", "interfaces", "integration-diagram", "migration-waves"]) {
      const response = await page.request.get(`/api/v1/projects/${project.id}/${path}`);
      expect(response.status(), path).toBe(404);
    }
    const write = await page.request.post(`/api/v1/projects/${project.id}/systems`, {
      data: { name: "x", kind: "crm" },
    });
    expect(write.status()).toBe(404);
  });
});
