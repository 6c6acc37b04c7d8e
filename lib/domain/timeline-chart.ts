// Geometry of the portfolio timeline chart: a window of whole months, and where a date falls in
// it (as a percentage of the width), so the page only draws. Dates are calendar days in UTC.
const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);

export type ChartWindow = { from: string; until: string; months: string[] };

/** `before` whole months before today's month and `after` after it (today's month included). */
export function chartWindow(today: string, before = 2, after = 9): ChartWindow {
  const [y, m] = today.split("-").map(Number);
  const months: string[] = [];
  for (let i = -before; i <= after; i++) {
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  const last = new Date(Date.UTC(y, m + after, 0)).toISOString().slice(0, 10);
  return { from: `${months[0]}-01`, until: last, months };
}

/** Where a date falls across the window, 0–100; null when outside it. */
export function positionOf(window: ChartWindow, date: string | null | undefined): number | null {
  if (!date) return null;
  const start = dayOf(window.from);
  const end = dayOf(window.until) + DAY;
  const at = dayOf(date) + DAY / 2;
  if (Number.isNaN(at) || at < start || at > end) return null;
  return Math.round(((at - start) / (end - start)) * 10_000) / 100;
}

export type GateOutcome = "passed" | "conditional" | "stopped" | "open";

/** How a gate's decision reads on the chart. */
export function gateOutcome(decision: string | null, status: string): GateOutcome {
  if (decision === "go") return "passed";
  if (decision === "conditional_go") return "conditional";
  if (decision === "hold" || decision === "kill" || status === "killed") return "stopped";
  return "open";
}

/** Days between planned and actual (positive: late); null unless both are known. */
export function slipDays(planned: string | null, actual: string | null): number | null {
  if (!planned || !actual) return null;
  return Math.round((dayOf(actual) - dayOf(planned)) / DAY);
}
