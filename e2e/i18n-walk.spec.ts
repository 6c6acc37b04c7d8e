// A Spanish-speaking and a Polish-speaking demo account walk the screens they use most: the
// dashboard, a gate page and the go-live page, at laptop and phone width. Their language comes from
// the account's setting (the browser asks for English). Every page must be in their language, with
// nothing wider than the window; the screenshots are kept with the test's output to be looked at.
import { expect, test, type Page } from "./fixtures";
import { DEMO_PASSWORD } from "./accounts";

const DEMO_PROJECT = "Nordlicht residential billing MVP";
const WIDTHS = [
  { name: "laptop", width: 1366, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

const READERS = [
  // The control: the words the other readers must not see are really on these pages in English.
  { locale: "en", email: "pm@demo.test", dashboard: "Dashboard" },
  {
    locale: "es",
    email: "pm.es@demo.test",
    dashboard: "Panel",
  },
  {
    locale: "pl",
    email: "pm.pl@demo.test",
    dashboard: "Pulpit",
  },
] as const;

/** Signs in through the form without reading its (language-dependent) labels. */
async function signInAs(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(clientWidth);
}

for (const reader of READERS) {
  test(`${reader.email} walks the dashboard, a gate and the go-live page in ${reader.locale}`, async ({
    browser,
  }, testInfo) => {
    test.setTimeout(240_000);
    const context = await browser.newContext({ locale: "en-US" });
    const page = await context.newPage();
    await signInAs(page, reader.email);

    const response = await page.request.get(`/api/v1/projects?q=${encodeURIComponent(DEMO_PROJECT)}`);
    const { items } = (await response.json()) as { items: { id: string; name: string }[] };
    const id = items.find((p) => p.name === DEMO_PROJECT)!.id;

    // Each page with English that an English reader sees there and this reader must not: words of the
    // page itself, never of its data (the demo's votes say "Objectives met." in every language).
    const stops = [
      { name: "dashboard", path: "/dashboard", english: ["Dashboard", "Your rollouts at a glance"] },
      { name: "gate", path: `/projects/${id}/gates/6`, english: ["Decision rule", "Review rounds"] },
      { name: "go-live", path: `/projects/${id}/go-live`, english: ["Go-live readiness", "Checklist"] },
    ];
    for (const size of reader.locale === "en" ? WIDTHS.slice(0, 1) : WIDTHS) {
      await page.setViewportSize({ width: size.width, height: size.height });
      for (const stop of stops) {
        await page.goto(stop.path);
        await expect(page.locator("html")).toHaveAttribute("lang", reader.locale);
        await expect(page.locator("h1").first()).toBeVisible();
        // textContent, not innerText: a heading styled in capitals still reads "Decision rule".
        const text = (await page.locator("main").textContent()) ?? "";
        for (const english of stop.english) {
          if (reader.locale === "en") expect(text, `${stop.name}: "${english}"`).toContain(english);
          else expect(text, `${stop.name}: "${english}"`).not.toContain(english);
        }
        await expectNoHorizontalOverflow(page);
        await page.screenshot({
          path: testInfo.outputPath(`${reader.locale}-${stop.name}-${size.name}.png`),
          fullPage: true,
        });
      }
    }
    // The project's audit trail speaks Polish too: "Name: verbal noun …", whoever acted.
    if (reader.locale === "pl") {
      await page.goto(`/projects/${id}/audit`);
      const trail = (await page.locator("main").textContent()) ?? "";
      const verbalNouns = ["utworzenie", "zatwierdzenie", "dodanie wersji", "głos", "decyzja", "przekazanie"];
      expect(trail).toMatch(new RegExp(`: (${[...verbalNouns, "otwarcie", "zamknięcie", "podpisanie"].join("|")}) `));
    }
    // The main navigation in the reader's words (behind the menu button on a phone).
    if (page.viewportSize()!.width < 640) await page.getByRole("button", { name: /^(Menú|Menu)$/ }).click();
    await expect(page.getByRole("link", { name: reader.dashboard })).toBeVisible();
    await context.close();
  });
}
