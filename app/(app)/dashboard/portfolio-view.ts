// The portfolio page as the dashboard table shows it: a few display strings per project,
// formatted here on the server (the browser never re-formats dates or money differently).
import type { Milestone, PortfolioRow } from "@/lib/data/dashboard";
import type { Format } from "@/lib/i18n/format";

export type PortfolioRowView = {
  id: string;
  name: string;
  status: string;
  client: string;
  gate: { number: number; name: string; status: string } | null;
  health: "green" | "amber" | "red";
  reasons: { code: string; text: string }[];
  milestone: { label: string; date: string } | null;
  goLive: string;
  /** Formatted billable amount; null when the account may not see billing, undefined when the column is hidden. */
  billable?: string | null;
};

export type PortfolioPageView = {
  rows: PortfolioRowView[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  showBilling: boolean;
};

export function portfolioPageView(
  page: {
    items: PortfolioRow[];
    total: number;
    page: number;
    pages: number;
    pageSize: number;
  },
  format: Format,
  milestoneName: (m: Milestone) => string,
): PortfolioPageView {
  // The billing column shows when the account may see billing on at least one project of the page.
  const showBilling = page.items.some((i) => i.billable);
  return {
    rows: page.items.map((row) => rowView(row, showBilling, format, milestoneName)),
    total: page.total,
    page: page.page,
    pages: page.pages,
    pageSize: page.pageSize,
    showBilling,
  };
}

function rowView(
  row: PortfolioRow,
  showBilling: boolean,
  format: Format,
  milestoneName: (m: Milestone) => string,
): PortfolioRowView {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    client: row.client.name,
    gate: row.currentGate
      ? { number: row.currentGate.number, name: row.currentGate.name, status: row.currentGate.status }
      : null,
    health: row.health,
    reasons: row.healthReasons.map((r) => ({ code: r.code, text: r.text })),
    milestone: row.nextMilestone
      ? { label: milestoneName(row.nextMilestone), date: format.date(row.nextMilestone.date) }
      : null,
    goLive: format.date(row.targetGoLiveDate),
    billable: showBilling
      ? row.billable
        ? format.money(row.billable.amount, row.billable.currency)
        : null
      : undefined,
  };
}
