// Uploads encrypted at rest, in the built app: a file added as an artifact version in the UI is stored
// sealed (its text is nowhere in the uploads folder), downloads byte-identical through the page's
// link, and once a byte of the stored file is flipped the download is refused with a clear message,
// on the page next to the link too.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { storageStateOf } from "./accounts";
import { expect, request as playwrightRequest, test } from "./fixtures";
import { createProject } from "./projects-api";

const uploadsFolder = path.resolve(process.env.E2E_DATA_DIR || "e2e/.data", "uploads");
const storedFiles = () => new Set(readdirSync(uploadsFolder).filter((name) => !name.startsWith(".")));

test.describe("uploads at rest", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("an artifact version is stored sealed, downloads byte-identical, and an altered file is refused", async ({
    page,
    baseURL,
  }) => {
    const pm = await playwrightRequest.newContext({ baseURL, storageState: storageStateOf("pm") });
    const { id: projectId } = await createProject(pm, "E2E at rest");

    const marker = `Confidential tariff table ${Date.now()}`;
    const pdf = Buffer.from(
      `%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    );
    const before = storedFiles();
    await page.goto(`/projects/${projectId}/gates/7`);
    await page.getByRole("button", { name: /^Add version of Implementation concept/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog
      .getByLabel("File", { exact: true })
      .setInputFiles({ name: "tariff-concept.pdf", mimeType: "application/pdf", buffer: pdf });
    await dialog.getByRole("button", { name: "Add version", exact: true }).click();
    await expect(dialog).toBeHidden();

    // One new file in the uploads folder, and it does not hold the document's text.
    const added = [...storedFiles()].filter((name) => !before.has(name));
    expect(added).toHaveLength(1);
    const stored = path.join(uploadsFolder, added[0]);
    expect(readFileSync(stored).includes(Buffer.from(marker))).toBe(false);

    // The page's download link hands back exactly the uploaded bytes.
    await page.getByText(/^History: 1 version/).click();
    const link = page.getByRole("link", { name: "Download tariff-concept.pdf" });
    const downloading = page.waitForEvent("download");
    await link.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("tariff-concept.pdf");
    expect(Buffer.concat(await (await download.createReadStream()).toArray()).equals(pdf)).toBe(true);

    // Someone alters the stored file: the download is refused, saying why, in the reader's language.
    const bytes = readFileSync(stored);
    bytes[bytes.length - 3] ^= 0x01;
    writeFileSync(stored, bytes);
    const fileUrl = (await link.getAttribute("href"))!;
    const refused = await page.request.get(fileUrl);
    expect(refused.status()).toBe(409);
    expect(refused.headers()["content-type"]).toContain("application/problem+json");
    expect(await refused.json()).toMatchObject({
      code: "upload_tampered",
      detail: expect.stringContaining("This file was altered after it was stored"),
    });
    const spanish = await page.request.get(fileUrl, { headers: { "accept-language": "es" } });
    expect((await spanish.json()).detail).toContain("Este archivo se modificó después de guardarse");

    // On the page, the same link says so next to itself instead of leaving a failed download.
    let downloads = 0;
    page.on("download", () => downloads++);
    await link.click();
    await expect(
      page.getByRole("alert").filter({ hasText: "This file was altered after it was stored" }),
    ).toBeVisible();
    expect(downloads).toBe(0);
    const dir = process.env.SCREENSHOT_DIR;
    if (dir) {
      await link.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${dir}/upload-tampered-1366.png` });
      await page.setViewportSize({ width: 390, height: 844 });
      await link.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${dir}/upload-tampered-390.png` });
    }

    // Each refusal (two by the API, one by the page) is in the project's audit trail, with who asked.
    const trail = await pm.get(`/api/v1/projects/${projectId}/audit`);
    expect(trail.status()).toBe(200);
    const events = ((await trail.json()).items as { action: string; actor: { email: string } | null }[]).filter(
      (event) => event.action === "upload.tamper_detected",
    );
    expect(events).toHaveLength(3);
    expect(events[0].actor?.email).toBe("pm@demo.test");
  });
});
