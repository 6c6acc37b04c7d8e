// Rendered on the server inside the account menu: a form of submit buttons needs no client code.
import { useLocale, useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";

/** English / Español / Polski, each in its own name and language, the current one marked. */
export function LanguageSwitch({ chooseLocale }: { chooseLocale: (formData: FormData) => Promise<void> }) {
  const t = useTranslations("account");
  const current = useLocale();
  return (
    <form action={chooseLocale} role="group" aria-labelledby="language-switch-label" className="px-3 py-1.5">
      <p id="language-switch-label" className="text-xs text-slate-600">
        {t("language")}
      </p>
      <div className="mt-1 flex flex-wrap gap-1">
        {LOCALES.map((locale) => (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-current={locale === current ? "true" : undefined}
            className={
              locale === current
                ? "rounded bg-brand-50 px-2 py-1 text-sm font-semibold text-brand-800 ring-1 ring-inset ring-brand-100"
                : "rounded px-2 py-1 text-sm text-slate-700 hover:bg-slate-100"
            }
          >
            {LOCALE_NAMES[locale]}
          </button>
        ))}
      </div>
    </form>
  );
}
