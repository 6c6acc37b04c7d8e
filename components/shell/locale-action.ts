"use server";

import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE } from "@/lib/i18n/locale";

/**
 * The language switch: remembers the choice in a cookie for a year. Setting a cookie in an action
 * makes Next render the current page again, so it shows in the new language at once. An unknown
 * value is ignored rather than stored (the request config would fall back to English anyway).
 */
export async function chooseLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  (await cookies()).set(LOCALE_COOKIE, locale, {
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    path: "/",
    // Only the server reads it.
    httpOnly: true,
  });
}
