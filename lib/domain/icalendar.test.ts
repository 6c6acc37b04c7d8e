import { describe, expect, it } from "vitest";
import { buildCalendar, escapeText, foldLine, icsDateTime } from "./icalendar";

describe("escapeText", () => {
  it.each([
    ["plain", "plain"],
    ["a;b,c", "a\\;b\\,c"],
    ["back\\slash", "back\\\\slash"],
    ["two\nlines\r\nthree", "two\\nlines\\nthree"],
  ])("%j → %j", (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe("foldLine", () => {
  const octets = (s: string) => new TextEncoder().encode(s).length;
  it("leaves short lines alone", () => {
    expect(foldLine("SUMMARY:short")).toBe("SUMMARY:short");
  });
  it.each([
    ["ascii", "DESCRIPTION:" + "x".repeat(200)],
    ["multi-byte", "DESCRIPTION:" + "Übung für Grünstrom – ".repeat(12)],
    ["emoji", "SUMMARY:" + "⚡🔌".repeat(40)],
  ])("folds %s at 75 octets without splitting characters", (_name, line) => {
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of parts.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(folded).not.toContain("\uFFFD");
  });
});

describe("buildCalendar", () => {
  const text = buildCalendar({
    name: "Nordlicht, training",
    now: new Date("2026-11-22T03:15:58.123Z"),
    events: [
      {
        uid: "abc@lightgate",
        start: new Date("2026-12-01T08:30:00Z"),
        durationMinutes: 90,
        summary: "Usage; part 1, basics",
        location: "Hamburg HQ, room 2",
        description: "Bring\nyour laptop",
      },
    ],
  });

  it("uses UTC times, a DTSTAMP and computes DTEND from the duration", () => {
    expect(icsDateTime(new Date("2026-11-22T03:15:58.123Z"))).toBe("20261122T031558Z");
    expect(text).toContain("\r\nDTSTAMP:20261122T031558Z\r\n");
    expect(text).toContain("\r\nDTSTART:20261201T083000Z\r\n");
    expect(text).toContain("\r\nDTEND:20261201T100000Z\r\n");
    expect(text).toContain("\r\nUID:abc@lightgate\r\n");
  });

  it("escapes text and ends every line with CRLF", () => {
    expect(text).toContain("SUMMARY:Usage\\; part 1\\, basics\r\n");
    expect(text).toContain("LOCATION:Hamburg HQ\\, room 2\r\n");
    expect(text).toContain("DESCRIPTION:Bring\\nyour laptop\r\n");
    expect(text.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  });

  it("an empty calendar is still valid", () => {
    const empty = buildCalendar({ name: "x", now: new Date(0), events: [] });
    expect(empty).not.toContain("VEVENT");
    expect(empty).toContain("END:VCALENDAR");
  });

  it("writes whole-day events as DATE values, and a cancelled event's status", () => {
    const ics = buildCalendar({
      name: "Feed",
      now: new Date("2026-11-30T05:00:00Z"),
      events: [
        {
          uid: "gate-1@lightgate",
          start: new Date("2026-12-04T00:00:00Z"),
          durationMinutes: 0,
          allDay: { end: new Date("2026-12-05T00:00:00Z") },
          summary: "Gate 5 review",
          sequence: 2,
          status: "CANCELLED",
        },
      ],
    });
    expect(ics).toContain("DTSTART;VALUE=DATE:20261204\r\nDTEND;VALUE=DATE:20261205\r\n");
    expect(ics).toContain("STATUS:CANCELLED\r\n");
    expect(ics).toContain("SEQUENCE:2\r\n");
    expect(ics).not.toMatch(/DTSTART:/);
  });
});
