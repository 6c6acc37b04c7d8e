// The estimate trail of a project: charts (drawn on the server) plus the same numbers as a table,
// which is what screen readers and small screens use.
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, Td, Th } from "@/components/ui/table";
import { EstimateCharts, getSnapshotLabel } from "@/components/estimate-charts";
import { getFormat } from "@/lib/i18n/format-server";
import type { EstimateTrailView } from "@/lib/views/estimate-trail";

export async function EstimateTrail({ trail }: { trail: EstimateTrailView }) {
  const { points, summary, showCost, targetGoLive } = trail;
  const t = await getTranslations("estimateTrail");
  const format = await getFormat();
  const snapshotLabel = await getSnapshotLabel();
  const signed = (days: number) =>
    days === 0
      ? t("onTarget")
      : days > 0
        ? t("daysAfterTarget", { count: days })
        : t("daysBeforeTarget", { count: -days });
  if (!points.length) {
    return (
      <Card title={t("title")}>
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      </Card>
    );
  }
  const { baseline, latest } = summary;
  return (
    <Card title={t("title")} id="estimate-trail">
      <dl className="mb-4 grid gap-3 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-600">{t("targetGoLive")}</dt>
          <dd className="font-medium text-slate-900">{format.date(targetGoLive)}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("baselineForecast")}</dt>
          <dd className="font-medium text-slate-900">
            {baseline ? format.date(baseline.forecastGoLive) : t("noBaseline")}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">
            {t("latestForecast", { label: latest ? snapshotLabel(latest.label) : "" })}
          </dt>
          <dd className="font-medium text-slate-900">
            {format.date(latest?.forecastGoLive)}{" "}
            <span className="font-normal text-slate-600">
              ({format.date(latest?.forecastGoLiveEarliest)} – {format.date(latest?.forecastGoLiveLatest)})
            </span>
          </dd>
          <dd className="text-xs text-slate-600">
            {summary.vsTargetDays !== null ? signed(summary.vsTargetDays) : null}
            {summary.slipDays
              ? t("vsBaseline", { sign: summary.slipDays > 0 ? "+" : "", count: summary.slipDays })
              : null}
          </dd>
        </div>
      </dl>
      <EstimateCharts points={points} targetGoLive={targetGoLive} />
      <div className="mt-4">
        <Table caption={t("tableCaption")}>
          <thead>
            <tr>
              <Th>{t("columnSnapshot")}</Th>
              <Th>{t("columnTaken")}</Th>
              <Th className="text-right">{t("columnDone")}</Th>
              <Th className="text-right">{t("columnRemaining")}</Th>
              <Th className="text-right">{t("columnVelocity")}</Th>
              <Th>{t("columnForecast")}</Th>
              <Th>{t("columnRange")}</Th>
              {showCost ? <Th className="text-right">{t("columnCost")}</Th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {points.map((p, i) => (
              <tr key={`${p.takenAt}-${i}`}>
                <Td className="font-medium">{snapshotLabel(p.label)}</Td>
                <Td className="whitespace-nowrap">{format.date(p.takenAt)}</Td>
                <Td className="text-right">{format.number(p.doneDays)}</Td>
                <Td className="text-right">{format.number(p.remainingDays)}</Td>
                <Td className="text-right">{p.velocity === null ? "—" : format.number(p.velocity)}</Td>
                <Td className="whitespace-nowrap">{format.date(p.forecastGoLive)}</Td>
                <Td className="whitespace-nowrap">
                  {format.date(p.forecastGoLiveEarliest)} – {format.date(p.forecastGoLiveLatest)}
                </Td>
                {showCost ? (
                  <Td className="text-right">
                    {p.forecastCost === null ? "—" : format.money(p.forecastCost, p.currency)}
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
