import Link from "next/link";
import type { CSSProperties } from "react";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";
import { ClientLinks } from "@/components/ui/client-links";
import { EmptyState } from "@/components/ui/empty-state";
import { Table } from "@/components/ui/table";
import type { PortfolioQuery } from "@/lib/validation/dashboard";
import { dashboardHref } from "./portfolio-rows";
import type { PortfolioPageView } from "./portfolio-view";

/** A CSS string holding `text`, for `content: var(…)`. */
const cssString = (text: string) => `"${text.replace(/["\\]/g, "\\$&")}"`;

export async function PortfolioTable({
  page,
  head,
  rows,
  query,
  filtered,
}: {
  page: PortfolioPageView;
  /** The header row and the page's rows as markup (portfolio-rows.ts). */
  head: string;
  rows: string;
  query: PortfolioQuery;
  filtered: boolean;
}) {
  const t = await getTranslations("portfolioTable");
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
          <thead dangerouslySetInnerHTML={{ __html: head }} />
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
