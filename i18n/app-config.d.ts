// Typed keys: a translation call naming a key the English catalogue lacks fails the typecheck.
import type { Messages as Catalogue } from "@/messages/catalogue";
import type { Locale } from "@/lib/i18n/locale";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Catalogue;
  }
}
