// The audit trail reads in people's names and filters by person.
import { expect, test } from "./fixtures";
import { storageStateOf } from "./accounts";

const RESIDENTIAL = "Nordlicht residential billing MVP";

test.use({ storageState: storageStateOf("pm") });

test("the audit trail reads a sentence with a person's name and filters by person", async ({ page }) => {
  const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(RESIDENTIAL)}`);
  const id = ((await response.json()) as { items: { id: string; name: string }[] }).items.find(
    (p) => p.name === RESIDENTIAL,
  )!.id;
  await page.goto(`/projects/${id}/audit`);
  const events = page.getByRole("list", { name: "Audit events" }).locator(":scope > li");
  await expect(events.first()).toBeVisible();
  // Names, not ids: the seeding PM appears as a sentence's subject.
  await expect(
    events.filter({ hasText: /^Paula Martins (created|submitted|planned|added|edited|decided|voted)/ }).first(),
  ).toBeVisible();

  await page.getByLabel("Person").selectOption({ label: "Olga Brandt (owner@demo.test)" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/actor=/);
  await expect(events.first()).toBeVisible();
  const sentences = await events.evaluateAll((items) => items.map((li) => li.querySelector("p")?.textContent ?? ""));
  expect(sentences.length).toBeGreaterThan(0);
  for (const sentence of sentences) expect(sentence).toMatch(/^Olga Brandt /);

  // The text search finds the same person by name.
  await page.getByRole("link", { name: "Clear" }).click();
  await page.getByLabel("Search").fill("olga");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(events.first()).toContainText("Olga Brandt");
});
