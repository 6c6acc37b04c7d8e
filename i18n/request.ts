// next-intl's per-request configuration, without locale segments in the URL: the language comes
// from the switch's cookie or the browser (lib/i18n/locale.ts), never from the database, so
// proxy.ts and pages before sign-in need no session to choose it.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { isTimeZone } from "@/lib/i18n/format";
import { chooseLocale, LOCALE_COOKIE, TIME_ZONE_COOKIE } from "@/lib/i18n/locale";
import { loadMessages } from "@/messages/catalogue";

export default getRequestConfig(async () => {
  const jar = await cookies();
  const locale = chooseLocale(jar.get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  const messages = await loadMessages(locale);
  const zone = jar.get(TIME_ZONE_COOKIE)?.value;
  return { locale, messages, timeZone: isTimeZone(zone) ? zone : "UTC" };
});
