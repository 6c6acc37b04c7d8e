// Proposed planned dates for a new project's gates. A policy gate may say when it falls
// (`schedule`: days after the start, or days relative to the target go-live); the others are
// spread evenly in the order they are passed, from the start to the go-live, and the last gate
// (gate 1, the review after go-live) comes a while after the go-live. The PM edits them later.
import type { PolicyGate } from "@/db/schema";

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
export function proposePlannedDates(policyGates: ScheduledGate[], startDate: string, targetGoLiveDate: string): Map<number, string> {
  const start = toDays(startDate);
  const goLive = Math.max(toDays(targetGoLiveDate), start);
  // Gates are passed from the highest number down to 1.
  const ordered = [...policyGates].sort((a, b) => b.number - a.number);
  const last = ordered.at(-1);
  const spread = ordered.filter((g) => !g.schedule && g !== last);
  const proposed = new Map<number, number>();
  spread.forEach((gate, i) => {
    const share = spread.length > 1 ? i / (spread.length - 1) : 0;
    proposed.set(gate.number, start + Math.round((goLive - start) * share));
  });
  for (const gate of ordered) {
    if (gate.schedule) {
      proposed.set(gate.number, (gate.schedule.anchor === "start" ? start : goLive) + gate.schedule.days);
    } else if (gate === last) {
      proposed.set(gate.number, goLive + LAST_GATE_DAYS_AFTER_GO_LIVE);
    }
  }
  return new Map([...proposed].map(([number, days]) => [number, toIso(Math.max(days, start))]));
}

/** Why a planned date cannot be kept, or null: no gate is planned before the project starts. */
export function plannedDateProblem(plannedDate: string | null, startDate: string): string | null {
  if (plannedDate && plannedDate < startDate) return `A gate cannot be planned before the project starts (${startDate}).`;
  return null;
}
