import { describe, expect, it } from "vitest";
import { formatFor, isTimeZone } from "./format";

const en = formatFor("en", "Europe/Madrid");
const es = formatFor("es", "Europe/Madrid");
const pl = formatFor("pl", "Europe/Warsaw");
const NBSP = /[\u00a0\u202f]/g;
const plain = (s: string) => s.replace(NBSP, " ");

describe("dates", () => {
  it.each([
    [en, "2026-12-04", "4 Dec 2026"],
    [es, "2026-12-04", "4 dic 2026"],
    [pl, "2026-12-04", "4 gru 2026"],
    // A calendar date is never shifted by the zone, even one west of UTC.
    [formatFor("en", "America/Bogota"), "2026-12-04", "4 Dec 2026"],
    // A moment's date is the reader's: 23:30 UTC is already the 5th in Warsaw.
    [pl, "2026-12-04T23:30:00Z", "5 gru 2026"],
    [en, null, "—"],
    [en, "not a date", "not a date"],
  ])("%#: %s", (format, value, expected) => {
    expect(plain(format.date(value))).toBe(expected);
  });
});

describe("date-times in the reader's zone", () => {
  it.each([
    [en, "2026-12-04T08:00:00Z", "4 Dec 2026, 09:00 CET"],
    [formatFor("en", "UTC"), "2026-12-04T08:00:00Z", "4 Dec 2026, 08:00 UTC"],
    [pl, "2026-07-04T08:00:00Z", "4 lip 2026, 10:00 CEST"],
  ])("%#: %s", (format, iso, expected) => {
    expect(plain(format.dateTime(iso))).toBe(expected);
  });

  it("names seconds for audit events and shows a time alone", () => {
    expect(plain(formatFor("en", "UTC").dateTime("2026-12-04T08:00:12Z", { seconds: true }))).toBe(
      "4 Dec 2026, 08:00:12 UTC",
    );
    expect(en.time("2026-12-04T08:05:00Z")).toBe("09:05");
  });

  it("falls back to UTC for a zone that does not exist", () => {
    expect(formatFor("en", "Mars/Olympus").timeZone).toBe("UTC");
  });
});

describe("months, numbers, percentages", () => {
  it.each([
    [en.month("2027-01"), "January 2027"],
    [es.month("2027-01"), "enero de 2027"],
    [pl.month("2027-01", { short: true }), "sty 2027"],
    [en.number(1234.5), "1,234.5"],
    [es.number(12345.5), "12.345,5"],
    [pl.number(12345.5), "12 345,5"],
    [en.percent(0.425, { maximumFractionDigits: 1 }), "42.5%"],
    [es.percent(0.5), "50 %"],
  ])("%s", (actual, expected) => {
    expect(plain(actual)).toBe(expected);
  });
});

describe("money in its own currency", () => {
  it.each([
    [en, 1_250_000, "EUR", {}, "€12,500"],
    [es, 1_250_000, "EUR", {}, "12.500 €"],
    [pl, 1_250_000, "PLN", {}, "12 500 zł"],
    [en, 1_250_050, "USD", { cents: true }, "US$12,500.50"],
    [pl, 1_250_000, "EUR", {}, "12 500 €"],
    // Not an ISO 4217 code: the amount, then the code as given.
    [en, 100_000, "X1", {}, "1,000 X1"],
  ] as const)("%#: %s", (format, minor, currency, options, expected) => {
    expect(plain(format.money(minor, currency, options))).toBe(expected);
  });
});

describe("time zones", () => {
  it.each([
    ["Europe/Warsaw", true],
    ["America/Mexico_City", true],
    ["UTC", true],
    ["Europe/Atlantis", false],
    ["", false],
    [42, false],
  ])("%s → %s", (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
  });
});
