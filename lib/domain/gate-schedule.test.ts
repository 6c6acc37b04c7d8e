import { describe, expect, it } from "vitest";
import { plannedDateProblem, proposePlannedDates } from "./gate-schedule";

const gates = (...numbers: number[]) => numbers.map((number) => ({ number }));

describe("proposePlannedDates", () => {
  const cases: {
    name: string;
    gates: { number: number; schedule?: { anchor: "start" | "go_live"; days: number } | null }[];
    start: string;
    goLive: string;
    expected: Record<number, string>;
  }[] = [
    {
      name: "seven gates without schedule: 7 → 2 in equal steps up to the go-live, gate 1 thirty days after",
      gates: gates(7, 6, 5, 4, 3, 2, 1),
      start: "2026-01-01",
      goLive: "2026-01-25",
      expected: {
        7: "2026-01-05",
        6: "2026-01-09",
        5: "2026-01-13",
        4: "2026-01-17",
        3: "2026-01-21",
        2: "2026-01-25",
        1: "2026-02-24",
      },
    },
    {
      name: "order in the policy does not matter, and uneven steps round to whole days",
      gates: gates(1, 2, 3, 4),
      start: "2026-03-01",
      goLive: "2026-03-11",
      expected: { 4: "2026-03-04", 3: "2026-03-08", 2: "2026-03-11", 1: "2026-04-10" },
    },
    {
      name: "six steps: 6 → 2 spread, step 1 after go-live",
      gates: gates(6, 5, 4, 3, 2, 1),
      start: "2026-01-01",
      goLive: "2026-01-11",
      expected: {
        6: "2026-01-03",
        5: "2026-01-05",
        4: "2026-01-07",
        3: "2026-01-09",
        2: "2026-01-11",
        1: "2026-02-10",
      },
    },
    {
      name: "a schedule anchored on the start or the go-live wins over the spread",
      gates: [
        { number: 3, schedule: { anchor: "start", days: 14 } },
        { number: 2, schedule: { anchor: "go_live", days: -7 } },
        { number: 1, schedule: { anchor: "go_live", days: 60 } },
      ],
      start: "2026-01-01",
      goLive: "2026-06-30",
      expected: { 3: "2026-01-15", 2: "2026-06-23", 1: "2026-08-29" },
    },
    {
      name: "gates before a scheduled gate are spread up to it, stopping short; the rest up to the go-live",
      gates: [
        { number: 5 },
        { number: 4 },
        { number: 3, schedule: { anchor: "start", days: 30 } },
        { number: 2 },
        { number: 1, schedule: null },
      ],
      start: "2026-01-01",
      goLive: "2026-03-02",
      expected: { 5: "2026-01-11", 4: "2026-01-21", 3: "2026-01-31", 2: "2026-03-02", 1: "2026-04-01" },
    },
    {
      name: "a gate scheduled before go-live keeps the gates in order",
      gates: [{ number: 3 }, { number: 2, schedule: { anchor: "go_live", days: -5 } }, { number: 1 }],
      start: "2026-01-01",
      goLive: "2026-01-25",
      expected: { 3: "2026-01-11", 2: "2026-01-20", 1: "2026-02-24" },
    },
    {
      name: "a single gate besides gate 1 is planned on the go-live",
      gates: gates(2, 1),
      start: "2026-05-10",
      goLive: "2026-07-01",
      expected: { 2: "2026-07-01", 1: "2026-07-31" },
    },
    {
      name: "a single gate is the last gate: after go-live",
      gates: gates(1),
      start: "2026-05-10",
      goLive: "2026-07-01",
      expected: { 1: "2026-07-31" },
    },
    {
      name: "a schedule that would fall before the start is held at the start",
      gates: [{ number: 2, schedule: { anchor: "go_live", days: -400 } }, { number: 1 }],
      start: "2026-01-01",
      goLive: "2026-03-01",
      expected: { 2: "2026-01-01", 1: "2026-03-31" },
    },
    {
      name: "across a year end and a leap day",
      gates: gates(3, 2, 1),
      start: "2027-12-31",
      goLive: "2028-03-01",
      expected: { 3: "2028-01-31", 2: "2028-03-01", 1: "2028-03-31" },
    },
  ];

  it.each(cases)("$name", ({ gates, start, goLive, expected }) => {
    expect(Object.fromEntries(proposePlannedDates(gates, start, goLive))).toEqual(expected);
  });

  it("proposes no dates for a policy without gates", () => {
    expect(proposePlannedDates([], "2026-01-01", "2026-02-01").size).toBe(0);
  });
});

describe("plannedDateProblem", () => {
  it.each([
    { planned: "2026-01-01", start: "2026-01-01", ok: true },
    { planned: "2026-06-30", start: "2026-01-01", ok: true },
    { planned: null, start: "2026-01-01", ok: true },
    { planned: "2025-12-31", start: "2026-01-01", ok: false },
  ])("$planned with start $start → ok: $ok", ({ planned, start, ok }) => {
    const problem = plannedDateProblem(planned, start);
    expect(problem === null).toBe(ok);
    if (!ok) expect(problem).toContain(start);
  });
});
