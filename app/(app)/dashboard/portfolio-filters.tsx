"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { HEALTH, PROJECT_STATUSES } from "@/db/enums";
import { useHealthName, useStatusName } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import type { PortfolioQuery } from "@/lib/validation/dashboard";

const SELECT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

/**
 * A plain GET form: filters live in the URL, so they survive reloads and can be shared. Rendered
 * as a client component so the page sends the query and the client list, not the option markup.
 */
export function PortfolioFilters({
  query,
  clients,
  showClient,
}: {
  query: PortfolioQuery;
  clients: { id: string; name: string }[];
  showClient: boolean;
}) {
  const t = useTranslations("portfolioFilters");
  const statusName = useStatusName();
  const healthName = useHealthName();
  const filtered = Boolean(query.status || query.health || query.client);
  return (
    <form
      role="search"
      aria-label={t("label")}
      action="/dashboard"
      className="mb-3 grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap"
    >
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div>
        <label htmlFor="filter-status" className="block text-sm font-medium text-slate-800">
          {t("status")}
        </label>
        <select id="filter-status" name="status" defaultValue={query.status ?? ""} className={SELECT}>
          <option value="">{t("anyStatus")}</option>
          {PROJECT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusName(s)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-health" className="block text-sm font-medium text-slate-800">
          {t("health")}
        </label>
        <select id="filter-health" name="health" defaultValue={query.health ?? ""} className={SELECT}>
          <option value="">{t("anyHealth")}</option>
          {HEALTH.map((h) => (
            <option key={h} value={h}>
              {healthName(h)}
            </option>
          ))}
        </select>
      </div>
      {showClient ? (
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor="filter-client" className="block text-sm font-medium text-slate-800">
            {t("client")}
          </label>
          <select id="filter-client" name="client" defaultValue={query.client ?? ""} className={SELECT}>
            <option value="">{t("anyClient")}</option>
            {clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClass("secondary")}>
          {t("filter")}
        </button>
        {filtered ? (
          <Link
            href={`/dashboard?sort=${query.sort}&dir=${query.dir}`}
            className="px-2 py-2 text-sm text-brand-700 underline"
          >
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
