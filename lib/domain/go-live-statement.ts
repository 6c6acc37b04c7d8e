// The go-live acceptance statement proposed to the PM, written in the client's language (the
// project's). Pure: the caller passes the language's catalogue. Once saved, the statement is the
// acceptance's own text, and every signature stores the exact text it signed with its SHA-256, so
// a later change of this wording, of the catalogue or of the project's language never alters what
// was signed.
import { createTranslator } from "next-intl";
import type { TextLanguage } from "./status-report";

/** The proposed statement; with the project's name when given (the demo's acceptances name it). */
export function defaultAcceptanceStatement(language: TextLanguage, projectName?: string): string {
  const t = createTranslator({ locale: language.locale, messages: language.messages, namespace: "goLiveStatement" });
  return projectName ? t("forProject", { project: projectName }) : t("proposed");
}
