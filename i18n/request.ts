// next-intl's per-request configuration, without locale segments in the URL: the language comes
// from the switch's cookie or the browser (lib/i18n/locale.ts), never from the database, so
// proxy.ts and pages before sign-in need no session to choose it.
import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { chooseLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";

export default getRequestConfig(async () => {
  const locale = chooseLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  const messages = (await import(`../messages/${locale}.json`)).default;
  return { locale, messages };
});
