// The one way Lightgate shows dates, date-times and money to a person. Every page and component
// formats through here; nothing else calls toLocaleDateString, toLocaleString or slices an ISO string
// for display. Intl formatters are costly to build, so each one is made once and reused.
//
// Formats (British English, day before month, so a German client never reads 12/4 as 4 December):
//   formatDate("2026-12-04")                 → "4 Dec 2026"
//   formatDateTime("2026-12-04T09:00:00Z")   → "4 Dec 2026, 09:00 UTC"
//   formatDateTime(iso, { seconds: true })   → "4 Dec 2026, 09:00:12 UTC" (audit events)
//   formatMonth("2027-01")                   → "January 2027" ({ short: true } → "Jan 2027")
//
// Time zone (decided for this wave): accounts have no time zone setting yet, so date-times are shown
// in UTC with the zone named, on the server and in client components alike — the same text in the
// server render and after hydration, and the same text in a printed certificate as on screen. A
// client component that knows the reader's zone (the browser's, e.g. a training session's start
// time) passes it as { timeZone } and the zone's short name is shown instead ("09:00 CET"). Calendar
// dates (YYYY-MM-DD: start, go-live, due dates) carry no time and are never shifted by a zone.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

export function formatMoney(minor: number, currency: string): string {
  try {
    let format = moneyFormats.get(currency);
    if (!format) {
      format = new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 });
      moneyFormats.set(currency, format);
    }
    return format.format(minor / 100);
  } catch {
    return `${Math.round(minor / 100)} ${currency}`;
  }
}

export function formatDate(date: string | null | undefined): string {
  if (!date) return "—";
  const d = new Date(date.length === 10 ? `${date}T00:00:00Z` : date);
  if (Number.isNaN(d.getTime())) return date;
  return dateFormat.format(d);
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormat(timeZone: string, seconds: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${seconds}`;
  let format = dateTimeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("en-GB", {
      day: "numeric",
      month: "short",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      ...(seconds ? { second: "2-digit" } : {}),
      hourCycle: "h23",
      timeZone,
      timeZoneName: "short",
    });
    dateTimeFormats.set(key, format);
  }
  return format;
}

/** A moment (ISO date-time) as "4 Dec 2026, 09:00 UTC"; in `timeZone` when a client component knows the reader's. */
export function formatDateTime(
  iso: string | null | undefined,
  options: { timeZone?: string; seconds?: boolean } = {},
): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return dateTimeFormat(options.timeZone ?? "UTC", options.seconds ?? false).format(d);
  } catch {
    return dateTimeFormat("UTC", options.seconds ?? false).format(d);
  }
}

/** The reader's time zone, in a client component after hydration. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

const shortMonthFormat = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

/** "2027-01" → "January 2027"; `{ short: true }` → "Jan 2027" (chart column headings). */
export function formatMonth(month: string, options: { short?: boolean } = {}): string {
  return (options.short ? shortMonthFormat : monthFormat).format(new Date(`${month}-01T00:00:00Z`));
}
