// The texts of a policy or of the quality scale in their other languages, as forms and the API send
// them: optional per language and field, blank meaning "not translated yet" (lib/domain/localized-text).
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locale";

/** `{ es: { name: "…" }, pl: { … } }` with each field at most its length. */
export const translationsSchema = <F extends string>(fields: Record<F, number>) =>
  z
    .partialRecord(
      z.enum(LOCALES),
      z.object(
        Object.fromEntries(
          Object.entries<number>(fields).map(([field, max]) => [
            field,
            z.string().trim().max(max, `At most ${max} characters.`).optional(),
          ]),
        ) as Record<F, z.ZodOptional<z.ZodString>>,
      ),
    )
    .optional();

const TRANSLATED_FIELD = new RegExp(`^([a-zA-Z]+)\\.(${LOCALES.join("|")})$`);

/**
 * A form names a translated field "name.es", "purpose.pl"…: gathered here into `translations`, so the
 * form, its action and the data layer share one shape. Input that already has `translations` passes.
 */
export function gatherTranslations(input: unknown): unknown {
  if (!input || typeof input !== "object" || "translations" in input) return input;
  const translations: Record<string, Record<string, unknown>> = {};
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    const match = TRANSLATED_FIELD.exec(key);
    if (match) (translations[match[2]] ??= {})[match[1]] = value;
    else rest[key] = value;
  }
  return { ...rest, translations };
}
