import Link from "next/link";
import type { CSSProperties } from "react";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { ClientLinks } from "@/components/ui/client-links";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Th } from "@/components/ui/table";
import type { PortfolioQuery, PortfolioSort } from "@/lib/validation/dashboard";
import type { PortfolioPageView } from "./portfolio-view";

/** A CSS string holding `text`, for `content: var(…)`. */
const cssString = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;

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

function SortHeader({
  query,
  sort,
  children,
  className,
}: {
  query: PortfolioQuery;
  sort: PortfolioSort;
  children: string;
  className?: string;
}) {
  const t = useTranslations("portfolioTable");
  const active = query.sort === sort;
  const dir = active && query.dir === "asc" ? "desc" : "asc";
  return (
    <Th aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <Link
        href={dashboardHref(query, { sort, dir, page: 1 })}
        className="inline-flex items-center gap-1 hover:text-slate-900"
      >
        {children}
        <span aria-hidden>{active ? (query.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{dir === "asc" ? t("sortAscending") : t("sortDescending")}</span>
      </Link>
    </Th>
  );
}

export async function PortfolioTable({
  page,
  rows,
  query,
  filtered,
}: {
  page: PortfolioPageView;
  /** The page's rows as markup (portfolio-rows.ts). */
  rows: string;
  query: PortfolioQuery;
  filtered: boolean;
}) {
  const t = await getTranslations("portfolioTable");
  const { showBilling } = page;
  if (page.rows.length === 0) {
    return (
      <EmptyState title={filtered ? t("noMatchTitle") : t("emptyTitle")}>
        {filtered ? t("noMatchBody") : t("emptyBody")}
      </EmptyState>
    );
  }
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.rows.length - 1;
  const range = { first: String(first), last: String(last), total: String(page.total) };
  const caption = t("caption", range);
  // Below the md breakpoint each row is a card (globals.css, `.portfolio`) whose cells are labelled
  // with these words, and the sortable headers a row of links: set once here, not once per cell.
  const labels = {
    "--portfolio-sort": cssString(t("sortBy")),
    "--portfolio-gate": cssString(t("currentGate")),
    "--portfolio-next": cssString(t("nextMilestone")),
    "--portfolio-go-live": cssString(t("goLive")),
    "--portfolio-billable": cssString(t("billable")),
  } as CSSProperties;
  return (
    <>
      <ClientLinks>
        <Table className="portfolio" caption={caption} style={labels}>
          <thead>
            <tr>
              <SortHeader query={query} sort="name">
                {t("project")}
              </SortHeader>
              <SortHeader query={query} sort="client">
                {t("client")}
              </SortHeader>
              <SortHeader query={query} sort="gate">
                {t("currentGate")}
              </SortHeader>
              <SortHeader query={query} sort="health">
                {t("health")}
              </SortHeader>
              <Th>{t("nextMilestone")}</Th>
              <SortHeader query={query} sort="goLive">
                {t("goLive")}
              </SortHeader>
              {showBilling ? <Th>{t("billable")}</Th> : null}
            </tr>
          </thead>
          <tbody dangerouslySetInnerHTML={{ __html: rows }} />
        </Table>
      </ClientLinks>
      <nav aria-label={t("pagination")} className="mt-3 flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-slate-600">{t("range", range)}</p>
        <div className="flex gap-2">
          {page.page > 1 ? (
            <Link className={buttonClass("secondary", "sm")} href={dashboardHref(query, { page: page.page - 1 })}>
              {t("previous")}
            </Link>
          ) : null}
          <span className="px-2 py-1 text-slate-600" aria-current="page">
            {t("page", { page: String(page.page), pages: String(page.pages) })}
          </span>
          {page.page < page.pages ? (
            <Link className={buttonClass("secondary", "sm")} href={dashboardHref(query, { page: page.page + 1 })}>
              {t("next")}
            </Link>
          ) : null}
        </div>
      </nav>
    </>
  );
}
