import { describe, expect, it } from "vitest";
import { addDays, estimate, sprintLengthDays, trailSummary, velocity, type EstimateInput } from "./estimate";

const sprint = (deliveredDays: number, startDate = "2026-01-01", endDate = "2026-01-14") => ({
  deliveredDays,
  startDate,
  endDate,
});
const input = (over: Partial<EstimateInput>): EstimateInput => ({
  totalDays: 100,
  doneDays: 40,
  acceptedSprints: [sprint(20), sprint(20)],
  plannedCapacityDays: null,
  asOf: "2026-03-01",
  targetGoLive: "2026-06-30",
  billing: { mode: "per_day", dayRate: 100_00, fixedSprintAmount: 0 },
  billedCents: 40 * 100_00,
  ...over,
});

describe("velocity", () => {
  it.each([
    { name: "no sprints", sprints: [], v: null },
    { name: "one sprint", sprints: [sprint(10)], v: { mean: 10, min: 10, max: 10 } },
    {
      name: "last three only",
      sprints: [sprint(100), sprint(10), sprint(20), sprint(30)],
      v: { mean: 20, min: 10, max: 30 },
    },
    { name: "zero-delivery sprints ignored", sprints: [sprint(0), sprint(12)], v: { mean: 12, min: 12, max: 12 } },
  ])("$name", ({ sprints, v }) => expect(velocity(sprints)).toEqual(v));
});

describe("estimate", () => {
  it.each([
    {
      name: "steady velocity: 60 days left at 20/sprint = 3 sprints of 14 days",
      input: input({}),
      expected: {
        remainingDays: 60,
        velocityDaysPerSprint: 20,
        forecastGoLive: "2026-04-12",
        forecastGoLiveEarliest: "2026-04-12",
        forecastGoLiveLatest: "2026-04-12",
        forecastCost: 100 * 100_00,
        remainingSprints: 3,
      },
    },
    {
      name: "varying velocity gives a range",
      input: input({ acceptedSprints: [sprint(10), sprint(30)] }),
      expected: {
        velocityDaysPerSprint: 20,
        forecastGoLive: "2026-04-12",
        forecastGoLiveEarliest: "2026-03-29",
        forecastGoLiveLatest: "2026-05-24",
      },
    },
    {
      name: "no history: planned capacity is the velocity",
      input: input({ acceptedSprints: [], doneDays: 0, plannedCapacityDays: 25, billedCents: 0 }),
      expected: {
        remainingDays: 100,
        velocityDaysPerSprint: 25,
        forecastGoLive: "2026-04-26",
        forecastCost: 100 * 100_00,
      },
    },
    {
      name: "nothing to measure: the target is the forecast",
      input: input({ acceptedSprints: [], doneDays: 0, billedCents: 0 }),
      expected: {
        velocityDaysPerSprint: null,
        forecastGoLive: "2026-06-30",
        forecastGoLiveEarliest: "2026-06-30",
        forecastGoLiveLatest: "2026-06-30",
        remainingSprints: null,
      },
    },
    {
      name: "all done: forecast is today",
      input: input({ doneDays: 100 }),
      expected: { remainingDays: 0, forecastGoLive: "2026-03-01", remainingSprints: 0, forecastCost: 40 * 100_00 },
    },
    {
      name: "fixed price per sprint: remaining sprints × amount + billed",
      input: input({
        billing: { mode: "fixed_per_sprint", dayRate: 0, fixedSprintAmount: 5_000_00 },
        billedCents: 10_000_00,
      }),
      expected: { forecastCost: 10_000_00 + 3 * 5_000_00 },
    },
    {
      name: "scope grew beyond done: never negative",
      input: input({ totalDays: 30, doneDays: 40 }),
      expected: { remainingDays: 0 },
    },
  ])("$name", ({ input: i, expected }) => {
    expect(estimate(i)).toMatchObject(expected);
  });
});

describe("dates", () => {
  it("adds days across months", () => expect(addDays("2026-01-30", 3)).toBe("2026-02-02"));
  it("sprint length from recent sprints, inclusive", () => {
    expect(sprintLengthDays([sprint(1, "2026-01-01", "2026-01-10")])).toBe(10);
    expect(sprintLengthDays([])).toBe(14);
  });
});

describe("trailSummary", () => {
  const point = (
    kind: "baseline" | "sprint_close",
    label: string,
    done: number,
    remaining: number,
    forecast: string,
  ) => ({
    takenAt: "2026-01-01T00:00:00Z",
    kind,
    label,
    doneDays: done,
    remainingDays: remaining,
    forecastGoLive: forecast,
    forecastGoLiveEarliest: forecast,
    forecastGoLiveLatest: forecast,
    forecastCost: 0,
  });
  it("burn-up, baseline vs latest and slip against target", () => {
    const s = trailSummary(
      [point("baseline", "Baseline v1", 0, 100, "2026-06-01"), point("sprint_close", "Sprint 1", 20, 90, "2026-06-15")],
      "2026-06-10",
    );
    expect(s.burnUp).toEqual([
      { label: "Baseline v1", done: 0, total: 100 },
      { label: "Sprint 1", done: 20, total: 110 },
    ]);
    expect(s.slipDays).toBe(14);
    expect(s.vsTargetDays).toBe(5);
  });
  it("empty trail", () => {
    expect(trailSummary([], "2026-06-10")).toMatchObject({
      baseline: null,
      latest: null,
      slipDays: null,
      vsTargetDays: null,
    });
  });
});
