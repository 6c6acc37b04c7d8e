// Which language a request is answered in. Pure, so the choice is tested without a server:
// i18n/request.ts feeds it the cookie and the Accept-Language header of each request.

export const LOCALES = ["en", "es", "pl"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Set by the language switch in the account menu; wins over the browser's languages. */
export const LOCALE_COOKIE = "lightgate-locale";
export const LOCALE_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

/** The reader's IANA time zone for date-times; absent or unknown, UTC. */
export const TIME_ZONE_COOKIE = "lightgate-time-zone";

/** Each language in its own name, as the switch lists it. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", es: "Español", pl: "Polski" };

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

/** The primary subtag, lower case ("es-MX" → "es"), when it names a language we have. */
function supported(tag: string): Locale | undefined {
  const primary = tag.trim().split("-")[0]?.toLowerCase();
  return isLocale(primary) ? primary : undefined;
}

/**
 * The best of our languages in an Accept-Language header, by q-value (RFC 9110 §12.5.4); among
 * equal weights the earlier one wins. Malformed entries are skipped, never an error.
 */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale | undefined {
  if (!header) return undefined;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((r) => /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(r.tag) && r.weight > 0 && r.weight <= 1)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const range of ranges) {
    const locale = supported(range.tag);
    if (locale) return locale;
  }
  return undefined;
}

/** The cookie if it names one of our languages, else the browser's best match, else English. */
export function chooseLocale(cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookie)) return cookie;
  return localeFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LOCALE;
}
