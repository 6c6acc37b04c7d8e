import Link from "next/link";
import { HealthBadge, StatusBadge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { PortfolioRow } from "@/lib/data/dashboard";
import { formatDate, formatMoney } from "@/lib/display-format";

/** The client-facing view: the organisation's rollouts, no vendor-internal notes or costs (billing only for client
 * owners). */
export function ClientProjects({ items }: { items: PortfolioRow[] }) {
  if (items.length === 0) {
    return (
      <EmptyState title="No projects yet">
        Your organisation&apos;s rollouts appear here once the vendor adds you to one.
      </EmptyState>
    );
  }
  return (
    <ul className="grid gap-4 md:grid-cols-2" aria-label="Your organisation's projects">
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
            <dt className="text-slate-600">Status</dt>
            <dd>
              <StatusBadge status={p.status} />
            </dd>
            <dt className="text-slate-600">Current gate</dt>
            <dd>{p.currentGate ? `Gate ${p.currentGate.number}: ${p.currentGate.name}` : "—"}</dd>
            <dt className="text-slate-600">Next milestone</dt>
            <dd>{p.nextMilestone ? `${p.nextMilestone.label}, ${formatDate(p.nextMilestone.date)}` : "—"}</dd>
            <dt className="text-slate-600">Target go-live</dt>
            <dd>{formatDate(p.targetGoLiveDate)}</dd>
            {p.billable ? (
              <>
                <dt className="text-slate-600">Billable milestones</dt>
                <dd className="tabular-nums">{formatMoney(p.billable.amount, p.billable.currency)}</dd>
              </>
            ) : null}
          </dl>
          {p.healthReasons.length ? (
            <div className="mt-3 text-sm">
              <p className="font-medium text-slate-800">Why {p.health}:</p>
              <ul className="list-disc pl-5 text-slate-700">
                {p.healthReasons.map((r) => (
                  <li key={r.code}>{r.text}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <p className="mt-3 text-sm">
            <Link href={`/projects/${p.id}/reports`} className="text-brand-700 underline">
              Status reports
            </Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
