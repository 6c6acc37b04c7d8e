"use server";

import { getDb } from "@/db/client";
import { savePreferences } from "@/lib/data/preferences";
import { isLocale } from "@/lib/i18n/locale";
import { rememberLocale } from "@/lib/i18n/preference-cookies";
import { currentActor, requestContext } from "@/lib/session";

/**
 * The language switch of the account menu (components/shell/language-switch.tsx, which gets it
 * from the signed-in layout, as components reach no data): remembers the choice in a cookie for a
 * year and, when someone is signed in, as the account's language (so the next sign-in, on any
 * browser, starts in it). Setting a cookie in an action makes Next render the current page again,
 * so it shows in the new language at once.
 * An unknown value is ignored rather than stored (the request config would fall back to English anyway).
 */
export async function chooseLocaleAction(formData: FormData) {
  const locale = formData.get("locale");
  if (!isLocale(locale)) return;
  const actor = await currentActor();
  if (actor) await savePreferences(getDb(), await requestContext(actor), { locale });
  await rememberLocale(locale);
}
