import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatMonth } from "./display-format";

describe("display formats", () => {
  it.each([
    ["2026-11-22", "22 Nov 2026"],
    ["2026-11-22T23:30:00Z", "22 Nov 2026"],
    [null, "—"],
    ["not a date", "not a date"],
  ])("formatDate(%s) = %s", (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });

  it.each([
    ["2026-12-04T09:00:00Z", {}, "4 Dec 2026, 09:00 UTC"],
    ["2026-12-04T09:00:12.345Z", { seconds: true }, "4 Dec 2026, 09:00:12 UTC"],
    ["2026-12-04T08:00:00Z", { timeZone: "Europe/Berlin" }, "4 Dec 2026, 09:00 CET"],
    ["2026-12-04T23:30:00Z", { timeZone: "Europe/Berlin" }, "5 Dec 2026, 00:30 CET"],
    ["2026-12-04T09:00:00Z", { timeZone: "Not/AZone" }, "4 Dec 2026, 09:00 UTC"],
    [null, {}, "—"],
  ])("formatDateTime(%s, %j) = %s", (input, options, expected) => {
    expect(formatDateTime(input, options)).toBe(expected);
  });

  it("formats money in minor units, reusing one formatter per currency", () => {
    expect(formatMoney(1_200_000, "EUR")).toBe("€12,000");
    expect(formatMoney(50_000, "GBP")).toBe("£500");
    expect(formatMoney(1_200_000, "EUR")).toBe("€12,000");
    expect(formatMoney(100, "not-a-currency")).toBe("1 not-a-currency");
  });

  it("formats a month", () => {
    expect(formatMonth("2027-01")).toBe("January 2027");
    expect(formatMonth("2027-01", { short: true })).toBe("Jan 2027");
  });
});
