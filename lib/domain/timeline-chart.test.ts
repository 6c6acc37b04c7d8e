import { describe, expect, it } from "vitest";
import { chartWindow, gateOutcome, positionOf, slipDays } from "./timeline-chart";

describe("the timeline chart's geometry", () => {
  it("spans whole months around today, across a year end", () => {
    const w = chartWindow("2026-11-29");
    expect(w.from).toBe("2026-09-01");
    expect(w.until).toBe("2027-08-31");
    expect(w.months).toHaveLength(12);
    expect(w.months.slice(0, 4)).toEqual(["2026-09", "2026-10", "2026-11", "2026-12"]);
  });

  it.each<[string | null, number | null]>([
    ["2026-09-01", 0.14],
    ["2027-08-31", 99.86],
    ["2027-03-01", 49.73],
    ["2026-08-31", null],
    ["2027-09-01", null],
    [null, null],
    ["2026-12-04T10:00:00.000Z", 25.89],
  ])("places %s at %s%%", (date, expected) => {
    expect(positionOf(chartWindow("2026-11-29"), date)).toBe(expected);
  });

  it.each([
    ["go", "go", "passed"],
    ["conditional_go", "conditional_go", "conditional"],
    ["hold", "hold", "stopped"],
    [null, "killed", "stopped"],
    [null, "pending", "open"],
    [null, "in_review", "open"],
  ])("decision %s (status %s) reads %s", (decision, status, outcome) => {
    expect(gateOutcome(decision, status)).toBe(outcome);
  });

  it("counts slip in days", () => {
    expect(slipDays("2026-12-01", "2026-12-11T09:00:00Z")).toBe(10);
    expect(slipDays("2026-12-01", "2026-11-28")).toBe(-3);
    expect(slipDays(null, "2026-11-28")).toBeNull();
  });
});
