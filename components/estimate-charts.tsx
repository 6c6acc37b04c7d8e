// The estimate trail (forecast go-live per snapshot, with its range, against the target) and the
// burn-up (done vs total scope), drawn on the server: no chart library and no JavaScript in the
// browser, which kept the roadmap's main thread busy for a second on a phone. Lines and the band
// are SVG stretched over the plot (their strokes keep their width); labels, dots and guides are
// HTML placed in percent, so text stays its real size at any width. Hovering a dot shows its
// values. The pictures are hidden from screen readers: the table beside them has the same numbers.
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getFormat } from "@/lib/i18n/format-server";
import {
  bandPath,
  dateAxis,
  dateOfDay,
  dayNumber,
  labelledSnapshots,
  linePath,
  quantityAxis,
  scale,
  snapshotX,
  stepAfterPath,
  type Axis,
} from "@/lib/domain/estimate-chart";

export type TrailPoint = {
  label: string;
  forecastGoLive: string;
  forecastGoLiveEarliest: string;
  forecastGoLiveLatest: string;
  doneDays: number;
  remainingDays: number;
};

// About as many snapshot labels as fit under half a laptop screen, and under a phone, without touching.
const LABEL_ROOM = 6;
const PHONE_LABEL_ROOM = 3;

type Series = { points: (readonly [number, number])[]; path: string; color: string; dots?: string[] };

function Plot({
  axis,
  tickLabel,
  yAxisWidth,
  labels,
  band,
  series,
  reference,
}: {
  axis: Axis;
  tickLabel: (tick: number) => string;
  yAxisWidth: string;
  labels: string[];
  band?: string;
  series: Series[];
  reference?: { y: number; label: string };
}) {
  const y = scale(axis, 100, 0);
  const onPhone = new Set(labelledSnapshots(labels.length, PHONE_LABEL_ROOM));
  return (
    <div aria-hidden className="flex h-64 pb-6 pt-2 pr-3 text-[11px] text-slate-600">
      <div className={`relative shrink-0 ${yAxisWidth}`}>
        {axis.ticks.map((t) => (
          <span key={t} className="absolute right-1.5 -translate-y-1/2 whitespace-nowrap" style={{ top: `${y(t)}%` }}>
            {tickLabel(t)}
          </span>
        ))}
      </div>
      <div className="relative min-w-0 flex-1 border-b border-l border-slate-400">
        {axis.ticks.map((t) => (
          <div
            key={t}
            className="absolute inset-x-0 border-t border-dashed border-slate-200"
            style={{ top: `${y(t)}%` }}
          />
        ))}
        <svg
          viewBox="0 0 100 100"
          preserveAspectRatio="none"
          className="absolute inset-0 h-full w-full overflow-visible"
        >
          {band ? <path d={band} fill="#bfdbfe" /> : null}
          {series.map((s) => (
            <path
              key={s.color}
              d={s.path}
              fill="none"
              stroke={s.color}
              strokeWidth={2}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
          ))}
        </svg>
        {reference ? (
          <div
            className="absolute inset-x-0 border-t-2 border-dashed border-red-700"
            style={{ top: `${reference.y}%` }}
          >
            <span className="absolute bottom-0.5 left-1 text-red-700">{reference.label}</span>
          </div>
        ) : null}
        {series.flatMap((s) =>
          (s.dots ?? []).map((title, i) => (
            <span
              key={`${s.color}-${i}`}
              title={title}
              className="absolute h-2 w-2 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 bg-white"
              style={{ left: `${s.points[i][0]}%`, top: `${s.points[i][1]}%`, borderColor: s.color }}
            />
          )),
        )}
        {labelledSnapshots(labels.length, LABEL_ROOM).map((i) => (
          <span
            key={i}
            className={
              `absolute top-full mt-1 -translate-x-1/2 ` + `whitespace-nowrap ${onPhone.has(i) ? "" : "max-sm:hidden"}`
            }
            style={{ left: `${snapshotX(i, labels.length, 0, 100)}%` }}
          >
            {labels[i]}
          </span>
        ))}
      </div>
    </div>
  );
}

function Legend({ items }: { items: { swatch: ReactNode; label: string }[] }) {
  return (
    <ul aria-hidden className="mt-1 flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-slate-700">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          {item.swatch}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

const lineSwatch = (className: string) => <span className={`inline-block w-4 border-t-2 ${className}`} />;

/**
 * A snapshot's label in the reader's language. lib/data/estimates.ts names snapshots in English
 * ("Baseline v2", "Sprint 3", "Sprint close"); those shapes are known, anything else is shown as it is.
 */
export async function getSnapshotLabel(): Promise<(label: string) => string> {
  const tl = await getTranslations("estimateTrail");
  return (label) => {
    const baseline = /^Baseline v(\d+)$/.exec(label);
    if (baseline) return tl("baselineVersion", { version: baseline[1] });
    const sprint = /^Sprint (\d+)$/.exec(label);
    if (sprint) return tl("sprintNumber", { number: sprint[1] });
    if (label === "Baseline") return tl("baseline");
    if (label === "Sprint close") return tl("sprintClose");
    return label;
  };
}

export async function EstimateCharts({ points, targetGoLive }: { points: TrailPoint[]; targetGoLive: string }) {
  const t = await getTranslations("estimateCharts");
  const format = await getFormat();
  const snapshotLabel = await getSnapshotLabel();
  const count = points.length;
  const x = (i: number) => snapshotX(i, count, 0, 100);
  const labels = points.map((p) => snapshotLabel(p.label));

  const target = dayNumber(targetGoLive);
  const dates = dateAxis([
    target,
    ...points.flatMap((p) => [p.forecastGoLive, p.forecastGoLiveEarliest, p.forecastGoLiveLatest].map(dayNumber)),
  ]);
  const dateY = scale(dates, 100, 0);
  const forecast = points.map((p, i) => [x(i), dateY(dayNumber(p.forecastGoLive))] as const);
  const range = bandPath(
    points.map((p, i) => [x(i), dateY(dayNumber(p.forecastGoLiveLatest))] as const),
    points.map((p, i) => [x(i), dateY(dayNumber(p.forecastGoLiveEarliest))] as const),
  );

  const totals = points.map((p) => Math.round((p.doneDays + p.remainingDays) * 10) / 10);
  const days = quantityAxis(totals);
  const daysY = scale(days, 100, 0);
  const total = points.map((_, i) => [x(i), daysY(totals[i])] as const);
  const done = points.map((p, i) => [x(i), daysY(p.doneDays)] as const);

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-800">{t("forecastCaption")}</figcaption>
        <Plot
          axis={dates}
          tickLabel={(tick) =>
            dates.step === "month"
              ? format.month(dateOfDay(tick).slice(0, 7), { short: true })
              : format.date(dateOfDay(tick))
          }
          yAxisWidth="w-20"
          labels={labels}
          band={range}
          series={[
            {
              points: forecast,
              path: linePath(forecast),
              color: "#1d4ed8",
              dots: points.map((p, i) =>
                t("forecastDot", {
                  label: labels[i],
                  date: format.date(p.forecastGoLive),
                  earliest: format.date(p.forecastGoLiveEarliest),
                  latest: format.date(p.forecastGoLiveLatest),
                }),
              ),
            },
          ]}
          reference={{ y: dateY(target), label: t("targetLine", { date: format.date(targetGoLive) }) }}
        />
        <Legend
          items={[
            { swatch: <span className="inline-block h-3 w-4 bg-[#bfdbfe]" />, label: t("legendRange") },
            { swatch: lineSwatch("border-[#1d4ed8]"), label: t("legendForecast") },
            { swatch: lineSwatch("border-dashed border-red-700"), label: t("legendTarget") },
          ]}
        />
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-800">{t("burnUpCaption")}</figcaption>
        <Plot
          axis={days}
          tickLabel={(tick) => format.number(tick)}
          yAxisWidth="w-11"
          labels={labels}
          series={[
            { points: total, path: stepAfterPath(total), color: "#64748b" },
            {
              points: done,
              path: linePath(done),
              color: "#15803d",
              dots: points.map((p, i) =>
                t("burnUpDot", {
                  label: labels[i],
                  done: format.number(p.doneDays),
                  total: format.number(totals[i]),
                }),
              ),
            },
          ]}
        />
        <Legend
          items={[
            { swatch: lineSwatch("border-[#64748b]"), label: t("legendTotal") },
            { swatch: lineSwatch("border-[#15803d]"), label: t("legendDone") },
          ]}
        />
      </figure>
    </div>
  );
}
