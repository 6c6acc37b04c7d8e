import { expect, test, type Browser } from "./fixtures";
import { ACCOUNTS, DEMO_PASSWORD, storageStateOf, type AccountKey } from "./accounts";
import { signIn } from "./sign-in";

const DEMO = {
  residential: "Nordlicht residential billing MVP",
  sme: "Nordlicht grid fees and SME rollout",
  emobility: "Nordlicht e-mobility charging",
  aquavale: "AquaVale water metering billing",
  prepaid: "Meridian prepaid mobile charging",
  wholesale: "Meridian wholesale interconnect",
  helios: "Helios gas retail migration",
};
const ALL = Object.values(DEMO);
const CLIENTS = ["Nordlicht Netz AG", "AquaVale Water", "Meridian Telecom", "Helios Gas Distribution"];

const EXPECTED: Record<AccountKey, string[]> = {
  admin: ALL,
  pm: [DEMO.residential, DEMO.sme, DEMO.aquavale, DEMO.wholesale],
  board: [DEMO.residential, DEMO.sme, DEMO.aquavale, DEMO.prepaid],
  engineer: [DEMO.residential, DEMO.sme, DEMO.emobility, DEMO.aquavale, DEMO.wholesale, DEMO.helios],
  integrator: [DEMO.residential, DEMO.prepaid],
  owner: [DEMO.residential, DEMO.sme, DEMO.emobility],
  guardian: [DEMO.residential, DEMO.emobility],
  viewer: [DEMO.residential, DEMO.sme, DEMO.emobility],
  otherViewer: [DEMO.aquavale],
};

async function visibleDemoProjects(browser: Browser, account: AccountKey): Promise<string[]> {
  const context = await browser.newContext({ storageState: storageStateOf(account) });
  const page = await context.newPage();
  const seen = new Set<string>();
  for (const client of CLIENTS) {
    await page.goto(`/projects?q=${encodeURIComponent(client)}`);
    await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
    for (const name of await page
      .getByRole("table", { name: "Projects" })
      .getByRole("link")
      .allTextContents()
      .catch(() => [])) {
      if (ALL.includes(name)) seen.add(name);
    }
  }
  await context.close();
  return [...seen].sort();
}

test.describe("who sees which projects", () => {
  for (const account of Object.keys(EXPECTED) as AccountKey[]) {
    test(`${ACCOUNTS[account]} sees exactly its projects`, async ({ browser }) => {
      expect(await visibleDemoProjects(browser, account)).toEqual([...EXPECTED[account]].sort());
    });
  }

  test("the other organisation's viewer gets 404 for every project of the first one, in pages and API", async ({
    browser,
  }) => {
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const list = await (await admin.request.get("/api/v1/projects?limit=200&q=Nordlicht")).json();
    const ids: string[] = list.items
      .filter((p: { clientOrganization: { name: string } }) => p.clientOrganization.name === "Nordlicht Netz AG")
      .map((p: { id: string }) => p.id);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    await admin.close();

    const other = await browser.newContext({ storageState: storageStateOf("otherViewer") });
    const page = await other.newPage();
    for (const id of ids) {
      const response = await page.goto(`/projects/${id}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
      const api = await other.request.get(`/api/v1/projects/${id}`);
      expect(api.status()).toBe(404);
      expect(api.headers()["content-type"]).toContain("application/problem+json");
      expect((await api.json()).code).toBe("not_found");
    }
    await other.close();
  });
});

test.describe("signing in", () => {
  test("a wrong password gets a clear message", async ({ page }) => {
    await page.goto("/sign-in");
    await expect(page.getByText("Demo mode")).toBeVisible();
    await page.getByLabel("Email").fill(ACCOUNTS.viewer);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByText("The email or password is not correct.")).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(ACCOUNTS.viewer);
  });

  test("after five failures even the right password is refused for a while", async ({ page }) => {
    const email = "viewer@meridian.demo.test";
    await page.goto("/sign-in");
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/sign-in")),
        page.getByRole("button", { name: "Sign in", exact: true }).click(),
      ]);
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
    };
    for (let i = 0; i < 5; i++) {
      await attempt(`wrong-${i}`);
      await expect(page.getByText("The email or password is not correct.")).toBeVisible();
    }
    await attempt(DEMO_PASSWORD);
    await expect(page.getByText(/Too many failed attempts for this account from your address/)).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("pages send security headers", async ({ request }) => {
    const response = await request.get("/sign-in");
    const headers = response.headers();
    expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });
});

test.describe("API tokens", () => {
  test.use({ storageState: storageStateOf("engineer") });

  test("a token from the settings page works as a Bearer token until revoked", async ({
    page,
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const unauthenticated = await anonymous.get("/api/v1/projects");
    expect(unauthenticated.status()).toBe(401);
    expect((await unauthenticated.json()).code).toBe("unauthenticated");

    await page.goto("/settings");
    const name = `e2e token ${Date.now()}`;
    await page.getByLabel("Token name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByTestId("new-token").textContent())!.trim();
    expect(token).toMatch(/^lg_/);

    const withToken = await anonymous.get("/api/v1/projects?limit=200", {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(withToken.status()).toBe(200);
    const names = (await withToken.json()).items.map((p: { name: string }) => p.name);
    expect(names).toContain(DEMO.helios);
    expect(names).not.toContain(DEMO.prepaid);

    await page.getByRole("listitem").filter({ hasText: name }).getByRole("button", { name: "Revoke" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Revoke token" }).click();
    await expect(page.getByRole("listitem").filter({ hasText: name })).toContainText("Revoked");
    const revoked = await anonymous.get("/api/v1/projects", { headers: { authorization: `Bearer ${token}` } });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).code).toBe("invalid_token");
    await anonymous.dispose();
  });
});

test.describe("administration", () => {
  test.use({ storageState: storageStateOf("admin") });

  test("an admin creates an organisation and invites an account, and disabling it ends its session", async ({
    page,
    browser,
  }) => {
    const stamp = Date.now();
    await page.goto("/admin/organizations");
    await page.getByLabel("Name").fill(`E2E Utility ${stamp}`);
    await page.getByLabel("Sector").selectOption("water");
    await page.getByLabel("Country").fill("Portugal");
    await page.getByRole("button", { name: "Add organisation" }).click();
    await expect(page.getByRole("cell", { name: `E2E Utility ${stamp}` })).toBeVisible();

    await page.goto("/admin/users");
    const email = `e2e-${stamp}@example.test`;
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name").fill("E2E Person");
    await page.getByLabel("Role").selectOption("client");
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByText("A client account belongs to a client organisation.")).toBeVisible();
    await page.getByLabel("Client organisation").selectOption({ label: `E2E Utility ${stamp}` });
    await page.getByRole("button", { name: "Invite" }).click();
    const link = await page.getByRole("dialog", { name: "Invitation link" }).getByLabel("One-time link").inputValue();
    await page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    await expect(page.getByRole("cell", { name: email, exact: true })).toBeVisible();

    const userContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const userPage = await userContext.newPage();
    await userPage.goto(link);
    await userPage.getByLabel("New password", { exact: true }).fill("e2e-password-123");
    await userPage.getByLabel("Repeat the new password").fill("e2e-password-123");
    await userPage.getByRole("button", { name: "Set my password" }).click();
    await expect(userPage).toHaveURL(/\/sign-in\?reason=password-set/);
    await signIn(userPage, email, "e2e-password-123");
    await expect(userPage.getByText("No projects yet")).toBeVisible();

    const row = page.getByRole("row").filter({ hasText: email });
    await row.getByRole("button", { name: "Disable" }).click();
    await page.getByRole("alertdialog").getByRole("button", { name: "Disable account" }).click();
    await expect(row.getByText("Disabled")).toBeVisible();

    await userPage.goto("/projects");
    await expect(userPage).toHaveURL(/\/sign-in/);
    await userContext.close();
  });

  test("the account menu shows who is signed in, closes on Escape, and signs out", async ({ browser }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.viewer);
    const account = page.getByRole("button", { name: /^Account:/ });
    await account.click();
    await expect(page.getByText(ACCOUNTS.viewer)).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(page.getByText(ACCOUNTS.viewer)).toBeHidden();
    await expect(account).toBeFocused();
    await account.click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    // The session is gone: the app sends this browser back to the sign-in page.
    await page.goto("/dashboard");
    await expect(page).toHaveURL(/\/sign-in/);
    await context.close();
  });

  test("the admin menu lists the admin pages only for admins", async ({ browser }) => {
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const page = await admin.newPage();
    await page.goto("/dashboard");
    await page.getByRole("button", { name: "Admin ▾" }).click();
    await page.getByRole("list", { name: "Admin" }).getByRole("link", { name: "Users" }).click();
    await expect(page).toHaveURL(/\/admin\/users/);
    await admin.close();
    const pm = await browser.newContext({ storageState: storageStateOf("pm") });
    const pmPage = await pm.newPage();
    await pmPage.goto("/dashboard");
    await expect(pmPage.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(pmPage.getByRole("button", { name: "Admin ▾" })).toHaveCount(0);
    await pm.close();
  });

  test("a non-admin does not reach the admin pages", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("pm") });
    const page = await context.newPage();
    expect((await page.goto("/admin/users"))?.status()).toBe(404);
    await context.close();
  });
});

test.describe("project members", () => {
  test.use({ storageState: storageStateOf("pm") });

  test("a PM creates a project and adds a client member; bad input is explained", async ({ page }) => {
    await page.goto("/projects/new");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByText("Name is required.")).toBeVisible();
    const name = `E2E members ${Date.now()}`;
    await page.getByLabel("Project name").fill(name);
    await page.getByLabel("Client organisation").selectOption({ label: "Nordlicht Netz AG" });
    await page.getByLabel("Start date").fill("2026-12-01");
    await page.getByLabel("Target go-live").fill("2026-11-01");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByText("The target go-live must be after the start date.")).toBeVisible();
    await page.getByLabel("Target go-live").fill("2027-06-30");
    await page.getByRole("button", { name: "Create project" }).click();
    await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(page.getByText("Gate 7", { exact: true })).toBeVisible();

    await page.getByLabel("Add a member").selectOption({ label: "Vera Stein (viewer@demo.test)" });
    await page.getByLabel("Project role").selectOption("client_viewer");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect(page.getByRole("list", { name: "Roles of Vera Stein" })).toContainText("Client viewer");
  });
});
