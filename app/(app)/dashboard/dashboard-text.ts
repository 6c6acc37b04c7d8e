// What the dashboard shows as text, in the reader's language and formats: the portfolio's filters,
// header and rows and the review queue's items as markup, and the projects with their health
// reasons worded. Wording them (some 150 translated messages, 75 formatted dates and amounts) was
// about a tenth of the page's CPU time. It depends only on the view and on the reader's language
// and time zone, so it is kept with the memoised view it was worded from (lib/data/dashboard-view.ts):
// while the database does not change, each reader's dashboard is worded once, and the words go
// when the view goes.
import type { Milestone, PortfolioRow } from "@/lib/data/dashboard";
import type { dashboardView } from "@/lib/data/dashboard-view";
import { healthReasonWords } from "@/lib/health-words";
import type { Format } from "@/lib/i18n/format";
import { portfolioFiltersMarkup } from "./portfolio-filters";
import { portfolioHeadMarkup, portfolioRowsMarkup } from "./portfolio-rows";
import { portfolioPageView, type PortfolioPageView } from "./portfolio-view";
import { reviewQueueMarkup } from "./review-queue-items";

type DashboardView = Awaited<ReturnType<typeof dashboardView>>;

export type DashboardText = {
  /** The page's projects, their health reasons worded (client accounts see these as cards). */
  items: PortfolioRow[];
  /** The portfolio's filters, and its table's page, header row and rows, as markup (vendor staff). */
  table: { filters: string; page: PortfolioPageView; head: string; rows: string } | null;
  queue: { gates: string; artifacts: string };
};

// Values, never promises: a promise kept past its request would keep that request's context.
const worded = new WeakMap<DashboardView, Map<string, DashboardText>>();

export async function dashboardText(
  view: DashboardView,
  format: Format,
  milestoneName: (milestone: Milestone) => string,
  vendor: boolean,
): Promise<DashboardText> {
  const reader = `${format.locale}|${format.timeZone}|${vendor}`;
  const kept = worded.get(view)?.get(reader);
  if (kept) return kept;
  const reasonText = await healthReasonWords(format);
  const items = view.page.items.map((item) => ({
    ...item,
    healthReasons: item.healthReasons.map((reason) => ({ ...reason, text: reasonText(reason) })),
  }));
  const page = vendor ? portfolioPageView({ ...view.page, items }, format, milestoneName) : null;
  const text: DashboardText = {
    items,
    table: page && {
      filters: await portfolioFiltersMarkup(view.query, view.clients),
      page,
      head: await portfolioHeadMarkup(view.query, page.showBilling),
      rows: await portfolioRowsMarkup(page.rows),
    },
    queue: await reviewQueueMarkup(view.queue, format),
  };
  let byReader = worded.get(view);
  if (!byReader) worded.set(view, (byReader = new Map()));
  byReader.set(reader, text);
  return text;
}
