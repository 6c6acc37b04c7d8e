// Webhooks, main path and main refusals: a PM registers an endpoint for their project in the UI,
// copies the secret shown once, sends a test event that reaches a receiver this spec runs on
// 127.0.0.1 (the e2e server allows private targets) and verifies with that secret, and sees it in
// the delivery log. A non-http URL in the form and an unknown event type in the API are refused
// with the field's message.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { storageStateOf } from "./accounts";

type Received = { headers: IncomingHttpHeaders; body: string };
let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** Where to save screenshots of the screens (a folder), when asked to. */
const SHOTS = process.env.WEBHOOKS_SHOTS_DIR;

test.beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/lightgate`;
});
test.afterAll(async () => {
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

async function freshProject(request: APIRequestContext): Promise<string> {
  const list = await request.get(`/api/v1/projects?q=${encodeURIComponent("Nordlicht residential billing MVP")}`);
  const nordlicht = (await list.json()).items[0] as { clientOrganization: { id: string } };
  const response = await request.post("/api/v1/projects", {
    data: {
      organizationId: nordlicht.clientOrganization.id,
      name: `Webhooks ${unique()}`,
      startDate: "2026-01-05",
      targetGoLiveDate: "2027-03-01",
      sizeClass: "standard",
      modules: ["Invoicing"],
    },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).id as string;
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test.describe("webhooks", () => {
  test.use({ storageState: storageStateOf("pm"), permissions: ["clipboard-read", "clipboard-write"] });

  test("a PM registers an endpoint, sends a test event that verifies with the secret shown once", async ({
    page,
    request,
  }) => {
    const projectId = await freshProject(request);
    await page.goto(`/projects/${projectId}/webhooks`);
    await expect(page.getByRole("heading", { name: "Webhooks", exact: true })).toBeVisible();
    await expect(page.getByText("No webhooks yet")).toBeVisible();
    await shoot(page, "webhooks-empty");

    const form = page.getByRole("form", { name: "Register an endpoint" });
    await form.getByLabel("Endpoint URL").fill(receiverUrl);
    await form.getByLabel("Description").fill("CRM sync");
    await expect(form.getByLabel("All events, including those added later")).toBeChecked();
    await form.getByRole("button", { name: "Register" }).click();

    const panel = page.getByTestId("webhook-secret");
    await expect(panel).toContainText("you will not see it again");
    const secret = await panel.getByRole("textbox").inputValue();
    expect(secret).toMatch(/^whsec_/);
    await shoot(page, "webhooks-secret-once");
    await expect(panel.getByLabel("Signing secret")).toHaveValue(secret);
    await panel.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(panel.getByRole("status")).toHaveText("Copied to the clipboard.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await panel.getByRole("button", { name: "I have stored the secret" }).click();
    await expect(panel).toBeHidden();

    const row = page.getByRole("row").filter({ hasText: receiverUrl });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("All events");
    // The list of the API says the same, and never the secret.
    const listed = await (await request.get(`/api/v1/webhooks?projectId=${projectId}`)).text();
    expect(listed).toContain(receiverUrl);
    expect(listed).not.toContain(secret);

    await row.getByRole("link", { name: receiverUrl }).click();
    await expect(page.getByText("Nothing was sent to this endpoint yet")).toBeVisible();
    const before = received.length;
    await page.getByRole("button", { name: "Send a test event" }).click();
    await expect(page.getByRole("status")).toContainText("Test event queued");

    await expect.poll(() => received.length, { timeout: 15_000 }).toBeGreaterThan(before);
    const delivery = received[received.length - 1];
    const payload = new Webhook(secret).verify(delivery.body, delivery.headers as Record<string, string>) as {
      type: string;
      data: { url: string };
    };
    expect(payload.type).toBe("webhook.test");
    expect(payload.data.url).toBe(receiverUrl);
    expect(delivery.headers["user-agent"]).toBe("Lightgate-Webhooks/1");

    await expect(async () => {
      await page.reload();
      const logged = page.getByTestId("webhook-delivery").first();
      await expect(logged).toContainText("webhook.test", { timeout: 1_000 });
      await expect(logged).toContainText("Delivered", { timeout: 1_000 });
      await expect(logged).toContainText("204", { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByRole("button", { name: /^Resend webhook\.test/ })).toBeVisible();
    await shoot(page, "webhooks-deliveries");
  });

  test("a non-http URL is refused on its field, and an unknown event type by the API", async ({ page, request }) => {
    const projectId = await freshProject(request);
    await page.goto(`/projects/${projectId}/webhooks`);
    const form = page.getByRole("form", { name: "Register an endpoint" });
    const url = form.getByLabel("Endpoint URL");
    await url.fill("ftp://files.example.com/drop");
    await form.getByRole("button", { name: "Register" }).click();
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(form.getByText("Enter the full http:// or https:// address of the endpoint")).toBeVisible();
    await expect(page.getByTestId("webhook-secret")).toHaveCount(0);

    const refused = await request.post("/api/v1/webhooks", {
      data: { url: receiverUrl, events: ["gate.submitted", "gate.exploded"], projectId },
    });
    expect(refused.status()).toBe(422);
    const problem = await refused.json();
    expect(problem.errors.events[0]).toBe("Unknown event type: gate.exploded.");
    const list = await (await request.get(`/api/v1/webhooks?projectId=${projectId}`)).json();
    expect(list.items).toEqual([]);
  });
});
