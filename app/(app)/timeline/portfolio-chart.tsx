// The portfolio drawn: one row per project, a column per month, each gate's planned date (outlined)
// against its decision (filled, coloured by outcome), the target go-live (diamond) and a today line.
// Markers carry their own text for screen readers; the table below the chart says the same.
// On a phone the chart scrolls sideways inside its own frame, never the page.
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { GanttGate, GanttRow } from "@/lib/data/portfolio-gantt";
import type { Format } from "@/lib/i18n/format";
import { gateOutcome, positionOf, slipDays, type ChartWindow, type GateOutcome } from "@/lib/domain/timeline-chart";

const OUTCOME_STYLE: Record<GateOutcome, string> = {
  passed: "gantt-passed",
  conditional: "gantt-conditional",
  stopped: "gantt-stopped",
  open: "gantt-open",
};
type ChartWords = ReturnType<typeof useTranslations<"timelineChart">>;

/** A gate's marker as one sentence for the hover text and screen readers. */
export function gateDescription(gate: GanttGate, today: string, t: ChartWords, format: Format): string {
  const outcome = gateOutcome(gate.decision, gate.status);
  const planned = gate.plannedDate ? t("planned", { date: format.date(gate.plannedDate) }) : t("noPlannedDate");
  const gateName = { number: gate.number, name: gate.name, planned };
  if (gate.decidedAt) {
    const slip = slipDays(gate.plannedDate, gate.decidedAt);
    const late =
      slip === null
        ? ""
        : slip > 0
          ? t("daysLate", { count: slip })
          : slip < 0
            ? t("daysEarly", { count: -slip })
            : t("onTime");
    const words = {
      passed: t("outcomePassed"),
      conditional: t("outcomeConditional"),
      stopped: t("outcomeStopped"),
      open: t("outcomeOpen"),
    };
    return t("decided", { ...gateName, date: format.date(gate.decidedAt), outcome: words[outcome], late });
  }
  const overdue = Boolean(gate.plannedDate && gate.plannedDate < today);
  if (gate.current) return overdue ? t("currentOverdue", gateName) : t("current", gateName);
  return overdue ? t("undecidedOverdue", gateName) : t("undecided", gateName);
}

// The title is both the hover text and, for role="img", the accessible name: one copy of the
// sentence per marker rather than two. Shapes come from the gantt-* classes (globals.css).
function Marker({
  left,
  className,
  label,
  children,
}: {
  left: number;
  className: string;
  label: string;
  children?: React.ReactNode;
}) {
  return (
    <span role="img" title={label} className={`gantt-marker ${className}`} style={{ left: `${left}%` }}>
      {children}
    </span>
  );
}

function GateMarks({
  gate,
  window,
  today,
  format,
}: {
  gate: GanttGate;
  window: ChartWindow;
  today: string;
  format: Format;
}) {
  const t = useTranslations("timelineChart");
  const planned = positionOf(window, gate.plannedDate);
  const actual = positionOf(window, gate.decidedAt);
  const outcome = gateOutcome(gate.decision, gate.status);
  const label = gateDescription(gate, today, t, format);
  const late = (slipDays(gate.plannedDate, gate.decidedAt) ?? 0) > 0;
  const overdue = !gate.decidedAt && gate.plannedDate !== null && gate.plannedDate < today;
  return (
    <>
      {planned !== null && actual !== null ? (
        <span
          aria-hidden
          className={`gantt-slip ${late ? "bg-amber-300" : "bg-green-200"}`}
          style={{ left: `${Math.min(planned, actual)}%`, width: `${Math.abs(actual - planned)}%` }}
        />
      ) : null}
      {planned !== null ? (
        <Marker
          left={planned}
          label={actual === null ? label : t("plannedDateMarker", { label })}
          className={`gantt-planned${overdue ? " gantt-overdue" : ""}${gate.current ? " gantt-current" : ""}`}
        >
          {actual === null ? gate.number : null}
        </Marker>
      ) : null}
      {actual !== null ? (
        <Marker left={actual} label={label} className={`gantt-decided ${OUTCOME_STYLE[outcome]}`}>
          {gate.number}
        </Marker>
      ) : null}
    </>
  );
}

export function PortfolioChart({
  rows,
  window,
  today,
  format,
}: {
  rows: GanttRow[];
  window: ChartWindow;
  today: string;
  format: Format;
}) {
  const t = useTranslations("timelineChart");
  const todayAt = positionOf(window, today);
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-label={t("legend")}>
        <li className="flex items-center gap-1.5">
          <span
            aria-hidden
            className="inline-block h-3.5 w-3.5 rounded-sm border-2 border-dashed border-slate-500 bg-white"
          />{" "}
          {t("legendPlanned")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-full bg-green-600" /> {t("legendGo")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-full bg-amber-400" /> {t("legendConditional")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3.5 w-3.5 rounded-full bg-red-600" /> {t("legendStopped")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3 w-3 rotate-45 bg-brand-700" /> {t("legendGoLive")}
        </li>
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="inline-block h-3.5 w-0.5 bg-red-500" /> {t("legendToday")}
        </li>
      </ul>
      {/* The frame scrolls, the page does not: min-w keeps a month wide enough to read. */}
      <div
        className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-label={t("chartLabel")}
      >
        <div className="min-w-[56rem]">
          <div
            className={
              "grid grid-cols-[13rem_minmax(0,1fr)] border-b border-slate-200 bg-slate-50 text-xs " +
              "font-medium text-slate-700"
            }
          >
            <div className="sticky left-0 z-10 border-r border-slate-200 bg-slate-50 px-3 py-2">{t("project")}</div>
            <div
              className="relative grid"
              style={{ gridTemplateColumns: `repeat(${window.months.length}, minmax(0, 1fr))` }}
            >
              {window.months.map((m) => (
                <div
                  key={m}
                  className={
                    `border-l border-slate-200 px-1.5 ` +
                    `py-2 ${m === today.slice(0, 7) ? "bg-red-50 text-red-800" : ""}`
                  }
                >
                  {format.month(m, { short: true })}
                </div>
              ))}
            </div>
          </div>
          <ol aria-label={t("projects")}>
            {rows.map((row) => {
              const goLive = positionOf(window, row.targetGoLiveDate);
              return (
                <li
                  key={row.id}
                  className="grid grid-cols-[13rem_minmax(0,1fr)] border-b border-slate-100 last:border-b-0"
                >
                  <div className="sticky left-0 z-10 min-w-0 border-r border-slate-200 bg-white px-3 py-1.5">
                    <Link
                      href={`/projects/${row.id}/schedule`}
                      className="block truncate text-sm font-medium text-brand-700 hover:underline"
                    >
                      {row.name}
                    </Link>
                    <span className="block truncate text-xs text-slate-600">{row.clientName}</span>
                  </div>
                  {/* Month lines are the track's background (gantt-track), not a dozen elements per project. */}
                  <div className="gantt-track" style={{ backgroundSize: `calc(100% / ${window.months.length}) 100%` }}>
                    {todayAt !== null ? (
                      <span
                        aria-hidden
                        className="absolute inset-y-0 w-0.5 bg-red-500/70"
                        style={{ left: `${todayAt}%` }}
                      />
                    ) : null}
                    {row.gates.map((g) => (
                      <GateMarks key={g.number} gate={g} window={window} today={today} format={format} />
                    ))}
                    {goLive !== null ? (
                      <Marker
                        left={goLive}
                        label={t("goLiveMarker", { date: format.date(row.targetGoLiveDate) })}
                        className="gantt-go-live"
                      />
                    ) : null}
                  </div>
                </li>
              );
            })}
          </ol>
        </div>
      </div>
    </div>
  );
}
