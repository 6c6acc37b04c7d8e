// The rows of the portfolio table as markup text (lib/html.ts), from the display strings of
// portfolio-view.ts. Built by React element by element they were a third of the dashboard's time;
// as one string they cost almost nothing. Their links navigate within the app through the
// ClientLinks around the table. One structure serves every width: below the md breakpoint
// `.portfolio` (globals.css) lays each row out as a card and labels its cells from the table's own
// header words.
import { getTranslations } from "next-intl/server";
import { getHealthName, getStatusName, healthBadgeHtml, statusBadgeHtml } from "@/components/ui/badge-markup";
import { markup } from "@/lib/html";
import type { PortfolioRowView } from "./portfolio-view";

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
