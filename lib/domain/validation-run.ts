// Validation runs (DESIGN.md §3): homologation first, then production. Guardians record a
// result per scenario; the client owner's "OK" closes the run — passed only when every
// scenario passed. Pure: current state + command → next state + audit events, or a refusal.

import type { SCENARIO_RESULTS, VALIDATION_ENVIRONMENTS, VALIDATION_RUN_STATUSES } from "@/db/enums";
import {
  refuse as refuseWith,
  type DomainEvent,
  type Outcome,
  type Refused,
  type RefusalParams,
} from "@/lib/domain/refusal";

export type Environment = (typeof VALIDATION_ENVIRONMENTS)[number];
export type RunStatus = (typeof VALIDATION_RUN_STATUSES)[number];
export type ScenarioResult = (typeof SCENARIO_RESULTS)[number];

export type Scenario = {
  id: string;
  position: number;
  title: string;
  source: string;
  result: ScenarioResult;
  notes: string;
};
export type Run = {
  id: string;
  environment: Environment;
  status: RunStatus;
  closedAt: string | null;
  scenarios: Scenario[];
};

/** Accepted: what follows and its audit events; refused: why, with the checklist keys it waits for. */
export type RunOutcome<T extends object> = Outcome<T & { events: DomainEvent[] }, string>;

type Words = { params?: RefusalParams; variant?: string; missing?: string[] };
const refuse = (code: string, message: string, words: Words = {}): Refused<string> => refuseWith(code, message, words);

/** The most recently closed run of an environment (runs closed later supersede earlier ones). */
export function latestClosedRun<R extends Pick<Run, "environment" | "status" | "closedAt">>(
  runs: R[],
  environment: Environment,
): R | null {
  return (
    runs
      .filter((r) => r.environment === environment && r.status !== "open" && r.closedAt)
      .sort((a, b) => (a.closedAt! < b.closedAt! ? 1 : -1))[0] ?? null
  );
}

export type ScenarioSeed = { title: string; source: string };

/** The starting checklist: one end-to-end scenario per module sold, one per scope item still in scope. */
export function generateScenarios(
  modules: string[],
  scopeItems: { id: string; title: string; category: string; priority: string; status: string }[],
): ScenarioSeed[] {
  const fromModules = modules.map((m) => ({
    title: `${m}: the end-to-end flow works as agreed`,
    source: `module:${m}`,
  }));
  const fromScope = scopeItems
    .filter((s) => s.status !== "dropped" && s.priority !== "wont")
    .map((s) => ({ title: `${s.title} (${s.category})`, source: `scope:${s.id}` }));
  return [...fromModules, ...fromScope];
}

/** Opening a run: one open run at a time; production only after the latest homologation run passed. */
export function openRun(
  runs: Run[],
  environment: Environment,
  seeds: ScenarioSeed[],
): RunOutcome<{ scenarios: ScenarioSeed[] }> {
  const open = runs.find((r) => r.status === "open");
  if (open) {
    return refuse(
      "validation_run_open",
      `A ${open.environment} run is still open; close it before opening another one.`,
      { params: { environment: open.environment } },
    );
  }
  if (environment === "production" && latestClosedRun(runs, "homologation")?.status !== "passed") {
    return refuse("homologation_not_passed", "A production run can be opened only after a passed homologation run.", {
      missing: ["homologation_passed"],
    });
  }
  if (seeds.length === 0) {
    return refuse("no_scenarios", "There is nothing to validate yet: add modules or scope items to the project first.");
  }
  return {
    ok: true,
    scenarios: seeds,
    events: [{ action: "validation_run.open", after: { environment, scenarios: seeds.length } }],
  };
}

function requireOpen(run: Run): Refused<string> | null {
  return run.status === "open"
    ? null
    : refuse(
        "validation_run_closed",
        `This ${run.environment} run is closed (${run.status}); it can no longer change.`,
        { params: { environment: run.environment, status: run.status } },
      );
}

export function addScenario(run: Run, title: string): RunOutcome<{ position: number }> {
  const closed = requireOpen(run);
  if (closed) return closed;
  const position = run.scenarios.reduce((max, s) => Math.max(max, s.position), 0) + 1;
  return { ok: true, position, events: [{ action: "validation_scenario.add", after: { title, position } }] };
}

/** A scenario with a recorded result is evidence: it stays on the checklist. */
export function removeScenario(run: Run, scenarioId: string): RunOutcome<object> {
  const closed = requireOpen(run);
  if (closed) return closed;
  const scenario = run.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return refuse("scenario_unknown", "This scenario is not part of the run.");
  if (scenario.result !== "pending") {
    return refuse("scenario_recorded", "A scenario with a recorded result cannot be removed.");
  }
  if (run.scenarios.length === 1) return refuse("last_scenario", "A run needs at least one scenario.");
  return { ok: true, events: [{ action: "validation_scenario.remove", after: { scenarioId, title: scenario.title } }] };
}

/** Moves one scenario up or down; returns the new order as ids with their positions. */
export function moveScenario(
  run: Run,
  scenarioId: string,
  direction: "up" | "down",
): RunOutcome<{ order: { id: string; position: number }[] }> {
  const closed = requireOpen(run);
  if (closed) return closed;
  const ordered = [...run.scenarios].sort((a, b) => a.position - b.position);
  const index = ordered.findIndex((s) => s.id === scenarioId);
  if (index < 0) return refuse("scenario_unknown", "This scenario is not part of the run.");
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= ordered.length) {
    return refuse("scenario_at_edge", `This scenario is already ${direction === "up" ? "first" : "last"}.`, {
      params: { direction },
    });
  }
  [ordered[index], ordered[target]] = [ordered[target], ordered[index]];
  return {
    ok: true,
    order: ordered.map((s, i) => ({ id: s.id, position: i + 1 })),
    events: [{ action: "validation_scenario.move", after: { scenarioId, direction } }],
  };
}

export function recordResult(run: Run, scenarioId: string, result: "pass" | "fail", notes: string): RunOutcome<object> {
  const closed = requireOpen(run);
  if (closed) return closed;
  const scenario = run.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) return refuse("scenario_unknown", "This scenario is not part of the run.");
  if (result === "fail" && !notes.trim()) {
    return refuse("failure_needs_notes", "Describe what failed in the notes so the team can fix it.");
  }
  return {
    ok: true,
    events: [
      {
        action: "validation_scenario.record",
        after: { scenarioId, title: scenario.title, result, notes, previous: scenario.result },
      },
    ],
  };
}

/**
 * The client owner's "OK": every scenario must have a result. Passed when all passed;
 * otherwise the run closes as failed, which needs a note saying what happens next.
 */
export function closeRun(run: Run, note: string): RunOutcome<{ status: "passed" | "failed" }> {
  const closed = requireOpen(run);
  if (closed) return closed;
  const pending = run.scenarios.filter((s) => s.result === "pending");
  if (pending.length > 0) {
    return refuse(
      "scenarios_pending",
      `${pending.length} scenario${pending.length === 1 ? " has" : "s have"} no result yet; the guardians ` +
        `must record every scenario first.`,
      { missing: pending.map((s) => s.title), params: { count: pending.length } },
    );
  }
  const failed = run.scenarios.filter((s) => s.result === "fail");
  const status = failed.length === 0 ? "passed" : "failed";
  if (status === "failed" && !note.trim()) {
    return refuse(
      "failed_run_needs_note",
      `${failed.length} scenario(s) failed: the run closes as failed, and needs a note.`,
      { params: { count: failed.length } },
    );
  }
  return {
    ok: true,
    status,
    events: [{ action: "validation_run.close", after: { environment: run.environment, status, note } }],
  };
}
