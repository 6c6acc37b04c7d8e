import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

/** A port nothing listens on now, asked of the system (the config cannot await). */
const freePort = () =>
  execFileSync(
    process.execPath,
    [
      "-e",
      'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { ' +
        "process.stdout.write(String(s.address().port)); s.close(); });",
    ],
    { encoding: "utf8" },
  );

// A free port unless E2E_PORT names one, so a demo or another run on a fixed port cannot break
// `npm test`. Chosen once by the runner; its workers and the server inherit it from the environment.
process.env.E2E_PORT ||= freePort();
const port = Number(process.env.E2E_PORT);
// Auth.js checks the origin: the browser must use the same host name Next answers on.
const baseURL = `http://localhost:${port}`;
// Debian's Chromium where Playwright's own browser cannot be downloaded; override with
// PLAYWRIGHT_CHROMIUM_PATH, or unset it on a machine that ran `npx playwright install chromium`.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

export default defineConfig({
  testDir: "./e2e",
  // A fresh axe ledger per run, and what axe checked printed at the end (e2e/axe-ledger.ts).
  globalSetup: "./e2e/global-setup.ts",
  globalTeardown: "./e2e/global-teardown.ts",
  outputDir: `./test-results/${port}`,
  // Tests, not files, are shared out: one long file no longer keeps a worker busy while the other
  // idles at the end. Groups whose tests depend on each other say so (mode "default" or "serial").
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    // The app shows date-times in the browser's zone when an account has none: pin it, so the
    // English "09:00 UTC" the specs read holds on any machine.
    timezoneId: "UTC",
    // No colour fades: axe measures contrast as the page is, and a button fading from its disabled
    // grey back to its colour was once caught half-way (app/globals.css honours the preference).
    reducedMotion: "reduce",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, dependencies: ["setup"], testIgnore: /auth\.setup\.ts/ },
  ],
  webServer: {
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 600_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { E2E_PORT: String(port) },
  },
});
