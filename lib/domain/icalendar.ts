// A minimal RFC 5545 writer for the calendars (training sessions, each person's feed): VEVENTs with
// UTC times or whole days, escaped text, CRLF line endings and lines folded at 75 octets (never
// inside a UTF-8 sequence).

export type CalendarEvent = {
  uid: string;
  start: Date;
  durationMinutes: number;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  /** Bumped when the event changes so calendar clients update their copy. */
  sequence?: number;
  /** Whole days from `start`'s UTC date to `end`'s (exclusive), instead of a time and a duration. */
  allDay?: { end: Date };
  /** CANCELLED removes the event from subscribers' calendars (RFC 5545 §3.8.1.11). */
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
};

export type Calendar = { name: string; events: CalendarEvent[]; now: Date; prodId?: string };

/** 2026-11-22T03:15:58.123Z → 20261122T031558Z */
export function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line into chunks of at most 75 octets; continuation lines start with a space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const chunks: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines hold 74 after their leading space.
    const limit = chunks.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      chunks.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  chunks.push(current);
  return chunks.join("\r\n ");
}

/** 2026-11-22T… → 20261122 (a DATE value, for whole-day events). */
export function icsDate(date: Date): string {
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

export function buildCalendar(calendar: Calendar): string {
  const stamp = icsDateTime(calendar.now);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${calendar.prodId ?? "-//Lightgate//Training calendar//EN"}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  for (const event of calendar.events) {
    const end = new Date(event.start.getTime() + event.durationMinutes * 60_000);
    lines.push("BEGIN:VEVENT", `UID:${event.uid}`, `DTSTAMP:${stamp}`);
    if (event.allDay) {
      lines.push(`DTSTART;VALUE=DATE:${icsDate(event.start)}`, `DTEND;VALUE=DATE:${icsDate(event.allDay.end)}`);
    } else {
      lines.push(`DTSTART:${icsDateTime(event.start)}`, `DTEND:${icsDateTime(end)}`);
    }
    lines.push(`SUMMARY:${escapeText(event.summary)}`);
    if (event.status) lines.push(`STATUS:${event.status}`);
    if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
    if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
    if (event.url) lines.push(`URL:${event.url}`);
    if (event.sequence !== undefined) lines.push(`SEQUENCE:${event.sequence}`);
    lines.push("END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
