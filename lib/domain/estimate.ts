// Re-estimation (DESIGN.md §2 EstimateSnapshot): from the scope and the observed velocity of
// accepted sprints, the remaining effort, a forecast go-live date with a range, and a cost.
// Pure: the data layer gathers the numbers and stores what this returns.

export type AcceptedSprint = { deliveredDays: number; startDate: string; endDate: string };

export type EstimateInput = {
  /** Total active scope (everything not dropped / won't), person-days. */
  totalDays: number;
  /** Person-days of scope items done (delivered in accepted sprints). */
  doneDays: number;
  /** Accepted sprints, oldest first. */
  acceptedSprints: AcceptedSprint[];
  /** Capacity of planned sprints, used as the velocity when nothing was accepted yet. */
  plannedCapacityDays: number | null;
  /** Day the forecast starts from (YYYY-MM-DD). */
  asOf: string;
  targetGoLive: string;
  billing: { mode: "per_day" | "fixed_per_sprint"; dayRate: number; fixedSprintAmount: number };
  /** Money already billed (billable, invoiced or paid), cents. */
  billedCents: number;
};

export type Estimate = {
  doneDays: number;
  remainingDays: number;
  velocityDaysPerSprint: number | null;
  forecastGoLive: string;
  forecastGoLiveEarliest: string;
  forecastGoLiveLatest: string;
  forecastCost: number;
  remainingSprints: number | null;
};

/** How many recent accepted sprints the velocity and its range are taken from. */
export const VELOCITY_WINDOW = 3;
export const DEFAULT_SPRINT_LENGTH_DAYS = 14;

const DAY = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, days: number) => new Date(toTime(date) + days * DAY).toISOString().slice(0, 10);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Calendar length of a sprint (inclusive of both ends), from recent sprints or a default. */
export function sprintLengthDays(sprints: AcceptedSprint[]): number {
  const recent = sprints.slice(-VELOCITY_WINDOW);
  if (!recent.length) return DEFAULT_SPRINT_LENGTH_DAYS;
  const lengths = recent.map((s) => Math.max(1, Math.round((toTime(s.endDate) - toTime(s.startDate)) / DAY) + 1));
  return Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length);
}

export function velocity(sprints: AcceptedSprint[]): { mean: number; min: number; max: number } | null {
  const recent = sprints
    .slice(-VELOCITY_WINDOW)
    .map((s) => s.deliveredDays)
    .filter((d) => d > 0);
  if (!recent.length) return null;
  return {
    mean: recent.reduce((a, b) => a + b, 0) / recent.length,
    min: Math.min(...recent),
    max: Math.max(...recent),
  };
}

export function estimate(input: EstimateInput): Estimate {
  const doneDays = round1(Math.max(0, input.doneDays));
  const remainingDays = round1(Math.max(0, input.totalDays - input.doneDays));
  const observed = velocity(input.acceptedSprints);
  const fallback = input.plannedCapacityDays && input.plannedCapacityDays > 0 ? input.plannedCapacityDays : null;
  const speed = observed ?? (fallback ? { mean: fallback, min: fallback, max: fallback } : null);
  const length = sprintLengthDays(input.acceptedSprints);
  const billed = Math.max(0, input.billedCents);

  if (!speed) {
    // Nothing to measure yet: the plan's own date is the only forecast there is.
    return {
      doneDays,
      remainingDays,
      velocityDaysPerSprint: null,
      forecastGoLive: input.targetGoLive,
      forecastGoLiveEarliest: input.targetGoLive,
      forecastGoLiveLatest: input.targetGoLive,
      forecastCost: billed + costOf(remainingDays, null, input.billing),
      remainingSprints: null,
    };
  }
  const sprintsAt = (v: number) => (remainingDays === 0 ? 0 : Math.ceil(remainingDays / v));
  const remainingSprints = sprintsAt(speed.mean);
  return {
    doneDays,
    remainingDays,
    velocityDaysPerSprint: round1(speed.mean),
    forecastGoLive: addDays(input.asOf, remainingSprints * length),
    forecastGoLiveEarliest: addDays(input.asOf, sprintsAt(speed.max) * length),
    forecastGoLiveLatest: addDays(input.asOf, sprintsAt(speed.min) * length),
    forecastCost: billed + costOf(remainingDays, remainingSprints, input.billing),
    remainingSprints,
  };
}

function costOf(remainingDays: number, remainingSprints: number | null, billing: EstimateInput["billing"]): number {
  if (billing.mode === "fixed_per_sprint") {
    // Without any velocity the number of sprints left is unknown: only what is billed counts.
    return (remainingSprints ?? 0) * billing.fixedSprintAmount;
  }
  return Math.round(remainingDays * billing.dayRate);
}

export type SnapshotPoint = {
  takenAt: string;
  kind: "baseline" | "sprint_close";
  label: string;
  doneDays: number;
  remainingDays: number;
  forecastGoLive: string;
  forecastGoLiveEarliest: string;
  forecastGoLiveLatest: string;
  /** Null when the reader may not see internal cost figures. */
  forecastCost: number | null;
};

/** Burn-up series (done vs total scope) and the baseline-vs-latest comparison, from the trail. */
export function trailSummary(points: SnapshotPoint[], targetGoLive: string) {
  const burnUp = points.map((p) => ({ label: p.label, done: p.doneDays, total: round1(p.doneDays + p.remainingDays) }));
  const baseline = [...points].reverse().find((p) => p.kind === "baseline") ?? null;
  const latest = points.at(-1) ?? null;
  const slipDays =
    baseline && latest ? Math.round((toTime(latest.forecastGoLive) - toTime(baseline.forecastGoLive)) / DAY) : null;
  const vsTargetDays = latest ? Math.round((toTime(latest.forecastGoLive) - toTime(targetGoLive)) / DAY) : null;
  return { burnUp, baseline, latest, slipDays, vsTargetDays };
}
