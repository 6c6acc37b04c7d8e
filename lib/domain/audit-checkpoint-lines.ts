// The signed audit head as markdown lines in a reader's language, for documents that leave the
// database (the weekly status report): enough to check it later with `audit:verify --head`.
import { createTranslator } from "next-intl";
import { formatFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/messages/catalogue";
import { formatHead, type SignedHead } from "./audit-checkpoint";

export function auditHeadLines(head: SignedHead, language: { locale: Locale; messages: Messages }): string[] {
  const t = createTranslator({ locale: language.locale, messages: language.messages, namespace: "auditCheckpoints" });
  const format = formatFor(language.locale, "UTC");
  return [
    `## ${t("reportHeading")}`,
    "",
    `- ${t("reportHead", { seq: head.seq, hash: head.hash })}`,
    `- ${t("reportSigned", { when: format.dateTime(head.at, { seconds: true }), fingerprint: head.keyFingerprint })}`,
    `- ${t("reportSignature", { signature: head.signature })}`,
    `- ${t("reportCheck", { command: `npm run audit:verify -- --head ${formatHead(head)}` })}`,
  ];
}
