// Project health (DESIGN.md §2 "health (green/amber/red, computed)"): pure rules from the facts
// lib/data/health gathers. Every amber or red comes with the reasons that made it so.

export type Health = "green" | "amber" | "red";
export type ProjectStatus = "active" | "on_hold" | "killed" | "live" | "closed";

export type HealthFacts = {
  status: ProjectStatus;
  targetGoLiveDate: string;
  /** The current gate, when it is still open (pending or in review). */
  currentGate: { number: number; name: string; status: string; plannedDate: string | null } | null;
  changesRequestedArtifacts: number;
  failedQualityActivities: number;
  openBlockingEscalations: number;
  overdueConditions: number;
  /** Forecast go-live of the latest estimate snapshot, if any. */
  forecastGoLive: string | null;
};

/**
 * `text` is the English sentence (cached with the project, written into frozen reports); `params`
 * are its values, so a page can say the same reason in the reader's language (lib/health-words.ts).
 */
export type HealthReason = {
  severity: Exclude<Health, "green">;
  code: string;
  text: string;
  params?: Record<string, string | number>;
};
export type HealthVerdict = { health: Health; reasons: HealthReason[] };

/**
 * What projects.health_reasons holds: whole reasons now, English sentences alone in rows cached
 * before reasons carried their code and values (no migration rewrote them).
 */
export type CachedHealthReason = string | HealthReason;

const isReason = (value: unknown): value is HealthReason => {
  if (typeof value !== "object" || value === null) return false;
  const r = value as Record<string, unknown>;
  return (
    (r.severity === "red" || r.severity === "amber") &&
    typeof r.code === "string" &&
    typeof r.text === "string" &&
    (r.params === undefined || (typeof r.params === "object" && r.params !== null))
  );
};

/**
 * Reads the cached reasons tolerantly. An old plain sentence becomes a reason without params (so
 * it is said in its English text) and without a code; it takes the project's cached colour as its
 * severity, the best the old cache knows. Anything else unreadable is dropped, never shown raw.
 */
export function readHealthReasons(cached: unknown, health: Health): HealthReason[] {
  if (!Array.isArray(cached)) return [];
  const severity: HealthReason["severity"] = health === "red" ? "red" : "amber";
  return cached.flatMap((entry): HealthReason[] =>
    typeof entry === "string" ? [{ severity, code: "", text: entry }] : isReason(entry) ? [entry] : [],
  );
}

/** Same reasons, in the same order, with the same values (the cache is rewritten only when not). */
export function sameHealthReasons(a: readonly HealthReason[], b: readonly HealthReason[]): boolean {
  const key = (r: HealthReason) =>
    JSON.stringify([r.severity, r.code, r.text, Object.entries(r.params ?? {}).sort(([x], [y]) => (x < y ? -1 : 1))]);
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i]!));
}

/** Past this many days, an overdue gate or a slipping forecast is red rather than amber. */
export const OVERDUE_RED_DAYS = 14;
export const SLIP_RED_DAYS = 30;

const DAY = 86_400_000;
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `today` is a YYYY-MM-DD date (UTC), passed in so the rules stay pure. */
export function assessHealth(facts: HealthFacts, today: string): HealthVerdict {
  // Finished or stopped projects have no delivery health to watch.
  if (facts.status === "killed" || facts.status === "closed") return { health: "green", reasons: [] };
  const reasons: HealthReason[] = [];
  const live = facts.status === "live";

  if (facts.openBlockingEscalations > 0) {
    reasons.push({
      severity: "red",
      code: "blocking_escalation",
      params: { count: facts.openBlockingEscalations },
      text: `${plural(facts.openBlockingEscalations, "blocking escalation")} open`,
    });
  }
  if (!live) {
    if (facts.status === "on_hold") {
      reasons.push({ severity: "amber", code: "on_hold", text: "Project is on hold", params: {} });
    }
    const gate = facts.currentGate;
    if (gate?.plannedDate && gate.plannedDate < today) {
      const late = daysBetween(gate.plannedDate, today);
      reasons.push({
        severity: late > OVERDUE_RED_DAYS ? "red" : "amber",
        code: "gate_overdue",
        params: { number: gate.number, name: gate.name, days: late, date: gate.plannedDate },
        text: `Gate ${gate.number} (${gate.name}) is ${plural(late, "day")} past its planned date ${gate.plannedDate}`,
      });
    }
    if (facts.changesRequestedArtifacts > 0) {
      reasons.push({
        severity: "amber",
        code: "changes_requested",
        params: { count: facts.changesRequestedArtifacts },
        text: `${plural(facts.changesRequestedArtifacts, "artifact")} with changes requested`,
      });
    }
    if (facts.failedQualityActivities > 0) {
      reasons.push({
        severity: "amber",
        code: "failed_evidence",
        params: { count: facts.failedQualityActivities },
        text: `${plural(facts.failedQualityActivities, "quality activity", "quality activities")} failed`,
      });
    }
    if (facts.overdueConditions > 0) {
      reasons.push({
        severity: "amber",
        code: "conditions_overdue",
        params: { count: facts.overdueConditions },
        text: `${plural(facts.overdueConditions, "gate condition")} past due`,
      });
    }
    if (facts.forecastGoLive && facts.forecastGoLive > facts.targetGoLiveDate) {
      const slip = daysBetween(facts.targetGoLiveDate, facts.forecastGoLive);
      reasons.push({
        severity: slip > SLIP_RED_DAYS ? "red" : "amber",
        code: "forecast_slip",
        params: { forecast: facts.forecastGoLive, days: slip, target: facts.targetGoLiveDate },
        text:
          `Forecast go-live ${facts.forecastGoLive} is ${plural(slip, "day")} after the ` +
          `target ${facts.targetGoLiveDate}`,
      });
    }
  }
  reasons.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "red" ? -1 : 1));
  const health: Health = reasons.some((r) => r.severity === "red") ? "red" : reasons.length ? "amber" : "green";
  return { health, reasons };
}

/** Sort weight, worst first. */
export const HEALTH_RANK: Record<Health, number> = { red: 0, amber: 1, green: 2 };
