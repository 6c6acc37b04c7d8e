import Link from "next/link";
import { useTranslations } from "next-intl";
import { HealthBadge, StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { Milestone, PortfolioRow } from "@/lib/data/dashboard";
import type { Format } from "@/lib/i18n/format";

/** The client-facing view: the organisation's rollouts, no vendor-internal notes or costs (billing only for client
 * owners). */
export function ClientProjects({
  items,
  format,
  milestoneName,
}: {
  items: PortfolioRow[];
  format: Format;
  milestoneName: (m: Milestone) => string;
}) {
  const t = useTranslations("clientProjects");
  if (items.length === 0) {
    return <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>;
  }
  return (
    <ul className="grid gap-4 md:grid-cols-2" aria-label={t("label")}>
      {items.map((p) => (
        <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <h3 className="text-base font-semibold">
              <Link href={`/projects/${p.id}`} className="text-brand-700 hover:underline">
                {p.name}
              </Link>
            </h3>
            <HealthBadge health={p.health} />
          </div>
          <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
            <dt className="text-slate-600">{t("status")}</dt>
            <dd>
              <StatusBadge status={p.status} />
            </dd>
            <dt className="text-slate-600">{t("currentGate")}</dt>
            <dd>{p.currentGate ? t("gate", { number: p.currentGate.number, name: p.currentGate.name }) : "—"}</dd>
            <dt className="text-slate-600">{t("nextMilestone")}</dt>
            <dd>
              {p.nextMilestone
                ? t("milestone", { label: milestoneName(p.nextMilestone), date: format.date(p.nextMilestone.date) })
                : "—"}
            </dd>
            <dt className="text-slate-600">{t("targetGoLive")}</dt>
            <dd>{format.date(p.targetGoLiveDate)}</dd>
            {p.billable ? (
              <>
                <dt className="text-slate-600">{t("billable")}</dt>
                <dd className="tabular-nums">{format.money(p.billable.amount, p.billable.currency)}</dd>
              </>
            ) : null}
          </dl>
          {p.healthReasons.length ? (
            <div className="mt-3 text-sm">
              <p className="font-medium text-slate-800">{t("why", { health: p.health })}</p>
              <ul className="list-disc pl-5 text-slate-700">
                {p.healthReasons.map((r) => (
                  <li key={r.code}>{r.text}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="mt-3 text-sm">
            <Link href={`/projects/${p.id}/reports`} className="text-brand-700 underline">
              {t("statusReports")}
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
