// The reader's language in a route handler (downloads: CSV, iCalendar, markdown), chosen as for a
// page: the language switch's cookie, else the browser's Accept-Language, else English.
import { chooseLocale, LOCALE_COOKIE, type Locale } from "./locale";

/** One cookie's value from a Cookie header; a malformed header yields nothing, never an error. */
function cookieValue(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    try {
      return decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export function localeOfRequest(request: Request): Locale {
  return chooseLocale(
    cookieValue(request.headers.get("cookie"), LOCALE_COOKIE),
    request.headers.get("accept-language"),
  );
}
