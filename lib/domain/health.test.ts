import { describe, expect, it } from "vitest";
import {
  assessHealth,
  readHealthReasons,
  sameHealthReasons,
  type Health,
  type HealthFacts,
  type HealthReason,
} from "./health";

const TODAY = "2026-06-15";
const base: HealthFacts = {
  status: "active",
  targetGoLiveDate: "2026-12-31",
  currentGate: { number: 5, name: "Detailed plans complete", status: "pending", plannedDate: "2026-07-01" },
  changesRequestedArtifacts: 0,
  failedQualityActivities: 0,
  openBlockingEscalations: 0,
  overdueConditions: 0,
  forecastGoLive: "2026-12-01",
};
const gate = (plannedDate: string | null) => ({ ...base.currentGate!, plannedDate });

describe("assessHealth", () => {
  const cases: { name: string; facts: Partial<HealthFacts>; health: string; codes: string[] }[] = [
    { name: "nothing wrong", facts: {}, health: "green", codes: [] },
    {
      name: "no planned date, no forecast",
      facts: { currentGate: gate(null), forecastGoLive: null },
      health: "green",
      codes: [],
    },
    { name: "gate planned today is not overdue", facts: { currentGate: gate(TODAY) }, health: "green", codes: [] },
    {
      name: "gate overdue by a few days",
      facts: { currentGate: gate("2026-06-10") },
      health: "amber",
      codes: ["gate_overdue"],
    },
    {
      name: "gate overdue by exactly 14 days stays amber",
      facts: { currentGate: gate("2026-06-01") },
      health: "amber",
      codes: ["gate_overdue"],
    },
    {
      name: "gate overdue by more than 14 days",
      facts: { currentGate: gate("2026-05-01") },
      health: "red",
      codes: ["gate_overdue"],
    },
    {
      name: "changes requested",
      facts: { changesRequestedArtifacts: 2 },
      health: "amber",
      codes: ["changes_requested"],
    },
    { name: "failed evidence", facts: { failedQualityActivities: 1 }, health: "amber", codes: ["failed_evidence"] },
    {
      name: "overdue gate conditions",
      facts: { overdueConditions: 1 },
      health: "amber",
      codes: ["conditions_overdue"],
    },
    {
      name: "blocking escalation",
      facts: { openBlockingEscalations: 1 },
      health: "red",
      codes: ["blocking_escalation"],
    },
    { name: "forecast equal to target", facts: { forecastGoLive: "2026-12-31" }, health: "green", codes: [] },
    {
      name: "forecast slips a little",
      facts: { forecastGoLive: "2027-01-20" },
      health: "amber",
      codes: ["forecast_slip"],
    },
    {
      name: "forecast slips more than 30 days",
      facts: { forecastGoLive: "2027-03-01" },
      health: "red",
      codes: ["forecast_slip"],
    },
    { name: "on hold", facts: { status: "on_hold" }, health: "amber", codes: ["on_hold"] },
    {
      name: "several problems: red reasons first",
      facts: { changesRequestedArtifacts: 1, openBlockingEscalations: 2, currentGate: gate("2026-06-12") },
      health: "red",
      codes: ["blocking_escalation", "gate_overdue", "changes_requested"],
    },
    {
      name: "live project ignores gates and forecasts",
      facts: { status: "live", currentGate: gate("2026-01-01"), forecastGoLive: "2028-01-01" },
      health: "green",
      codes: [],
    },
    {
      name: "live project with a blocking escalation",
      facts: { status: "live", openBlockingEscalations: 1 },
      health: "red",
      codes: ["blocking_escalation"],
    },
    {
      name: "closed project is not watched",
      facts: { status: "closed", openBlockingEscalations: 3 },
      health: "green",
      codes: [],
    },
    {
      name: "killed project is not watched",
      facts: { status: "killed", changesRequestedArtifacts: 3 },
      health: "green",
      codes: [],
    },
  ];
  it.each(cases)("$name → $health", ({ facts, health, codes }) => {
    const verdict = assessHealth({ ...base, ...facts }, TODAY);
    expect(verdict.health).toBe(health);
    expect(verdict.reasons.map((r) => r.code)).toEqual(codes);
  });

  it("says why, with numbers and dates", () => {
    const verdict = assessHealth(
      { ...base, currentGate: gate("2026-06-10"), forecastGoLive: "2027-01-20", changesRequestedArtifacts: 1 },
      TODAY,
    );
    expect(verdict.reasons.map((r) => r.text)).toEqual([
      "Gate 5 (Detailed plans complete) is 5 days past its planned date 2026-06-10",
      "1 artifact with changes requested",
      "Forecast go-live 2027-01-20 is 20 days after the target 2026-12-31",
    ]);
  });
});

// Health reads the current gate of whatever policy the project runs on: a six-step project's step
// is judged the same way, with no assumption of seven gates.
describe("assessHealth on a six-step project", () => {
  const step = (number: number, name: string, plannedDate: string | null) => ({
    number,
    name,
    status: "pending",
    plannedDate,
  });
  it.each([
    { name: "step 6 on time", currentGate: step(6, "Kickoff meeting", "2026-06-20"), health: "green", text: null },
    {
      name: "step 4 overdue",
      currentGate: step(4, "Work plan", "2026-06-05"),
      health: "amber",
      text: "Gate 4 (Work plan) is 10 days past its planned date 2026-06-05",
    },
    {
      name: "step 1 long overdue",
      currentGate: step(1, "Go-live", "2026-05-01"),
      health: "red",
      text: "Gate 1 (Go-live) is 45 days past its planned date 2026-05-01",
    },
  ])("$name → $health", ({ currentGate, health, text }) => {
    const verdict = assessHealth({ ...base, currentGate }, TODAY);
    expect(verdict.health).toBe(health);
    expect(verdict.reasons[0]?.text ?? null).toBe(text);
  });
});

describe("readHealthReasons (the cached column, old rows included)", () => {
  const overdue: HealthReason = {
    severity: "red",
    code: "gate_overdue",
    params: { number: 5, name: "Build", days: 20, date: "2026-05-26" },
    text: "Gate 5 (Build) is 20 days past its planned date 2026-05-26",
  };
  const cases: { name: string; cached: unknown; health: Health; reasons: HealthReason[] }[] = [
    { name: "nothing cached", cached: [], health: "green", reasons: [] },
    { name: "whole reasons", cached: [overdue], health: "red", reasons: [overdue] },
    {
      name: "an old plain sentence: no code or values, the project's colour",
      cached: ["Project is on hold"],
      health: "amber",
      reasons: [{ severity: "amber", code: "", text: "Project is on hold" }],
    },
    {
      name: "old sentences of a red project are red",
      cached: ["1 blocking escalation open"],
      health: "red",
      reasons: [{ severity: "red", code: "", text: "1 blocking escalation open" }],
    },
    {
      name: "old and new side by side, in order",
      cached: ["Project is on hold", overdue],
      health: "red",
      reasons: [{ severity: "red", code: "", text: "Project is on hold" }, overdue],
    },
    {
      name: "what is neither is dropped, never shown raw",
      cached: [42, null, { code: "x" }, { ...overdue, severity: "green" }, overdue],
      health: "red",
      reasons: [overdue],
    },
    { name: "not a list at all", cached: "Project is on hold", health: "amber", reasons: [] },
    { name: "a null column", cached: null, health: "green", reasons: [] },
  ];
  it.each(cases)("$name", ({ cached, health, reasons }) => {
    expect(readHealthReasons(cached, health)).toEqual(reasons);
  });

  it("an old sentence is not the same as the reason that now carries its values", () => {
    const fresh = assessHealth({ ...base, status: "on_hold" }, TODAY).reasons;
    expect(sameHealthReasons(readHealthReasons(["Project is on hold"], "amber"), fresh)).toBe(false);
    expect(
      sameHealthReasons(
        fresh,
        fresh.map((r) => ({ ...r })),
      ),
    ).toBe(true);
  });

  it("the same values in another key order (as jsonb stores them) are the same reason", () => {
    const reordered = { ...overdue, params: { date: "2026-05-26", days: 20, name: "Build", number: 5 } };
    expect(sameHealthReasons([overdue], [reordered])).toBe(true);
    expect(sameHealthReasons([overdue], [{ ...overdue, params: { ...overdue.params, days: 21 } }])).toBe(false);
  });
});
