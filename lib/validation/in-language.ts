// Validation in the reader's language. zod's own messages (a required field, too long, not an
// email…) come, for Spanish and Polish, from our catalogue for the commonest and zod's locale for
// the rest, given per parse so one server answers each request in its own language; English keeps
// zod's defaults. A schema's custom message wins over the per-parse map, so those arrive in
// English and are said again from the catalogue (lib/validation/custom-messages.ts).
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locale";
import { customMessageIn, type ValidationWords, zodErrorIn } from "@/lib/validation/custom-messages";

const ZOD_LOCALES: Record<Exclude<Locale, "en">, z.core.$ZodErrorMap> = {
  es: z.locales.es().localeError,
  pl: z.locales.pl().localeError,
};

/** `schema.safeParse(value)`, its issues in the words' language. */
export function parseIn<S extends z.ZodType>(
  schema: S,
  value: unknown,
  words: ValidationWords,
): z.ZodSafeParseResult<z.output<S>> {
  if (words.locale === "en") return schema.safeParse(value);
  const parsed = schema.safeParse(value, { error: zodErrorIn(words, ZOD_LOCALES[words.locale]) });
  if (parsed.success) return parsed;
  // The error's issues are plain objects; their messages are read later (z.flattenError).
  for (const issue of parsed.error.issues as { message: string }[])
    issue.message = customMessageIn(issue.message, words);
  return parsed;
}
