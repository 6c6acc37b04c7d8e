// Payment milestone totals per status (one row per currency): count and amount.
import { StatusBadge } from "@/components/ui/badge";
import { formatMoney } from "@/lib/display-format";
import type { totalsByStatus } from "@/lib/domain/billing";

const STATUSES = ["pending", "billable", "invoiced", "paid"] as const;

export function MilestoneTotals({ totals }: { totals: ReturnType<typeof totalsByStatus> }) {
  if (!totals.length) return null;
  return (
    <div className="space-y-3">
      {totals.map(({ currency, totals: t }) => (
        <dl key={currency} className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-label={`Totals in ${currency}`}>
          {STATUSES.map((s) => (
            <div key={s} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="flex items-center gap-2 text-xs text-slate-600">
                <StatusBadge status={s} /> {t[s].count} milestone{t[s].count === 1 ? "" : "s"}
              </dt>
              <dd className="mt-1 text-lg font-semibold text-slate-900">{formatMoney(t[s].amount, currency)}</dd>
            </div>
          ))}
        </dl>
      ))}
    </div>
  );
}
