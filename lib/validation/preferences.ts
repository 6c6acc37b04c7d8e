// The Settings form's language and time zone. Empty means "the browser's" (stored as null). Built
// per request with the messages in the reader's language (app/(app)/settings/actions.ts).
import { z } from "zod";
import { isTimeZone } from "@/lib/i18n/format";
import { LOCALES } from "@/lib/i18n/locale";

export type PreferencesMessages = { unknownLocale: string; unknownTimeZone: string };

/** "europe/warsaw" → "Europe/Warsaw": the zone as the runtime names it, so it is stored one way. */
const canonicalZone = (zone: string) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone;

export const preferencesSchema = (messages: PreferencesMessages) =>
  z.object({
    locale: z
      .string()
      .optional()
      .transform((v) => v?.trim() || null)
      .pipe(z.enum(LOCALES, messages.unknownLocale).nullable()),
    timeZone: z
      .string()
      .optional()
      .transform((v) => v?.trim() ?? "")
      .refine((v) => v === "" || isTimeZone(v), messages.unknownTimeZone)
      .transform((v) => (v ? canonicalZone(v) : null)),
    // The zone this browser reports, used for the cookie while the account follows the browser.
    browserTimeZone: z
      .string()
      .optional()
      .transform((v) => (v && isTimeZone(v) ? v : null)),
  });

export type PreferencesInput = z.infer<ReturnType<typeof preferencesSchema>>;
