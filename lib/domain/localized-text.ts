// Policy and quality-scale texts are data written in several languages (issue 14 point 3). A record
// keeps its texts in its source language (the policy's first language) in its own columns, and the
// other languages beside them in a `translations` map. Pure: the data layer resolves each text for
// the reader here, and the page marks a text shown in the source language as untranslated.
import { isLocale, LOCALES, type Locale } from "@/lib/i18n/locale";

/** A record's texts in its other languages: language → field → text. A missing text falls back. */
export type Translations<F extends string> = Partial<Record<Locale, Partial<Record<F, string>>>>;

/** A text as a reader sees it: in their language, or in the source language with `fallback: true`. */
export type LocalizedText = { text: string; language: Locale; fallback: boolean };

/** Texts written before translations existed, and the seeded templates, are English first. */
export const SOURCE_LANGUAGE: Locale = "en";

/**
 * The text of one field for a reader: the reader's translation when there is a non-blank one, else the
 * source text flagged as a fallback. No reader (an API call without a language, an export) means the
 * source text, not a fallback.
 */
export function resolveText<F extends string>(input: {
  field: F;
  source: string;
  sourceLanguage: Locale;
  translations: Translations<F> | null | undefined;
  reader: Locale | null | undefined;
}): LocalizedText {
  const { reader, sourceLanguage } = input;
  if (!reader || reader === sourceLanguage) return { text: input.source, language: sourceLanguage, fallback: false };
  const translated = input.translations?.[reader]?.[input.field]?.trim();
  if (translated) return { text: translated, language: reader, fallback: false };
  return { text: input.source, language: sourceLanguage, fallback: true };
}

/** The language a shown text is marked with: null when the reader reads it in their own language. */
export const untranslatedLanguage = (text: LocalizedText): Locale | null => (text.fallback ? text.language : null);

/**
 * Resolves several fields of one record at once: `texts` holds the source texts by field. Returns the
 * resolved texts and, per field, the language of a fallback (null when translated): what a page needs
 * to show the text and its "EN" mark.
 */
export function localizeFields<F extends string>(
  texts: Record<F, string>,
  translations: Translations<F> | null | undefined,
  sourceLanguage: Locale,
  reader: Locale | null | undefined,
): { texts: Record<F, string>; untranslated: Record<F, Locale | null> } {
  const resolved = {} as Record<F, string>;
  const untranslated = {} as Record<F, Locale | null>;
  for (const field of Object.keys(texts) as F[]) {
    const text = resolveText({ field, source: texts[field], sourceLanguage, translations, reader });
    resolved[field] = text.text;
    untranslated[field] = untranslatedLanguage(text);
  }
  return { texts: resolved, untranslated };
}

/**
 * Translations as stored: only known languages other than the source, only the given fields, trimmed,
 * without blank texts, and without languages left empty, so an untouched form compares equal.
 */
export function cleanTranslations<F extends string>(
  translations: Translations<F> | null | undefined,
  fields: readonly F[],
  sourceLanguage: Locale,
): Translations<F> {
  const clean: Translations<F> = {};
  for (const language of LOCALES) {
    if (language === sourceLanguage) continue;
    const texts = translations?.[language];
    if (!texts) continue;
    const kept: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const text = texts[field]?.trim();
      if (text) kept[field] = text;
    }
    if (Object.keys(kept).length) clean[language] = kept;
  }
  return clean;
}

/** A record's languages for its editor and its readers: the source first, then the others it has texts in. */
export function languagesOf(sourceLanguage: Locale, translations: Translations<string>[]): Locale[] {
  const others = LOCALES.filter((l) => l !== sourceLanguage && translations.some((t) => t[l]));
  return [sourceLanguage, ...others];
}

/** A stored language list read defensively: unknown tags dropped, English when nothing is left. */
export function knownLanguages(value: unknown): Locale[] {
  const list = Array.isArray(value) ? value.filter(isLocale) : [];
  return list.length ? [...new Set(list)] : [SOURCE_LANGUAGE];
}
