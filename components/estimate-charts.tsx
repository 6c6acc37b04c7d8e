"use client";

// The estimate trail (forecast go-live per snapshot, with its range, against the target) and the
// burn-up (done vs total scope). Recharts is only loaded by the pages that render this.
// The pictures are hidden from screen readers (the table beside them has the same numbers), so
// they hold nothing focusable either: Recharts' keyboard layer is off.
import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { formatDate } from "@/lib/display-format";

export type TrailPoint = {
  label: string;
  forecastGoLive: string;
  forecastGoLiveEarliest: string;
  forecastGoLiveLatest: string;
  doneDays: number;
  remainingDays: number;
};

const DAY = 86_400_000;
const toDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const toDate = (day: number) => formatDate(new Date(day * DAY).toISOString());

export function EstimateCharts({ points, targetGoLive }: { points: TrailPoint[]; targetGoLive: string }) {
  const target = toDay(targetGoLive);
  const trail = points.map((p) => ({
    label: p.label,
    forecast: toDay(p.forecastGoLive),
    range: [toDay(p.forecastGoLiveEarliest), toDay(p.forecastGoLiveLatest)] as [number, number],
  }));
  const all = trail.flatMap((t) => [t.forecast, ...t.range, target]);
  const domain = [Math.min(...all) - 14, Math.max(...all) + 14];
  const burnUp = points.map((p) => ({ label: p.label, done: p.doneDays, total: Math.round((p.doneDays + p.remainingDays) * 10) / 10 }));

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-800">Forecast go-live per snapshot (range shaded) vs target</figcaption>
        <div className="h-64 w-full" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <ComposedChart accessibilityLayer={false} data={trail} margin={{ top: 8, right: 12, bottom: 8, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis domain={domain} tickFormatter={toDate} tick={{ fontSize: 11 }} width={84} />
              <Tooltip formatter={(value) => (Array.isArray(value) ? value.map((v) => toDate(Number(v))).join(" → ") : toDate(Number(value)))} />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Area type="linear" dataKey="range" name="Forecast range" fill="#bfdbfe" stroke="none" isAnimationActive={false} />
              <Line type="linear" dataKey="forecast" name="Forecast go-live" stroke="#1d4ed8" strokeWidth={2} dot isAnimationActive={false} />
              <ReferenceLine y={target} stroke="#b91c1c" strokeDasharray="6 3" label={{ value: "Target", fontSize: 11, fill: "#b91c1c", position: "insideTopLeft" }} />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
      </figure>
      <figure className="min-w-0">
        <figcaption className="mb-2 text-sm font-medium text-slate-800">Burn-up: done vs total scope (person-days)</figcaption>
        <div className="h-64 w-full" aria-hidden>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart accessibilityLayer={false} data={burnUp} margin={{ top: 8, right: 12, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
              <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
              <YAxis tick={{ fontSize: 11 }} width={44} />
              <Tooltip />
              <Legend wrapperStyle={{ fontSize: 12 }} />
              <Line type="stepAfter" dataKey="total" name="Total scope" stroke="#64748b" strokeWidth={2} isAnimationActive={false} />
              <Line type="linear" dataKey="done" name="Done" stroke="#15803d" strokeWidth={2} dot isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      </figure>
    </div>
  );
}
