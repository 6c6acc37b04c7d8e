// Proposed planned dates for a new project's gates. A policy gate may say when it falls
// (`schedule`: days after the start, or days relative to the target go-live); the others are
// spread in equal steps, in the order they are passed, between the start and the go-live, and
// the last gate (gate 1, the review after go-live) comes a while after the go-live. The PM
// edits them later.
import type { PolicyGate } from "@/db/enums";

/** How long after go-live the last gate (the post-go-live review) is proposed. */
export const LAST_GATE_DAYS_AFTER_GO_LIVE = 30;

type ScheduledGate = Pick<PolicyGate, "number" | "schedule">;

const DAY = 86_400_000;
const toDays = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY);
const toIso = (days: number) => new Date(days * DAY).toISOString().slice(0, 10);

/**
 * The proposed planned date of every gate, by gate number. Dates are YYYY-MM-DD; no proposal
 * falls before the start date (a planned date before the start is refused when typed in).
 */
export function proposePlannedDates(
  policyGates: ScheduledGate[],
  startDate: string,
  targetGoLiveDate: string,
): Map<number, string> {
  const start = toDays(startDate);
  const goLive = Math.max(toDays(targetGoLiveDate), start);
  // Gates are passed from the highest number down to 1.
  const ordered = [...policyGates].sort((a, b) => b.number - a.number);
  const last = ordered.at(-1);
  const fixed = new Map<ScheduledGate, number>();
  for (const gate of ordered) {
    if (gate.schedule) fixed.set(gate, (gate.schedule.anchor === "start" ? start : goLive) + gate.schedule.days);
    else if (gate === last) fixed.set(gate, goLive + LAST_GATE_DAYS_AFTER_GO_LIVE);
  }
  // The other gates, run by run, in equal steps between the fixed dates around them: the step
  // before a scheduled gate stops short of it; the last run ends on the go-live. The first gate
  // falls one step after the start, not on it, so a new project is not overdue on its first day.
  const proposed = new Map<number, number>();
  let from = start;
  let run: ScheduledGate[] = [];
  for (const gate of ordered) {
    const at = fixed.get(gate);
    if (at === undefined) {
      run.push(gate);
      continue;
    }
    if (run.length) placeRun(proposed, run, from, Math.min(at, goLive), at <= goLive);
    proposed.set(gate.number, at);
    from = Math.max(from, Math.min(at, goLive));
    run = [];
  }
  if (run.length) placeRun(proposed, run, from, goLive, false);
  return new Map([...proposed].map(([number, days]) => [number, toIso(Math.max(days, start))]));
}

function placeRun(proposed: Map<number, number>, run: ScheduledGate[], from: number, to: number, stopShort: boolean) {
  const steps = run.length + (stopShort ? 1 : 0);
  const span = Math.max(to - from, 0);
  run.forEach((gate, i) => proposed.set(gate.number, from + Math.round((span * (i + 1)) / steps)));
}

/** Why a planned date cannot be kept, or null: no gate is planned before the project starts. */
export function plannedDateProblem(plannedDate: string | null, startDate: string): string | null {
  if (plannedDate && plannedDate < startDate)
    return `A gate cannot be planned before the project starts (${startDate}).`;
  return null;
}
