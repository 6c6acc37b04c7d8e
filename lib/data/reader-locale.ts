// The reader's language for the data layer's policy texts (lib/data/policy-texts.ts): what
// i18n/request.ts chose for this request, narrowed to a language the catalogues have.
import { getLocale } from "next-intl/server";
import { DEFAULT_LOCALE, isLocale, type Locale } from "@/lib/i18n/locale";

export async function readerLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
