// A project's health reasons in the reader's words. lib/domain/health.ts writes each reason in
// English (cached with the project and frozen into reports) with its values as `params`; a page
// says it again from the catalogue, dates through the reader's formatter. A reason without params
// (read from an older cache) keeps its English text.
import { createTranslator } from "next-intl";
import type { HealthReason } from "@/lib/domain/health";
import type { Format } from "@/lib/i18n/format";
import { loadMessages, type Messages } from "@/messages/catalogue";

/** Says reasons in the reader's language, loading its catalogue (pages, with the reader's formatter). */
export async function healthReasonWords(format: Format): Promise<(reason: HealthReason) => string> {
  return healthReasonSayer(await loadMessages(format.locale), format);
}

/**
 * The same with the catalogue already at hand, so a pure builder (a status report frozen in the
 * project's language) says reasons without loading anything. `messages` are `format.locale`'s.
 */
export function healthReasonSayer(messages: Messages, format: Format): (reason: HealthReason) => string {
  const t = createTranslator({ locale: format.locale, messages, namespace: "healthReasons" });
  return (reason) => {
    const p = reason.params;
    if (!p) return reason.text;
    const count = Number(p.count);
    const days = Number(p.days);
    switch (reason.code) {
      case "blocking_escalation":
        return t("blockingEscalation", { count });
      case "on_hold":
        return t("onHold");
      case "gate_overdue":
        return t("gateOverdue", {
          number: Number(p.number),
          name: String(p.name),
          days,
          date: format.date(String(p.date)),
        });
      case "changes_requested":
        return t("changesRequested", { count });
      case "failed_evidence":
        return t("failedEvidence", { count });
      case "conditions_overdue":
        return t("conditionsOverdue", { count });
      case "forecast_slip":
        return t("forecastSlip", {
          forecast: format.date(String(p.forecast)),
          days,
          target: format.date(String(p.target)),
        });
      default:
        return reason.text;
    }
  };
}
