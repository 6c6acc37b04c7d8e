// The language of a page: the account's own language once signed in (set in Settings or by the
// account menu's switch), else the browser's Accept-Language, else English. Date-times read in the
// account's time zone. URLs do not change with the language.
import { expect, test, type Page } from "./fixtures";
import { DEMO_PASSWORD } from "./accounts";
import { signIn } from "./sign-in";

const RESIDENTIAL = "Nordlicht residential billing MVP";

/** Signs in through the form by its fields' names, which do not change with the language. */
async function signInAnyLanguage(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

const SIGN_IN_TEXT = {
  en: "Sign in to govern your billing-platform rollouts",
  es: "Inicie sesión para gobernar las implantaciones de su plataforma de facturación",
  pl: "Zaloguj się, aby zarządzać wdrożeniami platformy rozliczeniowej",
};

test.describe("the language of the sign-in page follows Accept-Language", () => {
  for (const [header, lang] of [
    ["es", "es"],
    ["es-MX,es;q=0.9,en;q=0.8", "es"],
    ["pl", "pl"],
    ["de", "en"],
    ["xx-garbage;;q=", "en"],
  ] as const) {
    test(`Accept-Language: ${header} answers ${lang}`, async ({ request }) => {
      const response = await request.get("/sign-in", { headers: { "Accept-Language": header } });
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(SIGN_IN_TEXT[lang]);
      for (const other of Object.values(SIGN_IN_TEXT).filter((text) => text !== SIGN_IN_TEXT[lang]))
        expect(html).not.toContain(other);
    });
  }
});

test("a Polish browser sees the sign-in form in Polish", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pl-PL" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await expect(page.getByLabel("Adres e-mail")).toBeVisible();
  await expect(page.getByLabel("Hasło")).toBeVisible();
  await page.getByRole("button", { name: "Zaloguj się", exact: true }).click();
  await expect(page.getByText("Podaj adres e-mail i hasło.")).toBeVisible();
  await context.close();
});

// A PM of its own: the switch saves the account's language, and a spec running at the same time that
// signs in fresh as pm@demo.test must not find it Polish.
const SWITCHER = "pm2@demo.test";

test("a PM switches to Polski in the account menu and the navigation turns Polish", async ({ browser }) => {
  // Two browsers and a dozen page loads, each checked with axe: more than the default budget on a busy machine.
  test.slow();
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, SWITCHER);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("button", { name: /^Account: / }).click();
  await page.getByRole("button", { name: "Polski" }).click();

  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  const nav = page.getByRole("navigation", { name: "Główna" });
  await expect(nav.getByRole("link", { name: "Pulpit" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Projekty" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Moje przeglądy" })).toBeVisible();
  await expect(page).toHaveURL(/\/projects$/);

  const cookie = (await context.cookies()).find((c) => c.name === "lightgate-locale");
  expect(cookie?.value).toBe("pl");
  expect(cookie?.sameSite).toBe("Lax");
  const yearFromNow = Date.now() / 1000 + 365 * 24 * 3600;
  expect(Math.abs((cookie?.expires ?? 0) - yearFromNow)).toBeLessThan(3600);

  // The choice outlives the page: a new page of the same session is Polish, the account menu too.
  await page.goto("/dashboard");
  await expect(page.getByRole("navigation", { name: "Główna" })).toBeVisible();
  await page.getByRole("button", { name: /^Konto: / }).click();
  await expect(page.getByRole("link", { name: "Ustawienia i tokeny API" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Polski" })).toHaveAttribute("aria-current", "true");

  // The switch saved the account's language: a fresh sign-in on another browser starts in Polish.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signInAnyLanguage(other, SWITCHER);
  await expect(other.locator("html")).toHaveAttribute("lang", "pl");
  await elsewhere.close();

  // And back: English is exactly as before.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  await context.close();
});

test("the Spanish demo account signs in to Spanish pages without any cookie from the test", async ({ browser }) => {
  test.slow();
  // An English browser: only the account's own language can make the pages Spanish.
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await signInAnyLanguage(page, "pm.es@demo.test");
  expect((await context.cookies()).find((c) => c.name === "lightgate-locale")?.value).toBe("es");

  await page.goto("/dashboard");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const nav = page.getByRole("navigation", { name: "Principal" });
  await expect(nav.getByRole("link", { name: "Panel" })).toHaveAttribute("aria-current", "page");

  await page.goto("/projects");
  await expect(page.getByRole("heading", { name: "Proyectos", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: RESIDENTIAL }).click();
  await expect(page.getByRole("heading", { name: "Sobre esta implantación" })).toBeVisible();
  const overview = new URL(page.url()).pathname;

  await page.goto(`${overview}/gates/4`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  const sections = page.getByRole("navigation", { name: "Secciones del proyecto" });
  await expect(sections.getByRole("link", { name: "Gobernanza" })).toHaveAttribute("aria-current", "true");

  await page.goto(`${overview}/go-live`);
  await expect(sections.getByRole("link", { name: "Puesta en producción" })).toHaveAttribute("aria-current", "page");
  await context.close();
});

test.describe("the time zone in Settings", () => {
  test.describe.configure({ mode: "serial" });

  test("an unknown zone is refused on the field and nothing is saved; Europe/Warsaw changes how times read", async ({
    browser,
  }) => {
    const context = await browser.newContext({ timezoneId: "UTC" });
    const page = await context.newPage();
    await signInAnyLanguage(page, "pm.pl@demo.test");
    await page.goto("/settings");
    await expect(page.getByRole("heading", { name: "Ustawienia", level: 1 })).toBeVisible();
    const zone = page.getByLabel("Strefa czasowa", { exact: true });
    const save = page.getByRole("button", { name: "Zapisz język i strefę czasową" });
    const example = page.getByTestId("date-time-example");
    // The account follows the browser, whose zone is UTC here.
    await expect(zone).toHaveValue("");
    await expect(example).toContainText("UTC");

    await zone.fill("Europe/Atlantis");
    await save.click();
    await expect(zone).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByText("To nie jest strefa czasowa.", { exact: false })).toBeVisible();
    await page.reload();
    await expect(zone).toHaveValue("");
    await expect(example).toContainText("UTC");

    await zone.fill("Europe/Warsaw");
    await save.click();
    await expect(page.getByRole("status").filter({ hasText: "Zapisano." })).toBeVisible();
    // The same moment, now in Warsaw's time: "29 lis 2026, 23:05 CET" (CEST in summer).
    await expect(example).toContainText(/\d{2}:\d{2} CES?T/);
    await expect(example).not.toContainText("UTC");
    // Next encodes the value ("Europe%2FWarsaw") and decodes it when reading.
    const cookie = (await context.cookies()).find((c) => c.name === "lightgate-time-zone");
    expect(decodeURIComponent(cookie?.value ?? "")).toBe("Europe/Warsaw");
    await page.reload();
    await expect(zone).toHaveValue("Europe/Warsaw");

    // Back to the browser's zone: UTC again.
    await zone.fill("");
    await save.click();
    await expect(example).toContainText("UTC");
    await context.close();
  });
});
