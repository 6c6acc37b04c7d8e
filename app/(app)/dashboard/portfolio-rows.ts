// The rows of the portfolio table as markup text (lib/html.ts), from the display strings of
// portfolio-view.ts, and its header row with the sorting links. Built by React element by element
// the rows were a third of the dashboard's time; as one string they cost almost nothing. Their
// links navigate within the app through the ClientLinks around the table. One structure serves
// every width: below the md breakpoint `.portfolio` (globals.css) lays each row out as a card and
// labels its cells from the table's own header words.
import { getTranslations } from "next-intl/server";
import { getHealthName, getStatusName, healthBadgeHtml, statusBadgeHtml } from "@/components/ui/badge-markup";
import { markup } from "@/lib/html";
import type { PortfolioQuery, PortfolioSort } from "@/lib/validation/dashboard";
import type { PortfolioRowView } from "./portfolio-view";

const SORT_LINK = "inline-flex items-center gap-1 hover:text-slate-900";

/** The dashboard's address for `query` changed by `change`, defaults left out. */
export function dashboardHref(query: PortfolioQuery, change: Partial<PortfolioQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || v === "") continue;
    if (
      (k === "sort" && v === "name") ||
      (k === "dir" && v === "asc") ||
      (k === "page" && v === 1) ||
      (k === "pageSize" && v === 25)
    )
      continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `/dashboard?${s}` : "/dashboard";
}

/** The header row: each sortable column's name links to the page sorted by it (again: reversed). */
export async function portfolioHeadMarkup(query: PortfolioQuery, showBilling: boolean): Promise<string> {
  // Named apart from the rows' `t`: each translator of a file has its own name (lib/i18n/catalogues.test.ts).
  const words = await getTranslations("portfolioTable");
  const sortable = (sort: PortfolioSort, name: string) => {
    const active = query.sort === sort;
    const dir = active && query.dir === "asc" ? "desc" : "asc";
    const order = active ? (query.dir === "asc" ? "ascending" : "descending") : "none";
    const arrow = active ? (query.dir === "asc" ? "▲" : "▼") : "↕";
    const href = dashboardHref(query, { sort, dir, page: 1 });
    // prettier-ignore
    return markup`<th scope="col" aria-sort="${order}"><a href="${href}" class="${SORT_LINK}">${[
      markup`${name}<span aria-hidden="true">${arrow}</span>`,
      markup`<span class="sr-only">${dir === "asc" ? words("sortAscending") : words("sortDescending")}</span>`,
    ]}</a></th>`;
  };
  // prettier-ignore
  return markup`<tr>${[
    sortable("name", words("project")),
    sortable("client", words("client")),
    sortable("gate", words("currentGate")),
    sortable("health", words("health")),
    markup`<th scope="col">${words("nextMilestone")}</th>`,
    sortable("goLive", words("goLive")),
    showBilling && markup`<th scope="col">${words("billable")}</th>`,
  ]}</tr>`.text;
}

export async function portfolioRowsMarkup(rows: PortfolioRowView[]): Promise<string> {
  const t = await getTranslations("portfolioRows");
  const statusName = await getStatusName();
  const healthName = await getHealthName();
  const status = (s: string) => statusBadgeHtml(s, statusName(s));
  const gate = (g: NonNullable<PortfolioRowView["gate"]>) =>
    markup`<b>${t("gate", { number: g.number })}</b> ${g.name} ${status(g.status)}`;
  const why = ({ reasons, health }: PortfolioRowView) =>
    reasons.length > 0 &&
    markup`<ul aria-label="${t("why", { health })}">${reasons.map((r) => markup`<li>${r.text}</li>`)}</ul>`;
  const hidden = markup`<span title="${t("notVisible")}">—</span>`;
  // Written without whitespace between the tags, which every row would carry.
  // prettier-ignore
  const rowsMarkup = rows.map((row) => markup`<tr>${[
    markup`<td><a href="/projects/${row.id}">${row.name}</a>${row.status !== "active" && status(row.status)}</td>`,
    markup`<td>${row.client}</td>`,
    markup`<td>${row.gate ? gate(row.gate) : "—"}</td>`,
    markup`<td>${healthBadgeHtml(row.health, healthName(row.health))}${why(row)}</td>`,
    markup`<td>${row.milestone ? markup`${row.milestone.label}<small>${row.milestone.date}</small>` : "—"}</td>`,
    markup`<td>${row.goLive}</td>`,
    row.billable !== undefined && markup`<td>${row.billable ?? hidden}</td>`,
  ]}</tr>`);
  return markup`${rowsMarkup}`.text;
}
