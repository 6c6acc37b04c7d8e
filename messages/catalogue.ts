// The catalogues: one JSON file per area of the app and language (messages/<locale>/<area>.json),
// so work on different screens never edits the same file. Each area owns its top-level namespaces;
// lib/i18n/catalogues.test.ts checks that every area is listed here, exists in every language and
// shares no namespace with another area.
import type { Locale } from "@/lib/i18n/locale";
import type auth from "./en/auth.json";
import type refusals from "./en/refusals.json";
import type shell from "./en/shell.json";
import type validation from "./en/validation.json";

export const AREAS = ["auth", "shell", "refusals", "validation"] as const;

/** The English catalogue's shape: the type every translation key is checked against. */
export type Messages = typeof auth & typeof shell & typeof refusals & typeof validation;

/** Every area of one language, merged into the one object next-intl takes. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const parts = await Promise.all(AREAS.map((area) => import(`./${locale}/${area}.json`)));
  return Object.assign({}, ...parts.map((part: { default: object }) => part.default)) as Messages;
}
