// Payment milestone totals per status (one row per currency): count and amount.
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/badge";
import { getFormat } from "@/lib/i18n/format-server";
import type { totalsByStatus } from "@/lib/domain/billing";

const STATUSES = ["pending", "billable", "invoiced", "paid"] as const;

export async function MilestoneTotals({ totals }: { totals: ReturnType<typeof totalsByStatus> }) {
  if (!totals.length) return null;
  const t = await getTranslations("milestoneTotals");
  const format = await getFormat();
  return (
    <div className="space-y-3">
      {totals.map(({ currency, totals: byStatus }) => (
        <dl key={currency} className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={t("totalsIn", { currency })}>
          {STATUSES.map((s) => (
            <div key={s} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="flex items-center gap-2 text-xs text-slate-600">
                <StatusBadge status={s} /> {t("milestones", { count: byStatus[s].count })}
              </dt>
              <dd className="mt-1 text-lg font-semibold text-slate-900">
                {format.money(byStatus[s].amount, currency)}
              </dd>
            </div>
          ))}
        </dl>
      ))}
    </div>
  );
}
