// A frozen status report as markdown (pure). The stored copy is written in the report's own
// language when it is frozen; a download renders the same frozen snapshot for its reader: the
// headings, labels, dates and amounts in the reader's language, the report's sentences as frozen.
import { createTranslator } from "next-intl";
import { formatFor } from "@/lib/i18n/format";
import { auditHeadLines } from "./audit-checkpoint-lines";
import { type ReportLine, type StatusReportSnapshot, statusLabel, type TextLanguage } from "./status-report";

/** Inline markdown: user text cannot open headings, links, emphasis or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/([\\`*_{}[\]()<>#+!|~])/g, "\\$1");
}

export function statusReportMarkdown(snapshot: StatusReportSnapshot, language: TextLanguage): string {
  const s = snapshot;
  const t = createTranslator({
    locale: language.locale,
    messages: language.messages,
    namespace: "statusReportMarkdown",
  });
  const label = (code: string) => statusLabel(language, code);
  const format = formatFor(language.locale, "UTC");
  const date = (value: string) => format.date(value);
  const money = (minor: number) => format.money(minor, s.internal?.currency ?? "EUR", { cents: true });
  const list = (lines: ReportLine[], empty: string): string[] => {
    if (lines.length === 0) return [`- ${empty}`];
    return lines.map((l) => `- ${l.date ? `${date(l.date)} — ` : ""}${escapeMarkdown(l.text)}`);
  };

  const out = [
    `# ${t("title", { name: escapeMarkdown(s.project.name) })}`,
    "",
    `${t("client", { name: escapeMarkdown(s.project.clientName) })}  `,
    `${t("week", { week: s.isoWeek, monday: date(s.weekOf) })}  `,
    `${t("period", { from: s.period.from ? date(s.period.from) : t("projectStart"), to: date(s.period.to) })}  `,
    t("statusLine", {
      status: label(s.project.status),
      health: label(s.project.health),
      date: date(s.project.targetGoLiveDate),
    }),
    "",
    `## ${t("progress")}`,
    "",
    `### ${t("gatesDecided")}`,
    ...list(s.progress.gatesDecided, t("none")),
    "",
    `### ${t("sprintsAccepted")}`,
    ...list(s.progress.sprintsAccepted, t("none")),
    "",
    `### ${t("scopeChanges")}`,
    ...list(s.progress.scopeChanges, t("none")),
    "",
    `## ${t("gateStatus")}`,
    "",
    s.gateStatus.current
      ? s.gateStatus.current.date
        ? t("currentPlanned", {
            text: escapeMarkdown(s.gateStatus.current.text),
            date: date(s.gateStatus.current.date),
          })
        : t("current", { text: escapeMarkdown(s.gateStatus.current.text) })
      : t("noOpenGate"),
    "",
    ...s.gateStatus.gates.map(
      (g) =>
        `- ${t("gateLine", { number: g.number, name: escapeMarkdown(g.name), status: label(g.status) })}` +
        (g.date ? ` (${date(g.date)})` : ""),
    ),
    "",
    `## ${t("sprintStatus")}`,
    "",
    ...(s.sprintStatus.length
      ? s.sprintStatus.map(
          (sp) =>
            "- " +
            t("sprintLine", {
              number: sp.number,
              start: date(sp.startDate),
              end: date(sp.endDate),
              status: label(sp.status),
              goal: escapeMarkdown(sp.goal),
            }),
        )
      : [`- ${t("noSprints")}`]),
    "",
    `## ${t("risks")}`,
    "",
    ...(s.risks.length
      ? s.risks.map((r) => `- [${label(r.severity)}] ${escapeMarkdown(r.text)}`)
      : [`- ${t("noRisks")}`]),
    "",
    `## ${t("decisions")}`,
    "",
    ...list(s.decisions, t("noDecisions")),
    "",
    `## ${t("nextSteps")}`,
    "",
    ...list(s.nextSteps, t("nothingScheduled")),
  ];
  if (s.auditHead) out.push("", ...auditHeadLines(s.auditHead, language));
  if (s.internal) {
    const internal = s.internal;
    out.push(
      "",
      `## ${t("internal")}`,
      "",
      `- ${t("billable", { amount: money(internal.billableAmount) })}`,
      `- ${t("forecastGoLive", { date: internal.forecastGoLive ? date(internal.forecastGoLive) : t("noForecast") })}`,
      `- ${t("forecastCost", {
        amount: internal.forecastCost === null ? t("noForecast") : money(internal.forecastCost),
      })}`,
      ...(internal.notes ? [`- ${t("notes", { notes: escapeMarkdown(internal.notes) })}`] : []),
    );
  }
  return `${out.join("\n")}\n`;
}
