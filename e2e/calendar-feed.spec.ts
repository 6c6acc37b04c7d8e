// Each person's calendar address in Settings: made on request, read by a calendar app (parsed with
// ical.js), the same one the API gives; reset after a confirmation, after which the old one is 404.
import ICAL from "ical.js";
import { expect, request as playwrightRequest, test } from "./fixtures";
import { storageStateOf } from "./accounts";

test.describe("calendar feed", () => {
  test.use({ storageState: storageStateOf("board"), permissions: ["clipboard-read", "clipboard-write"] });

  test("the address from Settings serves the gate dates; resetting it makes the old one 404", async ({
    page,
    request,
    baseURL,
  }) => {
    await page.goto("/settings");
    const panel = page.locator("#calendar");
    await expect(panel.getByRole("heading", { name: "Calendar" })).toBeVisible();
    await panel.getByRole("button", { name: "Create my calendar address" }).click();
    const address = panel.getByLabel("Calendar address");
    await expect(address).toHaveValue(/\/api\/calendar\/lgcal_/);
    const url = await address.inputValue();
    await panel.getByRole("button", { name: "Copy", exact: true }).click();
    await expect(panel.getByRole("status")).toHaveText("Copied to the clipboard.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect((await (await request.get("/api/v1/me/calendar")).json()).url).toBe(url);

    // A calendar app has no session: only the secret address.
    const app = await playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const feed = await app.get(url);
    expect(feed.status()).toBe(200);
    expect(feed.headers()["content-type"]).toContain("text/calendar");
    const events = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents("vevent")
      .map((v) => new ICAL.Event(v));
    const gateReviews = events.filter((e) => e.uid.startsWith("gate-"));
    expect(gateReviews.length).toBeGreaterThan(0);
    expect(gateReviews[0].summary).toMatch(/^Gate \d review: /);
    expect(gateReviews[0].startDate.isDate).toBe(true);

    await panel.getByRole("button", { name: "Reset the address" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Reset the address" }).click();
    await expect(panel.getByRole("status")).toHaveText("A new address was made; the old one no longer works.");
    await expect(address).not.toHaveValue(url);
    // The new address is not the one copied: only the reset is announced.
    await expect(panel.getByRole("status")).toHaveCount(1);
    const fresh = await address.inputValue();
    expect((await app.get(url)).status()).toBe(404);
    expect((await app.get(fresh)).status()).toBe(200);
    expect((await app.get(`${fresh.slice(0, -4)}AAAA`)).status()).toBe(404);
    await app.dispose();
  });
});
