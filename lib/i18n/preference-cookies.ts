// The account's language and time zone travel as the two cookies i18n/request.ts reads, so a page
// needs no database read to choose them. Written at sign-in (lib/auth.ts), by the language switch
// and by the Settings form; server-only (next/headers).
import { cookies, headers } from "next/headers";
import { servedOverHttps } from "@/lib/https";
import { isTimeZone } from "./format";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, TIME_ZONE_COOKIE, type Locale } from "./locale";

/** Secure behind HTTPS, so the cookies never travel in clear; over plain HTTP they could not be set. */
const options = async (httpOnly: boolean) => ({
  maxAge: LOCALE_COOKIE_MAX_AGE,
  sameSite: "lax" as const,
  path: "/",
  httpOnly,
  secure: servedOverHttps(await headers()),
});

/** A language, or null to follow the browser's Accept-Language again (the cookie is removed). */
export async function rememberLocale(locale: Locale | null) {
  const jar = await cookies();
  // Only the server reads the language.
  if (isLocale(locale)) jar.set(LOCALE_COOKIE, locale, await options(true));
  else jar.delete(LOCALE_COOKIE);
}

/**
 * A time zone, or null to leave the choice to the browser (the shell's BrowserTimeZone writes the
 * browser's zone itself, which is why this cookie is readable by scripts: it holds no secret).
 */
export async function rememberTimeZone(zone: string | null) {
  const jar = await cookies();
  if (isTimeZone(zone)) jar.set(TIME_ZONE_COOKIE, zone, await options(false));
  else jar.delete(TIME_ZONE_COOKIE);
}

/** At sign-in: the account's own choices win over whatever this browser remembered; "the browser's" changes nothing. */
export async function rememberAccountPreferences(account: { locale: string | null; timeZone: string | null }) {
  if (isLocale(account.locale)) await rememberLocale(account.locale);
  if (account.timeZone && isTimeZone(account.timeZone)) await rememberTimeZone(account.timeZone);
}
