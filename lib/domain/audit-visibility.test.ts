import { describe, expect, it } from "vitest";
import { isInternalField, redactPayload, visiblePayload } from "@/lib/domain/audit-visibility";

describe("isInternalField", () => {
  const cases: [string, boolean][] = [
    ["internalNotes", true],
    ["internal_notes", true],
    ["forecastTotalCost", true],
    ["cost", true],
    ["amount", true],
    ["amountCents", true],
    ["dayRate", true],
    ["fixedSprintAmount", true],
    ["invoiceReference", true],
    ["budget", true],
    ["name", false],
    ["status", false],
    ["decision", false],
    ["rationale", false],
    ["number", false],
  ];
  it.each(cases)("%s → %s", (name, internal) => expect(isInternalField(name)).toBe(internal));
});

describe("redactPayload", () => {
  it("removes internal fields at any depth and names them", () => {
    const result = redactPayload(
      {
        name: "P",
        internalNotes: "x",
        milestones: [{ sprint: 1, amount: 100 }],
        nested: { forecast: { totalCost: 5, date: "2026-01-01" } },
      },
      "after",
    );
    expect(result.value).toEqual({
      name: "P",
      milestones: [{ sprint: 1 }],
      nested: { forecast: { date: "2026-01-01" } },
    });
    expect(result.withheld).toEqual([
      "after.internalNotes",
      "after.milestones[0].amount",
      "after.nested.forecast.totalCost",
    ]);
  });

  it("leaves scalars and null alone", () => {
    expect(redactPayload(null)).toEqual({ value: null, withheld: [] });
    expect(redactPayload("text")).toEqual({ value: "text", withheld: [] });
  });
});

describe("visiblePayload", () => {
  const event = {
    before: { status: "active", dayRate: 900 },
    after: { status: "on_hold", internalNotes: "n" },
    ip: "10.0.0.1",
    userAgent: "ua",
  };

  it("shows everything to a reader who sees internal fields", () => {
    expect(visiblePayload(event, true)).toEqual({ ...event, withheld: [] });
  });

  it("withholds internal fields, IP and user agent from others", () => {
    expect(visiblePayload(event, false)).toEqual({
      before: { status: "active" },
      after: { status: "on_hold" },
      ip: null,
      userAgent: null,
      withheld: ["before.dayRate", "after.internalNotes", "ip", "userAgent"],
    });
  });
});
