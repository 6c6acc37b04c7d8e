import type { ReactNode } from "react";
import { humanize } from "@/components/ui/badge";
import type { ReportLine, StatusReportSnapshot } from "@/lib/domain/status-report";
import { formatDate, formatMoney } from "@/lib/display-format";

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-avoid border-t border-slate-200 pt-4 print:pt-2">
      <h2 className="mb-2 text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

function Lines({ lines, empty }: { lines: ReportLine[]; empty: string }) {
  if (lines.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm">
      {lines.map((l, i) => (
        <li key={i}>
          {l.date ? <span className="text-slate-600">{formatDate(l.date)} — </span> : null}
          {l.text}
        </li>
      ))}
    </ul>
  );
}

const RISK_CLASS = { high: "text-red-800", medium: "text-amber-900", low: "text-slate-700" } as const;

/** The frozen snapshot as a document; user text is rendered as text by React, never as HTML. */
export function ReportSections({ snapshot: s }: { snapshot: StatusReportSnapshot }) {
  return (
    <div className="space-y-5">
      <Section title="Progress since the last report">
        <div className="grid gap-4 md:grid-cols-3 print:grid-cols-1">
          <div>
            <h3 className="mb-1 text-sm font-semibold">Gates decided</h3>
            <Lines lines={s.progress.gatesDecided} empty="None." />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">Sprints accepted</h3>
            <Lines lines={s.progress.sprintsAccepted} empty="None." />
          </div>
          <div>
            <h3 className="mb-1 text-sm font-semibold">Scope changes</h3>
            <Lines lines={s.progress.scopeChanges} empty="None." />
          </div>
        </div>
      </Section>
      <Section title="Gate status">
        <p className="mb-2 text-sm">
          {s.gateStatus.current
            ? `Current: ${s.gateStatus.current.text}` +
              (s.gateStatus.current.date ? ` (planned ${formatDate(s.gateStatus.current.date)})` : "")
            : "No open gate."}
        </p>
        <ol className="grid gap-1 text-sm sm:grid-cols-2">
          {s.gateStatus.gates.map((g) => (
            <li key={g.number}>
              <span className="font-medium">Gate {g.number}</span> {g.name}: {humanize(g.status)}
              {g.date ? <span className="text-slate-600"> ({formatDate(g.date)})</span> : null}
            </li>
          ))}
        </ol>
      </Section>
      <Section title="Sprint status">
        {s.sprintStatus.length === 0 ? (
          <p className="text-sm text-slate-600">No sprint in progress.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {s.sprintStatus.map((sp) => (
              <li key={sp.number}>
                <span className="font-medium">Sprint {sp.number}</span> ({formatDate(sp.startDate)} –{" "}
                {formatDate(sp.endDate)}): {humanize(sp.status)} — {sp.goal}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Risks">
        {s.risks.length === 0 ? (
          <p className="text-sm text-slate-600">No open risks.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {s.risks.map((r, i) => (
              <li key={i} className={RISK_CLASS[r.severity]}>
                <span className="font-semibold uppercase">{r.severity}</span> · {r.text}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Decisions">
        <Lines lines={s.decisions} empty="No decisions this period." />
      </Section>
      <Section title="Next steps">
        <Lines lines={s.nextSteps} empty="Nothing scheduled." />
      </Section>
      {s.internal ? (
        <Section title="Vendor-internal">
          <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-slate-600">Billable, not yet invoiced</dt>
            <dd>{formatMoney(s.internal.billableAmount, s.internal.currency)}</dd>
            <dt className="text-slate-600">Forecast go-live</dt>
            <dd>{s.internal.forecastGoLive ? formatDate(s.internal.forecastGoLive) : "No forecast yet"}</dd>
            <dt className="text-slate-600">Forecast total cost</dt>
            <dd>
              {s.internal.forecastCost === null
                ? "No forecast yet"
                : formatMoney(s.internal.forecastCost, s.internal.currency)}
            </dd>
            {s.internal.notes ? (
              <>
                <dt className="text-slate-600">Notes</dt>
                <dd className="whitespace-pre-line">{s.internal.notes}</dd>
              </>
            ) : null}
          </dl>
        </Section>
      ) : null}
    </div>
  );
}
