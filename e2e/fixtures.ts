// Specs import `test` and `expect` from "./fixtures", not from "@playwright/test": every page a test
// opens is then checked with axe after each load (and each client-side navigation) and once more
// in its final state, and the test fails listing every serious or critical violation (rule, target,
// page). No rule is disabled: a violation is fixed in the app. Each kind of page (route, account,
// width band, open dialog or field errors: see axe-ledger.ts) is analysed once per run, by whichever
// test reaches it first; every test that reaches a kind with violations fails with them.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { checkedViolations, kindOf, recordChecked, recordSeen, type PageFacts, type Violation } from "./axe-ledger";

const BLOCKING = new Set(["serious", "critical"]);

// This worker's memory of the ledger, so a kind it already knows costs no file read.
const knownKinds = new Map<string, Violation[]>();
const seenKinds = new Set<string>();

function violationsOf(kind: string): Violation[] | undefined {
  let violations = knownKinds.get(kind);
  if (!violations) {
    violations = checkedViolations(kind);
    if (violations) knownKinds.set(kind, violations);
  }
  return violations;
}

/** What decides which kind of page this is: its URL, the window's width, who is signed in, its state. */
async function factsOf(page: Page): Promise<PageFacts> {
  return page.evaluate(() => {
    // The account menu's button carries the account's name in an attribute, the same in every
    // language; a page without it is seen signed out.
    const account = document.querySelector("button [data-account-name]")?.getAttribute("data-account-name");
    const dialog = document.querySelector("dialog[open]");
    const title = dialog
      ? (document.getElementById(dialog.getAttribute("aria-labelledby") ?? "")?.textContent ?? "untitled")
      : "";
    return {
      url: location.href,
      width: window.innerWidth,
      account: account?.trim() || "signed out",
      // Digits vary with the data ("Publish version 3"), not with what the dialog is.
      dialog: title.replace(/\d+/g, "#").trim(),
      invalid: document.querySelector('[aria-invalid="true"]') !== null,
    };
  });
}

/**
 * Waits until a page can be judged; false for what is not an HTML page of the app (about:blank,
 * a JSON answer, a download). Between two pages of a client-side navigation React swaps the
 * <title>: wait (briefly) for one, so a page is judged once settled; a page truly without a title
 * still fails.
 */
async function settled(page: Page): Promise<boolean> {
  if (page.isClosed()) return false;
  await page.waitForLoadState("load").catch(() => undefined);
  if (!page.url().startsWith("http")) return false;
  const html = await page.evaluate(() => document.contentType === "text/html").catch(() => false);
  if (!html) return false;
  await page.waitForFunction(() => document.title !== "", null, { timeout: 5_000 }).catch(() => undefined);
  return true;
}

class AxeWatch {
  private readonly found = new Map<string, Violation>();
  private readonly pending = new Set<Promise<void>>();
  private readonly pages = new Set<Page>();
  private readonly contexts = new Set<BrowserContext>();

  watchContext(context: BrowserContext) {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    context.pages().forEach((p) => this.watchPage(p));
    context.on("page", (p) => this.watchPage(p));
  }

  /** Main-frame navigations per page, so an analysis can tell that the page moved on under it. */
  private readonly navigations = new Map<Page, number>();

  private watchPage(page: Page) {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    page.on("load", () => this.schedule(page));
    // Next.js links navigate without a load event: check the new page once its URL changes.
    page.on("framenavigated", (frame) => {
      if (frame !== page.mainFrame()) return;
      this.navigations.set(page, (this.navigations.get(page) ?? 0) + 1);
      this.schedule(page);
    });
    page.on("close", () => this.pages.delete(page));
  }

  // At most one analysis runs per page; navigations meanwhile ask for one more after it, so axe
  // never runs twice at once in a page the test is still driving.
  private readonly runs = new Map<Page, { again: boolean }>();

  private schedule(page: Page) {
    const current = this.runs.get(page);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false };
    this.runs.set(page, state);
    const run = (async () => {
      do {
        state.again = false;
        if (await settled(page)) await this.analyze(page);
      } while (state.again && !page.isClosed());
    })().finally(() => this.runs.delete(page));
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  private async analyze(page: Page) {
    if (page.isClosed()) return;
    const url = page.url();
    if (!url.startsWith("http")) return;
    const navigation = this.navigations.get(page) ?? 0;
    try {
      const kind = kindOf(await factsOf(page));
      if (!seenKinds.has(kind)) {
        seenKinds.add(kind);
        recordSeen(kind);
      }
      let violations = violationsOf(kind);
      if (!violations) {
        const started = performance.now();
        // Legacy mode runs axe inside the page itself, instead of opening a blank page per analysis.
        // Only violations are read, so axe need not gather every passing node (the same rules run).
        const results = await new AxeBuilder({ page })
          .setLegacyMode(true)
          .options({ resultTypes: ["violations"] })
          .analyze();
        // The test navigated while axe ran (to another page, or to this one again): this DOM was
        // half one document, half the next. The navigation scheduled another analysis of the page
        // it reached; this kind stays unchecked.
        if (page.isClosed() || page.url() !== url || (this.navigations.get(page) ?? 0) !== navigation) return;
        const path = new URL(url).pathname;
        violations = results.violations
          .filter((v) => v.impact && BLOCKING.has(v.impact))
          .flatMap((v) =>
            v.nodes.map((node) => ({
              rule: v.id,
              impact: v.impact!,
              help: v.help,
              target: node.target.map(String).join(" "),
              url: path,
            })),
          );
        knownKinds.set(kind, violations);
        recordChecked(kind, violations, Math.round(performance.now() - started));
      }
      for (const v of violations) this.found.set(`${v.rule}|${v.target}|${v.url}`, v);
    } catch {
      // The page navigated or closed while axe ran: the next load (or the final check) covers it.
    }
  }

  async finish(): Promise<Violation[]> {
    while (this.pending.size) await Promise.all([...this.pending]);
    for (const page of this.pages) {
      if (await settled(page)) await this.analyze(page);
    }
    return [...this.found.values()];
  }
}

export const test = base.extend<{ axe: AxeWatch }>({
  axe: [
    async ({ context, browser }, provide, testInfo) => {
      // Analyses take their own time, apart from the test's budget.
      testInfo.setTimeout(testInfo.timeout + 60_000);
      const watch = new AxeWatch();
      watch.watchContext(context);
      // Contexts the test opens itself (another account, a fresh session) are watched too.
      const newContext = browser.newContext.bind(browser);
      const patched: Browser["newContext"] = async (options) => {
        const created = await newContext(options);
        watch.watchContext(created);
        return created;
      };
      browser.newContext = patched;
      try {
        await provide(watch);
      } finally {
        browser.newContext = newContext;
      }
      const violations = await watch.finish();
      if (violations.length) {
        const lines = violations.map((v) => `  [${v.impact}] ${v.rule} (${v.help}) at ${v.target} on ${v.url}`);
        throw new Error(
          `Accessibility: ${violations.length} serious or critical axe violation(s):\n${lines.join("\n")}`,
        );
      }
    },
    { auto: true },
  ],
});

export { expect };
// Everything else (types, `request`, `devices`) as @playwright/test exports it, so a spec switches
// with one line: `from "@playwright/test"` becomes `from "./fixtures"`.
export * from "@playwright/test";
