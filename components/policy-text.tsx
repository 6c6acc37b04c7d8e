// A policy or quality-scale text as the reader sees it (issue 14 point 3): in their language, or in
// the policy's first language with a small muted tag ("EN") saying it is not translated yet. Works in
// server and client components alike; the data layer says which language a text fell back to.
import { useLocale, useTranslations } from "next-intl";
import { isLocale, LOCALE_NAMES, type Locale } from "@/lib/i18n/locale";

/** The "EN" tag after a text shown in its source language; nothing when the text is translated. */
export function UntranslatedMark({ language }: { language: Locale | null | undefined }) {
  const t = useTranslations("policyText");
  const reader = useLocale();
  if (!language) return null;
  const label = t("untranslated", { language: isLocale(reader) ? LOCALE_NAMES[reader] : reader });
  return (
    <span
      title={label}
      className={
        "ml-1 inline-block rounded border border-slate-300 px-1 align-middle " +
        "text-[10px] leading-4 font-medium text-slate-500"
      }
    >
      <span aria-hidden="true">{language.toUpperCase()}</span>
      <span className="sr-only">({label})</span>
    </span>
  );
}

/** A policy text with its language set for screen readers and the mark when it fell back. */
export function PolicyText({ text, untranslated }: { text: string; untranslated?: Locale | null }) {
  return (
    <>
      <span lang={untranslated ?? undefined}>{text}</span>
      <UntranslatedMark language={untranslated} />
    </>
  );
}
