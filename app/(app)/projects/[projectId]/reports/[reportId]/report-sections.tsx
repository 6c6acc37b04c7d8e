import type { ReactNode } from "react";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { type ReportLine, type StatusReportSnapshot, statusLabel } from "@/lib/domain/status-report";
import type { Format } from "@/lib/i18n/format";
import { getFormat } from "@/lib/i18n/format-server";
import type { Messages } from "@/messages/catalogue";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid border-t border-slate-200 pt-4 print:pt-2">
      <h2 className="mb-2 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Lines({ lines, empty, format }: { lines: ReportLine[]; empty: string; format: Format }) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {lines.map((l, i) => (
        <li key={i}>
          {l.date ? <span className="text-slate-600">{format.date(l.date)} — </span> : null}
          {l.text}
        </li>
      ))}
    </ul>
  );
}

const RISK_CLASS = { high: "text-red-800", medium: "text-amber-900", low: "text-slate-700" } as const;

/**
 * The frozen snapshot as a document; user text is rendered as text by React, never as HTML. The
 * headings, labels, dates and amounts are in the reader's language; the report's sentences stay
 * in the language it was frozen in.
 */
export async function ReportSections({ snapshot: s }: { snapshot: StatusReportSnapshot }) {
  const t = await getTranslations("reportSections");
  const format = await getFormat();
  const reader = { locale: await getLocale(), messages: (await getMessages()) as Messages };
  const label = (code: string) => statusLabel(reader, code);
  return (
    <div className="space-y-5">
      <Section title={t("progress")}>
        <div className="grid gap-4 md:grid-cols-3 print:grid-cols-1">
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("gatesDecided")}</h3>
            <Lines lines={s.progress.gatesDecided} empty={t("none")} format={format} />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("sprintsAccepted")}</h3>
            <Lines lines={s.progress.sprintsAccepted} empty={t("none")} format={format} />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">{t("scopeChanges")}</h3>
            <Lines lines={s.progress.scopeChanges} empty={t("none")} format={format} />
          </div>
        </div>
      </Section>
      <Section title={t("gateStatus")}>
        <p className="mb-2 text-sm">
          {s.gateStatus.current
            ? s.gateStatus.current.date
              ? t("currentPlanned", { text: s.gateStatus.current.text, date: format.date(s.gateStatus.current.date) })
              : t("current", { text: s.gateStatus.current.text })
            : t("noOpenGate")}
        </p>
        <ol className="grid gap-1 text-sm sm:grid-cols-2">
          {s.gateStatus.gates.map((g) => (
            <li key={g.number}>
              <span className="font-medium">{t("gate", { number: g.number })}</span> {g.name}: {label(g.status)}
              {g.date ? <span className="text-slate-600"> ({format.date(g.date)})</span> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section title={t("sprintStatus")}>
        {s.sprintStatus.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noSprints")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {s.sprintStatus.map((sp) => (
              <li key={sp.number}>
                <span className="font-medium">{t("sprint", { number: sp.number })}</span>{" "}
                {`(${format.date(sp.startDate)} – ${format.date(sp.endDate)}): ${label(sp.status)} — ${sp.goal}`}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("risks")}>
        {s.risks.length === 0 ? (
          <p className="text-sm text-slate-600">{t("noRisks")}</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {s.risks.map((r, i) => (
              <li key={i} className={RISK_CLASS[r.severity]}>
                <span className="font-semibold uppercase">{label(r.severity)}</span> · {r.text}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={t("decisions")}>
        <Lines lines={s.decisions} empty={t("noDecisions")} format={format} />
      </Section>
      <Section title={t("nextSteps")}>
        <Lines lines={s.nextSteps} empty={t("nothingScheduled")} format={format} />
      </Section>
      {s.internal ? (
        <Section title={t("internal")}>
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">{t("billable")}</dt>
            <dd>{format.money(s.internal.billableAmount, s.internal.currency)}</dd>
            <dt className="text-slate-600">{t("forecastGoLive")}</dt>
            <dd>{s.internal.forecastGoLive ? format.date(s.internal.forecastGoLive) : t("noForecast")}</dd>
            <dt className="text-slate-600">{t("forecastCost")}</dt>
            <dd>
              {s.internal.forecastCost === null
                ? t("noForecast")
                : format.money(s.internal.forecastCost, s.internal.currency)}
            </dd>
            {s.internal.notes ? (
              <>
                <dt className="text-slate-600">{t("notes")}</dt>
                <dd className="whitespace-pre-line">{s.internal.notes}</dd>
              </>
            ) : null}
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
