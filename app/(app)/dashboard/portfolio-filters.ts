// The portfolio's filters as markup text (lib/html.ts): a plain GET form, so the filters live in the
// URL, survive reloads and can be shared. It needs no script, so it is written once with the
// dashboard's other words (dashboard-text.ts) rather than rendered by React, or shipped and
// hydrated as a client component, on every request. Its "Clear" link navigates within the app
// through the ClientLinks around it.
import { getTranslations } from "next-intl/server";
import { getHealthName, getStatusName } from "@/components/ui/badge-markup";
import { buttonClass } from "@/components/ui/button";
import { HEALTH, PROJECT_STATUSES } from "@/db/enums";
import { markup } from "@/lib/html";
import type { PortfolioQuery } from "@/lib/validation/dashboard";

const SELECT = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";
const LABEL = "block text-sm font-medium text-slate-800";
const FORM = "mb-3 grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap";

export async function portfolioFiltersMarkup(
  query: PortfolioQuery,
  clients: { id: string; name: string }[],
): Promise<string> {
  const t = await getTranslations("portfolioFilters");
  const statusName = await getStatusName();
  const healthName = await getHealthName();
  const filtered = Boolean(query.status || query.health || query.client);
  const option =
    (chosen: string | undefined) =>
    ([value, text]: string[]) =>
      markup`<option value="${value}"${value === chosen && markup` selected`}>${text}</option>`;
  const select = (name: string, label: string, any: string, chosen: string | undefined, options: string[][]) => [
    markup`<label for="filter-${name}" class="${LABEL}">${label}</label>`,
    markup`<select id="filter-${name}" name="${name}" class="${SELECT}">`,
    markup`<option value="">${any}</option>${options.map(option(chosen))}</select>`,
  ];
  const status = PROJECT_STATUSES.map((s) => [s, statusName(s)]);
  const health = HEALTH.map((h) => [h, healthName(h)]);
  const client = clients.map((c) => [c.id, c.name]);
  const clear = `/dashboard?sort=${query.sort}&dir=${query.dir}`;
  // prettier-ignore
  return markup`<form role="search" aria-label="${t("label")}" action="/dashboard" class="${FORM}">${[
    markup`<input type="hidden" name="sort" value="${query.sort}">`,
    markup`<input type="hidden" name="dir" value="${query.dir}">`,
    markup`<div>${select("status", t("status"), t("anyStatus"), query.status, status)}</div>`,
    markup`<div>${select("health", t("health"), t("anyHealth"), query.health, health)}</div>`,
    markup`<div class="col-span-2 sm:col-span-1">`,
    markup`${select("client", t("client"), t("anyClient"), query.client, client)}</div>`,
    markup`<div class="flex items-center gap-2">`,
    markup`<button type="submit" class="${buttonClass("secondary")}">${t("filter")}</button>`,
    filtered && markup`<a href="${clear}" class="px-2 py-2 text-sm text-brand-700 underline">${t("clear")}</a>`,
    markup`</div>`,
  ]}</form>`.text;
}
