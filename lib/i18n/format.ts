// The one way Lightgate shows dates, times, numbers, percentages and money to a person: in the
// reader's language, date-times in the reader's time zone, money in its own currency (zł, €, $).
// Pages call `await getFormat()` (lib/i18n/format-server.ts), client components `useFormat()`
// (lib/i18n/use-format.ts); both come here. Nothing else calls toLocaleDateString, toLocaleString,
// Intl.*Format or slices an ISO string for display. Intl formatters are costly to build, so each
// is made once per language, zone and option set, and reused.
//
// Calendar dates (YYYY-MM-DD: start, go-live, due dates) carry no time and are never shifted by a
// zone; moments (ISO date-times) are shown in the reader's zone with the zone named.
import type { Locale } from "./locale";

export type Format = {
  /** "2026-12-04" → "4 Dec 2026" · "4 dic 2026" · "4 gru 2026"; a moment's date in the reader's zone. */
  date(value: string | null | undefined): string;
  /** A moment as "4 Dec 2026, 09:00 CET"; `seconds` for audit events. */
  dateTime(iso: string | null | undefined, options?: { seconds?: boolean }): string;
  /** A moment's time of day only, "09:00". */
  time(iso: string | null | undefined): string;
  /** "2027-01" → "January 2027"; `short` → "Jan 2027". */
  month(month: string, options?: { short?: boolean }): string;
  /** Minor units in their currency, whole units unless `cents`. An unknown currency code is shown after the amount. */
  money(minor: number, currency: string, options?: { cents?: boolean }): string;
  /** 1234.5 → "1,234.5" · "1234,5" · "1234,5" (each language's grouping). */
  number(value: number, options?: { maximumFractionDigits?: number }): string;
  /** A ratio as a percentage: 0.425 → "42.5%" · "42,5 %". */
  percent(ratio: number, options?: { maximumFractionDigits?: number }): string;
  readonly locale: Locale;
  readonly timeZone: string;
};

const EMPTY = "—";
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = cache.get(key) as T | undefined;
  if (!format) {
    format = make();
    cache.set(key, format);
  }
  return format;
}

/** Whether `zone` is an IANA time zone this runtime knows ("Europe/Warsaw", "UTC"). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > 64) return false;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone: zone });
      known = true;
    } catch {
      known = false;
    }
    // Asked for every date a page formats: each answer is kept (a few hundred zones at most).
    if (knownZones.size < 1000) knownZones.set(zone, known);
  }
  return known;
}
const knownZones = new Map<string, boolean>();

const moment = (value: string): Date | undefined => {
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/**
 * The Intl language tag for each of our languages. English is British English: day before month,
 * so a German or Polish client never reads 12/4 as 4 December.
 */
const INTL_TAG: Record<Locale, string> = { en: "en-GB", es: "es", pl: "pl" };

/** The formatter for one reader. An unknown zone falls back to UTC rather than failing a page. */
export function formatFor(locale: Locale, timeZone: string): Format {
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  const tag = INTL_TAG[locale];
  const dt = (name: string, options: Intl.DateTimeFormatOptions, inZone: string) =>
    cached(`${locale}|${inZone}|${name}`, () => new Intl.DateTimeFormat(tag, { ...options, timeZone: inZone }));
  const day: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric" };

  return {
    locale,
    timeZone: zone,
    date(value) {
      if (!value) return EMPTY;
      const d = moment(value);
      if (!d) return value;
      return dt("date", day, value.length === 10 ? "UTC" : zone).format(d);
    },
    dateTime(iso, options = {}) {
      if (!iso) return EMPTY;
      const d = moment(iso);
      if (!d) return iso;
      const seconds = options.seconds ?? false;
      return dt(
        `dateTime${seconds ? "s" : ""}`,
        {
          ...day,
          hour: "2-digit",
          minute: "2-digit",
          ...(seconds ? { second: "2-digit" } : {}),
          hourCycle: "h23",
          timeZoneName: "short",
        },
        zone,
      ).format(d);
    },
    time(iso) {
      if (!iso) return EMPTY;
      const d = moment(iso);
      if (!d) return iso;
      return dt("time", { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, zone).format(d);
    },
    month(month, options = {}) {
      const d = moment(`${month}-01`);
      if (!d) return month;
      return dt(
        options.short ? "monthShort" : "month",
        { month: options.short ? "short" : "long", year: "numeric" },
        "UTC",
      ).format(d);
    },
    money(minor, currency, options = {}) {
      const digits = options.cents ? 2 : 0;
      try {
        const format = cached(
          `${locale}|money|${currency}|${digits}`,
          () =>
            new Intl.NumberFormat(tag, {
              style: "currency",
              currency,
              minimumFractionDigits: digits,
              maximumFractionDigits: digits,
            }),
        );
        return format.format(minor / 100);
      } catch {
        const amount = cached(
          `${locale}|number|${digits}|${digits}`,
          () => new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits }),
        );
        return `${amount.format(minor / 100)} ${currency}`;
      }
    },
    number(value, options = {}) {
      const max = options.maximumFractionDigits ?? 2;
      return cached(
        `${locale}|number|0|${max}`,
        () => new Intl.NumberFormat(tag, { maximumFractionDigits: max }),
      ).format(value);
    },
    percent(ratio, options = {}) {
      const max = options.maximumFractionDigits ?? 0;
      return cached(
        `${locale}|percent|${max}`,
        () => new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: max }),
      ).format(ratio);
    },
  };
}
