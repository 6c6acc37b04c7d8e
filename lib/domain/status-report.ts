// The weekly status report: facts in, a frozen snapshot and its markdown out (pure).
// The snapshot keeps vendor-internal figures in one `internal` section, so the client's
// version is the same snapshot without it (clientSnapshot) — never a second computation.

export type ReportFacts = {
  project: {
    id: string;
    name: string;
    clientName: string;
    status: string;
    currentGate: number;
    targetGoLiveDate: string;
    health: "green" | "amber" | "red";
    healthReasons: string[];
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
const human = (s: string) => s.replace(/_/g, " ");
const SEVERITY: Record<string, RiskLine["severity"]> = { critical: "high", high: "high", medium: "medium", low: "low" };

export function buildStatusReport(facts: ReportFacts): StatusReportSnapshot {
  const { since, generatedAt: to } = facts;
  const today = to.slice(0, 10);
  const week = isoWeekOf(today);
  const current = facts.gates.find((g) => g.number === facts.project.currentGate) ?? null;

  const gatesDecided = facts.gateDecisions
    .filter((d) => inPeriod(d.decidedAt, since, to))
    .map((d) => ({
      text: `Gate ${d.number} (${d.name}): ${human(d.decision)} — ${d.rationale}`,
      date: d.decidedAt.slice(0, 10),
    }));
  const sprintsAccepted = facts.sprints
    .filter((s) => s.status === "accepted" && inPeriod(s.decidedAt, since, to))
    .map((s) => ({ text: `Sprint ${s.number} accepted: ${s.goal}`, date: s.decidedAt!.slice(0, 10) }));
  const changed = facts.scopeChanges.filter((c) => inPeriod(c.at, since, to));
  // A first report can carry the whole initial scope: list the latest ones and count the rest.
  const scopeChanges: ReportLine[] = changed
    .slice(-MAX_SCOPE_LINES)
    .map((c) => ({ text: `${c.title} ${c.change}: ${c.reason}`, date: c.at.slice(0, 10) }));
  if (changed.length > MAX_SCOPE_LINES) {
    scopeChanges.unshift({
      text: `${changed.length - MAX_SCOPE_LINES} earlier scope changes not listed (${changed.length} in this period)`,
    });
  }

  const risks: RiskLine[] = [
    ...facts.project.healthReasons.map((text) => ({
      text,
      severity: (facts.project.health === "red" ? "high" : "medium") as RiskLine["severity"],
      source: "health" as const,
    })),
    ...facts.openEscalations.map((e) => ({
      text: `Escalation${e.blocking ? " (blocking)" : ""}: ${e.title} — ${human(e.status)}`,
      severity: e.blocking ? ("high" as const) : (SEVERITY[e.severity] ?? "medium"),
      source: "escalation" as const,
    })),
    ...facts.openConditions.map((c) => ({
      text: `Open condition of gate ${c.gateNumber}: ${c.text} (due ${c.dueDate})`,
      severity: (c.dueDate < today ? "high" : "medium") as RiskLine["severity"],
      source: "condition" as const,
    })),
  ];

  const decisions: ReportLine[] = [
    ...gatesDecided,
    ...facts.scopeBaselines
      .filter((b) => inPeriod(b.approvedAt, since, to))
      .map((b) => ({
        text: `Scope baseline v${b.version} approved (${b.totalDays} person-days)`,
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
        `Gate ${nextGate.number} ` +
        `(${nextGate.name}) ${nextGate.status === "in_review" ? "decision by the board" : "submission for review"}`,
      date: nextGate.plannedDate ?? undefined,
    });
  }
  const open = facts.sprints
    .filter((s) => s.status === "active" || s.status === "in_review")
    .sort((a, b) => a.number - b.number);
  for (const sprint of open) {
    nextSteps.push(
      sprint.status === "in_review"
        ? { text: `Sprint ${sprint.number} awaits the client's acceptance: ${sprint.goal}` }
        : { text: `Sprint ${sprint.number} ends: ${sprint.goal}`, date: sprint.endDate },
    );
  }
  const nextPlanned = facts.sprints.filter((s) => s.status === "planned").sort((a, b) => a.number - b.number)[0];
  if (nextPlanned)
    nextSteps.push({ text: `Sprint ${nextPlanned.number} starts: ${nextPlanned.goal}`, date: nextPlanned.startDate });
  for (const t of facts.upcomingTraining.slice(0, 3)) {
    nextSteps.push({
      text: `Training: ${t.moduleName} (${t.mode === "remote" ? "remote" : "on site"})`,
      date: t.startsAt.slice(0, 10),
    });
  }
  if (facts.project.status === "active" && facts.project.targetGoLiveDate >= today) {
    nextSteps.push({ text: "Target go-live", date: facts.project.targetGoLiveDate });
  }
  // In date order; steps without a date (waiting on someone) first, as they are due now.
  nextSteps.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));

  return {
    schemaVersion: 1,
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
            text: `Gate ${current.number} (${current.name}): ${human(current.status)}`,
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

/** Inline markdown: user text cannot open headings, links, emphasis or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/([\\`*_{}[\]()<>#+!|~])/g, "\\$1");
}

const money = (minor: number, currency: string) =>
  `${(minor / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;

function list(lines: ReportLine[], empty: string): string[] {
  if (lines.length === 0) return [`- ${empty}`];
  return lines.map((l) => `- ${l.date ? `${l.date} — ` : ""}${escapeMarkdown(l.text)}`);
}

export function statusReportMarkdown(snapshot: StatusReportSnapshot): string {
  const s = snapshot;
  const out = [
    `# Weekly status report — ${escapeMarkdown(s.project.name)}`,
    "",
    `Client: ${escapeMarkdown(s.project.clientName)}  `,
    `Week: ${s.isoWeek} (from ${s.weekOf})  `,
    `Period: ${s.period.from ? s.period.from.slice(0, 10) : "project start"} to ${s.period.to.slice(0, 10)}  `,
    `Status: ${human(s.project.status)} · Health: ${s.project.health} · Target go-live: ${s.project.targetGoLiveDate}`,
    "",
    "## Progress since the last report",
    "",
    "### Gates decided",
    ...list(s.progress.gatesDecided, "None."),
    "",
    "### Sprints accepted",
    ...list(s.progress.sprintsAccepted, "None."),
    "",
    "### Scope changes",
    ...list(s.progress.scopeChanges, "None."),
    "",
    "## Gate status",
    "",
    s.gateStatus.current
      ? `Current: ${escapeMarkdown(s.gateStatus.current.text)}` +
        (s.gateStatus.current.date ? ` (planned ${s.gateStatus.current.date})` : "")
      : "No open gate.",
    "",
    ...s.gateStatus.gates.map(
      (g) => `- Gate ${g.number} ${escapeMarkdown(g.name)}: ${human(g.status)}${g.date ? ` (${g.date})` : ""}`,
    ),
    "",
    "## Sprint status",
    "",
    ...(s.sprintStatus.length
      ? s.sprintStatus.map(
          (sp) =>
            `- Sprint ${sp.number} (${sp.startDate} to ${sp.endDate}): ${human(sp.status)} ` +
            `— ${escapeMarkdown(sp.goal)}`,
        )
      : ["- No sprints in progress."]),
    "",
    "## Risks",
    "",
    ...(s.risks.length ? s.risks.map((r) => `- [${r.severity}] ${escapeMarkdown(r.text)}`) : ["- No open risks."]),
    "",
    "## Decisions",
    "",
    ...list(s.decisions, "No decisions this period."),
    "",
    "## Next steps",
    "",
    ...list(s.nextSteps, "Nothing scheduled."),
  ];
  if (s.internal) {
    out.push(
      "",
      "## Vendor-internal",
      "",
      `- Billable, not yet invoiced: ${money(s.internal.billableAmount, s.internal.currency)}`,
      `- Forecast go-live: ${s.internal.forecastGoLive ?? "no forecast yet"}`,
      "- Forecast total cost: " +
        (s.internal.forecastCost === null ? "no forecast yet" : money(s.internal.forecastCost, s.internal.currency)),
      ...(s.internal.notes ? [`- Notes: ${escapeMarkdown(s.internal.notes)}`] : []),
    );
  }
  return `${out.join("\n")}\n`;
}
