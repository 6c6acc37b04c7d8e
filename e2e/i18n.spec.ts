// The language of a page: the browser's Accept-Language before sign-in, the account menu's switch
// after it, English for anything else. URLs do not change with the language.
import { expect, test } from "./fixtures";
import { ACCOUNTS } from "./accounts";
import { signIn } from "./sign-in";

const SIGN_IN_TEXT = {
  en: "Sign in to govern your billing-platform rollouts",
  es: "Inicia sesión para gobernar las implantaciones de tu plataforma de facturación",
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
  await page.getByRole("button", { name: "Zaloguj się" }).click();
  await expect(page.getByText("Podaj adres e-mail i hasło.")).toBeVisible();
  await context.close();
});

test("the PM switches to Polski in the account menu and the navigation turns Polish", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.pm);
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

  // And back: English is exactly as before.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Dashboard" })).toBeVisible();
  await context.close();
});
