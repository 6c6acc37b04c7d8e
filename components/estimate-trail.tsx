// The estimate trail of a project: charts (drawn on the server) plus the same numbers as a table,
// which is what screen readers and small screens use.
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { EstimateCharts } from "@/components/estimate-charts";
import { formatDate, formatMoney } from "@/lib/display-format";
import type { EstimateTrailView } from "@/lib/views/estimate-trail";

const signed = (days: number) =>
  days === 0 ? "on the target" : days > 0 ? `${days} days after the target` : `${-days} days before the target`;

export function EstimateTrail({ trail }: { trail: EstimateTrailView }) {
  const { points, summary, showCost, targetGoLive } = trail;
  if (!points.length) {
    return (
      <Card title="Estimate trail">
        <EmptyState title="No estimate yet">
          The first point is taken when the client owner approves the MVP scope baseline; another at every accepted
          sprint.
        </EmptyState>
      </Card>
    );
  }
  const { baseline, latest } = summary;
  return (
    <Card title="Estimate trail" id="estimate-trail">
      <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">Target go-live</dt>
          <dd className="font-medium text-slate-900">{formatDate(targetGoLive)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">Baseline forecast</dt>
          <dd className="font-medium text-slate-900">
            {baseline ? formatDate(baseline.forecastGoLive) : "No baseline yet"}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">Latest forecast ({latest?.label})</dt>
          <dd className="font-medium text-slate-900">
            {formatDate(latest?.forecastGoLive)}{" "}
            <span className="font-normal text-slate-600">
              ({formatDate(latest?.forecastGoLiveEarliest)} – {formatDate(latest?.forecastGoLiveLatest)})
            </span>
          </dd>
          <dd className="text-xs text-slate-600">
            {summary.vsTargetDays !== null ? signed(summary.vsTargetDays) : null}
            {summary.slipDays ? `; ${summary.slipDays > 0 ? "+" : ""}${summary.slipDays} days vs the baseline` : null}
          </dd>
        </div>
      </dl>
      <EstimateCharts points={points} targetGoLive={targetGoLive} />
      <div className="mt-4">
        <Table caption="Estimate snapshots">
          <thead>
            <tr>
              <Th>Snapshot</Th>
              <Th>Taken</Th>
              <Th className="text-right">Done (d)</Th>
              <Th className="text-right">Remaining (d)</Th>
              <Th className="text-right">Velocity (d/sprint)</Th>
              <Th>Forecast go-live</Th>
              <Th>Range</Th>
              {showCost ? <Th className="text-right">Forecast cost</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {points.map((p, i) => (
              <tr key={`${p.takenAt}-${i}`}>
                <Td className="font-medium">{p.label}</Td>
                <Td>{formatDate(p.takenAt)}</Td>
                <Td className="text-right">{p.doneDays}</Td>
                <Td className="text-right">{p.remainingDays}</Td>
                <Td className="text-right">{p.velocity ?? "—"}</Td>
                <Td>{formatDate(p.forecastGoLive)}</Td>
                <Td className="whitespace-nowrap">
                  {formatDate(p.forecastGoLiveEarliest)} – {formatDate(p.forecastGoLiveLatest)}
                </Td>
                {showCost ? (
                  <Td className="text-right">
                    {p.forecastCost === null ? "—" : formatMoney(p.forecastCost, p.currency)}
                  </Td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </Card>
  );
}
