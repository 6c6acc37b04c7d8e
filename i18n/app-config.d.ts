// Typed keys: a translation call naming a key the English catalogue lacks fails the typecheck.
import type en from "@/messages/en.json";
import type { Locale } from "@/lib/i18n/locale";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
