// The dashboard's lists written as markup text (portfolio rows, review queue items): every value
// from the database is escaped, words come from the reader's catalogue, and the links are the
// app's. next-intl's request-scoped lookup is replaced by a translator over the same catalogue.
import { createTranslator } from "next-intl";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formatFor } from "@/lib/i18n/format";
import { loadMessages } from "@/messages/catalogue";

let locale: "en" | "es" = "en";
vi.mock("next-intl/server", () => ({
  getTranslations: async (namespace: string) =>
    createTranslator({ locale, messages: await loadMessages(locale), namespace: namespace as never }),
}));

const { portfolioRowsMarkup } = await import("@/app/(app)/dashboard/portfolio-rows");
const { reviewQueueMarkup } = await import("@/app/(app)/dashboard/review-queue-items");
const { dashboardText } = await import("@/app/(app)/dashboard/dashboard-text");
const { portfolioFiltersMarkup } = await import("@/app/(app)/dashboard/portfolio-filters");
const { portfolioHeadMarkup } = await import("@/app/(app)/dashboard/portfolio-rows");

const hostile = `<img src=x onerror="alert(1)"> & 'co'`;
const escaped = "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;co&#39;";

const row = {
  id: "p-1",
  name: hostile,
  status: "on_hold",
  client: hostile,
  gate: { number: 3, name: hostile, status: "in_review" },
  health: "amber" as const,
  reasons: [{ code: "gate_overdue", text: hostile }],
  milestone: { label: hostile, date: "4 Dec 2026" },
  goLive: "1 Jan 2027",
  billable: null,
};

beforeAll(() => {
  locale = "en";
});

describe("portfolio rows as markup", () => {
  it("escapes every value and writes one row of seven cells with the reader's words", async () => {
    const markup = await portfolioRowsMarkup([row]);
    expect(markup).not.toContain("<img");
    expect(markup.split(escaped)).toHaveLength(6); // name, client, gate name, reason, milestone
    expect(markup).toMatch(/^<tr><td><a href="\/projects\/p-1">/);
    expect(markup.match(/<td>/g)).toHaveLength(7);
    expect(markup).toContain('<span class="badge badge-warning">On hold</span>');
    expect(markup).toContain("<b>Gate 3</b>");
    expect(markup).toContain('<ul aria-label="Why amber">');
    expect(markup).toContain('<span title="Not visible to you">—</span>');
  });

  it("leaves out the billing cell when the column is hidden, and the badge of an active project", async () => {
    const markup = await portfolioRowsMarkup([{ ...row, status: "active", billable: undefined, reasons: [] }]);
    expect(markup.match(/<td>/g)).toHaveLength(6);
    expect(markup).not.toContain("<ul");
    expect(markup).toMatch(/<a href="\/projects\/p-1">[^<]*<\/a><\/td>/);
  });

  it("speaks the reader's language", async () => {
    locale = "es";
    try {
      const markup = await portfolioRowsMarkup([row]);
      expect(markup).toContain("<b>Puerta 3</b>");
    } finally {
      locale = "en";
    }
  });
});

describe("the portfolio's header row and filters as markup", () => {
  const query = { sort: "gate", dir: "desc", page: 3, pageSize: 25 } as const;

  it("marks the sorted column, links each sortable one to its first page and reverses the sorted one", async () => {
    const head = await portfolioHeadMarkup(query, false);
    expect(head.match(/<th /g)).toHaveLength(6);
    expect(head).toContain('<th scope="col" aria-sort="descending"><a href="/dashboard?sort=gate"');
    expect(head).toContain('aria-sort="none"><a href="/dashboard?sort=client"');
    expect(head).toContain('<span aria-hidden="true">▼</span><span class="sr-only">, sort ascending</span>');
    expect(head).not.toContain("page=");
    expect(await portfolioHeadMarkup(query, true)).toContain('<th scope="col">Billable</th>');
  });

  it("keeps the chosen filters selected, escapes client names and offers to clear only when filtered", async () => {
    const clients = [
      { id: "c-1", name: hostile },
      { id: "c-2", name: "Water" },
    ];
    const form = await portfolioFiltersMarkup({ ...query, health: "red", client: "c-2" }, clients);
    expect(form).not.toContain("<img");
    expect(form).toContain(`<option value="c-1">${escaped}</option>`);
    expect(form).toContain('<option value="c-2" selected>Water</option>');
    expect(form).toContain('<option value="red" selected>Red</option>');
    expect(form.match(/ selected/g)).toHaveLength(2);
    expect(form).toContain('<label for="filter-status"');
    expect(form).toContain('<input type="hidden" name="sort" value="gate">');
    expect(form).toContain('href="/dashboard?sort=gate&amp;dir=desc"');
    expect(await portfolioFiltersMarkup(query, clients)).not.toContain("Clear");
  });
});

describe("review queue items as markup", () => {
  it("escapes every value and links each item to its gate", async () => {
    const queue = {
      seated: true,
      gateTotal: 1,
      artifactTotal: 1,
      gates: [
        { projectId: "p-1", projectName: hostile, gateNumber: 2, gateName: hostile, submittedAt: null, required: true },
      ],
      artifacts: [
        {
          projectId: "p-1",
          projectName: hostile,
          gateNumber: 2,
          artifactId: "a-1",
          title: hostile,
          versionNumber: 4,
          submittedAt: "2026-11-30T10:00:00Z",
        },
      ],
    };
    const { gates, artifacts } = await reviewQueueMarkup(queue, formatFor("en", "UTC"));
    for (const markup of [gates, artifacts]) {
      expect(markup).not.toContain("<img");
      expect(markup).toContain(escaped);
      expect(markup).toContain('href="/projects/p-1/gates/2"');
    }
    expect(gates).toContain("Required vote");
    expect(gates).not.toContain("submitted");
    expect(artifacts).toContain("30 Nov 2026");
  });
});

describe("the dashboard's words, kept with the memoised view", () => {
  const viewOf = (name: string) => ({
    query: { sort: "name", dir: "asc", page: 1, pageSize: 25 },
    queue: { seated: false, gateTotal: 0, artifactTotal: 0, gates: [], artifacts: [] },
    clients: [],
    queueFirst: false,
    page: {
      total: 1,
      page: 1,
      pages: 1,
      pageSize: 25,
      items: [
        {
          id: "p-1",
          name,
          client: { id: "c-1", name: "Client" },
          status: "active" as const,
          currentGate: { number: 3, name: "Pilot", status: "in_review", plannedDate: "2026-11-01" },
          health: "red" as const,
          healthReasons: [
            {
              code: "gate_overdue",
              text: "English text",
              params: { number: 3, name: "Pilot", days: 28, date: "2026-11-01" },
            },
          ],
          nextMilestone: null,
          targetGoLiveDate: "2027-01-04",
          billable: null,
        },
      ],
    },
  });
  const milestone = () => "—";

  it("words a view once per reader, and again for another language, time zone or view", async () => {
    const view = viewOf("Rollout A") as never;
    const utc = formatFor("en", "UTC");
    const first = await dashboardText(view, utc, milestone, true);
    expect(first.table?.rows).toContain("Rollout A");
    expect(first.table?.rows).toContain("28 days past its planned date 1 Nov 2026");
    expect(first.items[0].healthReasons[0].text).toContain("28 days");
    expect(await dashboardText(view, formatFor("en", "UTC"), milestone, true)).toBe(first);

    const tokyo = await dashboardText(view, formatFor("en", "Asia/Tokyo"), milestone, true);
    expect(tokyo).not.toBe(first);
    locale = "es";
    try {
      const spanish = await dashboardText(view, formatFor("es", "UTC"), milestone, true);
      expect(spanish).not.toBe(first);
      expect(spanish.table?.rows).toContain("<b>Puerta 3</b>");
    } finally {
      locale = "en";
    }
    const changed = await dashboardText(viewOf("Rollout B") as never, utc, milestone, true);
    expect(changed.table?.rows).toContain("Rollout B");
    expect(changed.table?.rows).not.toContain("Rollout A");
  });

  it("gives client accounts their worded projects without a table", async () => {
    const text = await dashboardText(viewOf("Rollout C") as never, formatFor("en", "UTC"), milestone, false);
    expect(text.table).toBeNull();
    expect(text.items[0].healthReasons[0].text).toContain("28 days");
  });
});
