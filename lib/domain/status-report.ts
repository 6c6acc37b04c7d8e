// The weekly status report: facts in, a frozen snapshot out (pure); its markdown is in
// ./status-report-markdown. The snapshot keeps vendor-internal figures in one `internal` section, so
// the client's version is the same snapshot without it (clientSnapshot) — never a second computation.
// Its sentences are written once, in the project's language, when it is frozen: a later change of
// the project's language or of the catalogue never rewrites a report already frozen.
import { createTranslator } from "next-intl";
import type { HealthReason } from "@/lib/domain/health";
import { healthReasonSayer } from "@/lib/health-words";
import { formatFor } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/messages/catalogue";
import type { SignedHead } from "./audit-checkpoint";

/** The language a text is written in, with that language's catalogue (loadMessages). */
export type TextLanguage = { locale: Locale; messages: Messages };

export type ReportFacts = {
  project: {
    id: string;
    name: string;
    clientName: string;
    status: string;
    currentGate: number;
    targetGoLiveDate: string;
    health: "green" | "amber" | "red";
    /** With their codes and values, so the report says them in its own language. */
    healthReasons: HealthReason[];
  };
  /** Start of the period: the previous report's generation time, or null for the first report. */
  since: string | null;
  generatedAt: string;
  gates: { number: number; name: string; status: string; plannedDate: string | null; decidedAt: string | null }[];
  gateDecisions: { number: number; name: string; decision: string; rationale: string; decidedAt: string }[];
  sprints: {
    number: number;
    goal: string;
    status: string;
    startDate: string;
    endDate: string;
    decidedAt: string | null;
  }[];
  scopeChanges: { title: string; change: string; reason: string; at: string }[];
  scopeBaselines: { version: number; totalDays: number; approvedAt: string }[];
  openEscalations: { title: string; severity: string; blocking: boolean; status: string }[];
  openConditions: { gateNumber: number; text: string; dueDate: string }[];
  upcomingTraining: { moduleName: string; startsAt: string; mode: string }[];
  internal: {
    notes: string;
    billableAmount: number;
    currency: string;
    forecastGoLive: string | null;
    forecastCost: number | null;
  };
};

export type ReportLine = { text: string; date?: string };
export type RiskLine = {
  text: string;
  severity: "high" | "medium" | "low";
  source: "health" | "escalation" | "condition";
};

export type StatusReportSnapshot = {
  schemaVersion: 1;
  /** The language its sentences were frozen in; absent in reports frozen before languages (English). */
  language?: Locale;
  project: { id: string; name: string; clientName: string; status: string; targetGoLiveDate: string; health: string };
  weekOf: string;
  isoWeek: string;
  period: { from: string | null; to: string };
  progress: { gatesDecided: ReportLine[]; sprintsAccepted: ReportLine[]; scopeChanges: ReportLine[] };
  gateStatus: {
    current: ReportLine | null;
    gates: { number: number; name: string; status: string; date: string | null }[];
  };
  sprintStatus: { number: number; goal: string; status: string; startDate: string; endDate: string }[];
  risks: RiskLine[];
  decisions: ReportLine[];
  nextSteps: ReportLine[];
  internal?: ReportFacts["internal"];
  /** The signed audit head when the report was frozen: a reader holding it can later prove no history was cut. */
  auditHead?: SignedHead | null;
};

/** ISO-8601 week of a date: the Monday it starts on and its label ("2026-W47"). */
export function isoWeekOf(date: string): { monday: string; label: string } {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = new Date(d.getTime() - weekday * 86_400_000);
  const thursday = new Date(monday.getTime() + 3 * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstMonday = new Date(firstThursday.getTime() - ((firstThursday.getUTCDay() + 6) % 7) * 86_400_000);
  const week = Math.round((monday.getTime() - firstMonday.getTime()) / (7 * 86_400_000)) + 1;
  return { monday: monday.toISOString().slice(0, 10), label: `${year}-W${String(week).padStart(2, "0")}` };
}

export const MAX_SCOPE_LINES = 12;

const inPeriod = (at: string | null, since: string | null, to: string) =>
  Boolean(at) && (!since || at! > since) && at! <= to;
const SEVERITY: Record<string, RiskLine["severity"]> = { critical: "high", high: "high", medium: "medium", low: "low" };

export function buildStatusReport(facts: ReportFacts, language: TextLanguage): StatusReportSnapshot {
  const { locale, messages } = language;
  const t = createTranslator({ locale, messages, namespace: "statusReport" });
  const label = (code: string) => statusLabel({ locale, messages }, code);
  const format = formatFor(locale, "UTC");
  const sayReason = healthReasonSayer(messages, format);
  const { since, generatedAt: to } = facts;
  const today = to.slice(0, 10);
  const week = isoWeekOf(today);
  const current = facts.gates.find((g) => g.number === facts.project.currentGate) ?? null;

  const gatesDecided = facts.gateDecisions
    .filter((d) => inPeriod(d.decidedAt, since, to))
    .map((d) => ({
      text: t("gateDecided", { number: d.number, name: d.name, decision: label(d.decision), rationale: d.rationale }),
      date: d.decidedAt.slice(0, 10),
    }));
  const sprintsAccepted = facts.sprints
    .filter((s) => s.status === "accepted" && inPeriod(s.decidedAt, since, to))
    .map((s) => ({ text: t("sprintAccepted", { number: s.number, goal: s.goal }), date: s.decidedAt!.slice(0, 10) }));
  const changed = facts.scopeChanges.filter((c) => inPeriod(c.at, since, to));
  // A first report can carry the whole initial scope: list the latest ones and count the rest.
  const scopeChanges: ReportLine[] = changed.slice(-MAX_SCOPE_LINES).map((c) => {
    const values = { title: c.title, reason: c.reason };
    const text =
      c.change === "added"
        ? t("scopeAdded", values)
        : c.change === "removed"
          ? t("scopeRemoved", values)
          : t("scopeChanged", values);
    return { text, date: c.at.slice(0, 10) };
  });
  if (changed.length > MAX_SCOPE_LINES) {
    scopeChanges.unshift({
      text: t("scopeNotListed", { hidden: changed.length - MAX_SCOPE_LINES, total: format.number(changed.length) }),
    });
  }

  const risks: RiskLine[] = [
    ...facts.project.healthReasons.map((reason) => ({
      text: sayReason(reason),
      severity: (facts.project.health === "red" ? "high" : "medium") as RiskLine["severity"],
      source: "health" as const,
    })),
    ...facts.openEscalations.map((e) => ({
      text: e.blocking
        ? t("escalationBlocking", { title: e.title, status: label(e.status) })
        : t("escalation", { title: e.title, status: label(e.status) }),
      severity: e.blocking ? ("high" as const) : (SEVERITY[e.severity] ?? "medium"),
      source: "escalation" as const,
    })),
    ...facts.openConditions.map((c) => ({
      text: t("openCondition", { gate: c.gateNumber, text: c.text, dueDate: format.date(c.dueDate) }),
      severity: (c.dueDate < today ? "high" : "medium") as RiskLine["severity"],
      source: "condition" as const,
    })),
  ];

  const decisions: ReportLine[] = [
    ...gatesDecided,
    ...facts.scopeBaselines
      .filter((b) => inPeriod(b.approvedAt, since, to))
      .map((b) => ({
        text: t("baselineApproved", {
          version: b.version,
          days: format.number(b.totalDays, { maximumFractionDigits: 1 }),
        }),
        date: b.approvedAt.slice(0, 10),
      })),
  ].sort((a, b) => (a.date! < b.date! ? -1 : 1));

  const nextSteps: ReportLine[] = [];
  const nextGate = facts.gates
    .filter((g) => (g.status === "pending" || g.status === "in_review") && g.number <= facts.project.currentGate)
    .sort((a, b) => b.number - a.number)[0];
  if (nextGate) {
    nextSteps.push({
      text:
        nextGate.status === "in_review"
          ? t("nextGateDecision", { number: nextGate.number, name: nextGate.name })
          : t("nextGateSubmission", { number: nextGate.number, name: nextGate.name }),
      date: nextGate.plannedDate ?? undefined,
    });
  }
  const open = facts.sprints
    .filter((s) => s.status === "active" || s.status === "in_review")
    .sort((a, b) => a.number - b.number);
  for (const sprint of open) {
    nextSteps.push(
      sprint.status === "in_review"
        ? { text: t("sprintAwaitsAcceptance", { number: sprint.number, goal: sprint.goal }) }
        : { text: t("sprintEnds", { number: sprint.number, goal: sprint.goal }), date: sprint.endDate },
    );
  }
  const nextPlanned = facts.sprints.filter((s) => s.status === "planned").sort((a, b) => a.number - b.number)[0];
  if (nextPlanned)
    nextSteps.push({
      text: t("sprintStarts", { number: nextPlanned.number, goal: nextPlanned.goal }),
      date: nextPlanned.startDate,
    });
  for (const session of facts.upcomingTraining.slice(0, 3)) {
    nextSteps.push({
      text:
        session.mode === "remote"
          ? t("trainingRemote", { module: session.moduleName })
          : t("trainingOnSite", { module: session.moduleName }),
      date: session.startsAt.slice(0, 10),
    });
  }
  if (facts.project.status === "active" && facts.project.targetGoLiveDate >= today) {
    nextSteps.push({ text: t("targetGoLive"), date: facts.project.targetGoLiveDate });
  }
  // In date order; steps without a date (waiting on someone) first, as they are due now.
  nextSteps.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));

  return {
    schemaVersion: 1,
    language: locale,
    project: {
      id: facts.project.id,
      name: facts.project.name,
      clientName: facts.project.clientName,
      status: facts.project.status,
      targetGoLiveDate: facts.project.targetGoLiveDate,
      health: facts.project.health,
    },
    weekOf: week.monday,
    isoWeek: week.label,
    period: { from: since, to },
    progress: { gatesDecided, sprintsAccepted, scopeChanges },
    gateStatus: {
      current: current
        ? {
            text: t("currentGate", { number: current.number, name: current.name, status: label(current.status) }),
            date: current.plannedDate ?? undefined,
          }
        : null,
      gates: [...facts.gates]
        .sort((a, b) => b.number - a.number)
        .map((g) => ({
          number: g.number,
          name: g.name,
          status: g.status,
          date: g.decidedAt?.slice(0, 10) ?? g.plannedDate,
        })),
    },
    sprintStatus: facts.sprints
      .filter((s) => s.status !== "accepted" || inPeriod(s.decidedAt, since, to))
      .map((s) => ({ number: s.number, goal: s.goal, status: s.status, startDate: s.startDate, endDate: s.endDate })),
    risks,
    decisions,
    nextSteps,
    internal: facts.internal,
  };
}

/** What a client account may read: the same snapshot without the vendor-internal section. */
export function clientSnapshot(snapshot: StatusReportSnapshot): StatusReportSnapshot {
  const { internal, ...rest } = snapshot;
  void internal;
  return rest;
}

/**
 * A status, decision, severity or health code in words, in the given language; an unknown code
 * is shown as it is, with spaces for underscores.
 */
export function statusLabel(language: TextLanguage, code: string): string {
  const words = createTranslator({
    locale: language.locale,
    messages: language.messages,
    namespace: "statusReportLabels",
  });
  const labels: Record<string, () => string> = {
    pending: () => words("pending"),
    in_review: () => words("inReview"),
    go: () => words("go"),
    conditional_go: () => words("conditionalGo"),
    hold: () => words("hold"),
    recycle: () => words("recycle"),
    recycled: () => words("recycled"),
    kill: () => words("kill"),
    killed: () => words("killed"),
    open: () => words("open"),
    triaged: () => words("triaged"),
    in_progress: () => words("inProgress"),
    resolved: () => words("resolved"),
    closed: () => words("closed"),
    planned: () => words("planned"),
    active: () => words("active"),
    accepted: () => words("accepted"),
    rejected: () => words("rejected"),
    on_hold: () => words("onHold"),
    live: () => words("live"),
    green: () => words("green"),
    amber: () => words("amber"),
    red: () => words("red"),
    high: () => words("high"),
    medium: () => words("medium"),
    low: () => words("low"),
  };
  return Object.hasOwn(labels, code) ? labels[code]() : code.replace(/_/g, " ");
}
