// Geometry of the estimate trail's two charts (forecast go-live per snapshot, and the burn-up),
// drawn as plain SVG on the server: axes with round ticks, points spread evenly across the
// snapshots, and the paths between them. The page only draws what this returns, so the charts
// cost the browser no JavaScript. Dates are calendar days in UTC, counted as days since 1970-01-01.
const DAY = 86_400_000;

/** A calendar date (YYYY-MM-DD) as a day number. */
export const dayNumber = (date: string) => Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY);

/** A day number back to its calendar date. */
export const dateOfDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

export type Axis = { min: number; max: number; ticks: number[] };
/** A date axis also says how far apart its ticks are, so a month-start tick can read "Oct 2026". */
export type DateAxis = Axis & { step: "month" | "week" };

/** A linear scale from an axis's domain onto [from, to] (to may be smaller: SVG's y grows downwards). */
export function scale(axis: Pick<Axis, "min" | "max">, from: number, to: number): (value: number) => number {
  const span = axis.max - axis.min || 1;
  return (value) => Math.round((from + ((value - axis.min) / span) * (to - from)) * 100) / 100;
}

/** A quantity axis from zero to a round number above the largest value, with 1, 2, 2.5 or 5 × 10ⁿ steps. */
export function quantityAxis(values: number[], maxTicks = 5): Axis {
  const top = Math.max(0, ...values);
  if (top === 0) return { min: 0, max: 1, ticks: [0, 1] };
  const rough = top / Math.max(1, maxTicks - 1);
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  // The tolerance keeps 0.4 / 0.1 = 4.000000000000001 from adding a step.
  const max = Math.round(Math.ceil(top / step - 1e-9) * step * 1000) / 1000;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 1000; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return { min: 0, max, ticks };
}

/**
 * A date axis over the given days, padded on both sides so no point sits on the frame. Ticks fall
 * on the first of a month, every 1, 2, 3, 6 or 12 months, at most maxTicks of them; a range too
 * short to hold two month starts gets weekly ticks instead.
 */
export function dateAxis(days: number[], padDays = 14, maxTicks = 5): DateAxis {
  const min = Math.min(...days) - padDays;
  const max = Math.max(...days) + padDays;
  const first = new Date(min * DAY);
  const monthStarts: number[] = [];
  for (let i = 1; ; i++) {
    const day = Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + i, 1) / DAY;
    if (day > max) break;
    monthStarts.push(day);
  }
  if (monthStarts.length >= 2) {
    const every =
      [1, 2, 3, 6, 12].find((n) => Math.ceil(monthStarts.length / n) <= maxTicks) ??
      Math.ceil(monthStarts.length / maxTicks);
    return { min, max, ticks: monthStarts.filter((_, i) => i % every === 0), step: "month" };
  }
  const ticks: number[] = [];
  for (let day = min + 7; day < max; day += 7) ticks.push(day);
  return { min, max, ticks, step: "week" };
}

/** Where the i-th of `count` snapshots sits across [from, to]: the middle of its equal share, as a category axis places
 * it. */
export function snapshotX(index: number, count: number, from: number, to: number): number {
  return Math.round((from + ((index + 0.5) / count) * (to - from)) * 100) / 100;
}

/**
 * Which snapshots get a label under the axis when there is room for only `room` of them: the
 * first, the last, and evenly spaced ones between that keep clear of the last.
 */
export function labelledSnapshots(count: number, room: number): number[] {
  if (count <= room) return Array.from({ length: count }, (_, i) => i);
  const every = Math.ceil((count - 1) / Math.max(1, room - 1));
  const shown: number[] = [];
  for (let i = 0; i < count - 1; i += every) if (count - 1 - i >= every / 2 || i === 0) shown.push(i);
  shown.push(count - 1);
  return shown;
}

type Point = readonly [number, number];

/** Straight segments through the points. */
export function linePath(points: Point[]): string {
  return points.map(([x, y], i) => `${i ? "L" : "M"}${x} ${y}`).join(" ");
}

/** A step line that holds each value until the next point (the scope total changes at a snapshot, not between). */
export function stepAfterPath(points: Point[]): string {
  return points.map(([x, y], i) => (i ? `H${x} V${y}` : `M${x} ${y}`)).join(" ");
}

/** A closed band between an upper and a lower line over the same x positions. */
export function bandPath(upper: Point[], lower: Point[]): string {
  if (!upper.length) return "";
  return `${linePath(upper)} ${[...lower]
    .reverse()
    .map(([x, y]) => `L${x} ${y}`)
    .join(" ")} Z`;
}
