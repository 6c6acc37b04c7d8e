import { describe, expect, it } from "vitest";
import {
  addScenario,
  closeRun,
  generateScenarios,
  latestClosedRun,
  moveScenario,
  openRun,
  recordResult,
  removeScenario,
  type Run,
  type Scenario,
} from "./validation-run";

const scenario = (id: string, position: number, result: Scenario["result"] = "pending"): Scenario => ({
  id,
  position,
  title: `Scenario ${id}`,
  source: "manual",
  result,
  notes: "",
});
const run = (over: Partial<Run> = {}): Run => ({
  id: "r1",
  environment: "homologation",
  status: "open",
  closedAt: null,
  scenarios: [scenario("a", 1), scenario("b", 2), scenario("c", 3)],
  ...over,
});
const closed = (environment: Run["environment"], status: "passed" | "failed", closedAt: string): Run =>
  run({ id: `${environment}-${closedAt}`, environment, status, closedAt });
const seeds = [{ title: "Invoicing flow", source: "module:Invoicing" }];

describe("generateScenarios", () => {
  it("makes one scenario per module and per scope item still in scope", () => {
    const result = generateScenarios(
      ["Invoicing", "Meter data"],
      [
        { id: "s1", title: "Tariff A", category: "configuration", priority: "must", status: "planned" },
        { id: "s2", title: "Old report", category: "reporting", priority: "should", status: "dropped" },
        { id: "s3", title: "Nice to have", category: "other", priority: "wont", status: "proposed" },
      ],
    );
    expect(result.map((s) => s.source)).toEqual(["module:Invoicing", "module:Meter data", "scope:s1"]);
  });
});

describe("openRun", () => {
  it.each([
    { name: "first homologation run", runs: [], env: "homologation", reason: null },
    { name: "production before any homologation", runs: [], env: "production", reason: "homologation_not_passed" },
    {
      name: "production after a failed homologation",
      runs: [closed("homologation", "failed", "2026-01-02")],
      env: "production",
      reason: "homologation_not_passed",
    },
    {
      name: "production after a passed homologation",
      runs: [closed("homologation", "passed", "2026-01-02")],
      env: "production",
      reason: null,
    },
    {
      name: "production when a later homologation failed",
      runs: [closed("homologation", "passed", "2026-01-02"), closed("homologation", "failed", "2026-01-05")],
      env: "production",
      reason: "homologation_not_passed",
    },
    { name: "while another run is open", runs: [run()], env: "homologation", reason: "validation_run_open" },
  ] as const)("$name → $reason", ({ runs, env, reason }) => {
    const outcome = openRun([...runs], env, seeds);
    expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
  });

  it("refuses an empty checklist", () => {
    const outcome = openRun([], "homologation", []);
    expect(outcome.ok ? null : outcome.refusal.code).toBe("no_scenarios");
  });
});

describe("latestClosedRun", () => {
  it("picks the most recently closed run of the environment", () => {
    const runs = [
      closed("homologation", "failed", "2026-01-01"),
      closed("homologation", "passed", "2026-02-01"),
      run(),
    ];
    expect(latestClosedRun(runs, "homologation")?.status).toBe("passed");
    expect(latestClosedRun(runs, "production")).toBeNull();
  });
});

describe("checklist editing", () => {
  it.each([
    { name: "add while open", go: () => addScenario(run(), "New"), reason: null },
    {
      name: "add when closed",
      go: () => addScenario(run({ status: "passed" }), "New"),
      reason: "validation_run_closed",
    },
    { name: "remove a pending scenario", go: () => removeScenario(run(), "a"), reason: null },
    {
      name: "remove a recorded scenario",
      go: () => removeScenario(run({ scenarios: [scenario("a", 1, "pass"), scenario("b", 2)] }), "a"),
      reason: "scenario_recorded",
    },
    {
      name: "remove the last scenario",
      go: () => removeScenario(run({ scenarios: [scenario("a", 1)] }), "a"),
      reason: "last_scenario",
    },
    { name: "remove an unknown scenario", go: () => removeScenario(run(), "zz"), reason: "scenario_unknown" },
    { name: "move the first scenario up", go: () => moveScenario(run(), "a", "up"), reason: "scenario_at_edge" },
    { name: "move the last scenario down", go: () => moveScenario(run(), "c", "down"), reason: "scenario_at_edge" },
    {
      name: "move when closed",
      go: () => moveScenario(run({ status: "failed" }), "b", "up"),
      reason: "validation_run_closed",
    },
  ])("$name → $reason", ({ go, reason }) => {
    const outcome = go();
    expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
  });

  it("adds at the end and swaps neighbours when moving", () => {
    const added = addScenario(run(), "New");
    expect(added.ok && added.position).toBe(4);
    const moved = moveScenario(run(), "c", "up");
    expect(moved.ok && moved.order).toEqual([
      { id: "a", position: 1 },
      { id: "c", position: 2 },
      { id: "b", position: 3 },
    ]);
  });
});

describe("recordResult", () => {
  it.each([
    { name: "pass", result: "pass", notes: "", reason: null },
    { name: "fail with notes", result: "fail", notes: "Total is wrong", reason: null },
    { name: "fail without notes", result: "fail", notes: "  ", reason: "failure_needs_notes" },
  ] as const)("$name → $reason", ({ result, notes, reason }) => {
    const outcome = recordResult(run(), "a", result, notes);
    expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
  });

  it("refuses on a closed run", () => {
    const outcome = recordResult(run({ status: "passed" }), "a", "pass", "");
    expect(outcome.ok ? null : outcome.refusal.code).toBe("validation_run_closed");
  });
});

describe("closeRun", () => {
  const withResults = (...results: Scenario["result"][]) =>
    run({ scenarios: results.map((r, i) => scenario(String(i), i + 1, r)) });
  it.each([
    { name: "all passed", state: withResults("pass", "pass"), note: "", reason: null, status: "passed" },
    {
      name: "one failed, with a note",
      state: withResults("pass", "fail"),
      note: "Re-test next week",
      reason: null,
      status: "failed",
    },
    {
      name: "one failed, no note",
      state: withResults("pass", "fail"),
      note: "",
      reason: "failed_run_needs_note",
      status: null,
    },
    { name: "one pending", state: withResults("pass", "pending"), note: "", reason: "scenarios_pending", status: null },
    {
      name: "already closed",
      state: run({ status: "passed" }),
      note: "",
      reason: "validation_run_closed",
      status: null,
    },
  ])("$name → $reason / $status", ({ state, note, reason, status }) => {
    const outcome = closeRun(state, note);
    expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
    expect(outcome.ok ? outcome.status : null).toBe(status);
  });
});
