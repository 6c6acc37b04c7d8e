import { describe, expect, it } from "vitest";
import { loadMessages } from "@/messages/catalogue";
import { buildStatusReport as buildIn, clientSnapshot, isoWeekOf, type ReportFacts } from "./status-report";
import { escapeMarkdown, statusReportMarkdown as markdownIn } from "./status-report-markdown";

const EN = { locale: "en" as const, messages: await loadMessages("en") };
const ES = { locale: "es" as const, messages: await loadMessages("es") };
const PL = { locale: "pl" as const, messages: await loadMessages("pl") };
// English unless a test says otherwise.
const buildStatusReport = (f: ReportFacts) => buildIn(f, EN);
const statusReportMarkdown = (snapshot: ReturnType<typeof buildStatusReport>) => markdownIn(snapshot, EN);

const facts = (over: Partial<ReportFacts> = {}): ReportFacts => ({
  project: {
    id: "p1",
    name: "Nordlicht residential",
    clientName: "Nordlicht Netz AG",
    status: "active",
    currentGate: 5,
    targetGoLiveDate: "2026-12-31",
    health: "amber",
    healthReasons: [
      { severity: "amber", code: "changes_requested", params: { count: 1 }, text: "1 artifact with changes requested" },
    ],
  },
  since: "2026-11-16T08:00:00.000Z",
  generatedAt: "2026-11-23T08:00:00.000Z",
  gates: [
    { number: 7, name: "Kickoff", status: "go", plannedDate: "2026-10-01", decidedAt: "2026-10-02T10:00:00.000Z" },
    { number: 6, name: "Closure", status: "go", plannedDate: "2026-11-18", decidedAt: "2026-11-18T10:00:00.000Z" },
    { number: 5, name: "Detailed plans", status: "pending", plannedDate: "2026-12-15", decidedAt: null },
    { number: 4, name: "Validation", status: "pending", plannedDate: "2027-01-15", decidedAt: null },
  ],
  gateDecisions: [
    { number: 7, name: "Kickoff", decision: "go", rationale: "Agreed.", decidedAt: "2026-10-02T10:00:00.000Z" },
    {
      number: 6,
      name: "Closure",
      decision: "conditional_go",
      rationale: "Roadmap ok.",
      decidedAt: "2026-11-18T10:00:00.000Z",
    },
  ],
  sprints: [
    {
      number: 1,
      goal: "Tariffs",
      status: "accepted",
      startDate: "2026-10-20",
      endDate: "2026-10-31",
      decidedAt: "2026-11-02T09:00:00.000Z",
    },
    {
      number: 2,
      goal: "Invoices",
      status: "accepted",
      startDate: "2026-11-03",
      endDate: "2026-11-14",
      decidedAt: "2026-11-17T09:00:00.000Z",
    },
    { number: 3, goal: "Dunning", status: "active", startDate: "2026-11-17", endDate: "2026-11-28", decidedAt: null },
    { number: 4, goal: "Portal", status: "planned", startDate: "2026-12-01", endDate: "2026-12-12", decidedAt: null },
  ],
  scopeChanges: [
    { title: "E-invoicing", change: "added", reason: "Regulation", at: "2026-11-20T09:00:00.000Z" },
    { title: "Old change", change: "removed", reason: "n/a", at: "2026-11-01T09:00:00.000Z" },
  ],
  scopeBaselines: [{ version: 2, totalDays: 120, approvedAt: "2026-11-19T12:00:00.000Z" }],
  openEscalations: [{ title: "Meter reads missing", severity: "high", blocking: true, status: "open" }],
  openConditions: [{ gateNumber: 6, text: "Sign roadmap", dueDate: "2026-11-20" }],
  upcomingTraining: [{ moduleName: "Usage", startsAt: "2026-11-25T09:00:00.000Z", mode: "remote" }],
  internal: {
    notes: "Margin 22%",
    billableAmount: 2_400_000,
    currency: "EUR",
    forecastGoLive: "2027-01-10",
    forecastCost: 50_000_000,
  },
  ...over,
});

describe("isoWeekOf", () => {
  it.each([
    ["2026-11-23", "2026-11-23", "2026-W48"],
    ["2026-11-22", "2026-11-16", "2026-W47"],
    ["2027-01-01", "2026-12-28", "2026-W53"],
    ["2025-12-29", "2025-12-29", "2026-W01"],
    ["2024-01-01", "2024-01-01", "2024-W01"],
  ])("%s is in the week of %s (%s)", (date, monday, label) => {
    expect(isoWeekOf(date)).toEqual({ monday, label });
  });
});

describe("buildStatusReport", () => {
  const snapshot = buildStatusReport(facts());

  it("reports only the progress since the last report", () => {
    expect(snapshot.progress.gatesDecided.map((l) => l.text)).toEqual([
      "Gate 6 (Closure): conditional go — Roadmap ok.",
    ]);
    expect(snapshot.progress.sprintsAccepted.map((l) => l.text)).toEqual(["Sprint 2 accepted: Invoices"]);
    expect(snapshot.progress.scopeChanges.map((l) => l.text)).toEqual(["E-invoicing added: Regulation"]);
  });

  it("the first report covers everything since the start", () => {
    const first = buildStatusReport(facts({ since: null }));
    expect(first.progress.gatesDecided).toHaveLength(2);
    expect(first.progress.sprintsAccepted).toHaveLength(2);
    expect(first.period.from).toBeNull();
  });

  it("gate status, sprint status, risks, decisions and next steps", () => {
    expect(snapshot.weekOf).toBe("2026-11-23");
    expect(snapshot.gateStatus.current).toEqual({ text: "Gate 5 (Detailed plans): pending", date: "2026-12-15" });
    expect(snapshot.sprintStatus.map((s) => s.number)).toEqual([2, 3, 4]);
    expect(snapshot.risks[0].text).toBe("1 artifact with changes requested");
    expect(snapshot.risks.map((r) => [r.source, r.severity])).toEqual([
      ["health", "medium"],
      ["escalation", "high"],
      ["condition", "high"],
    ]);
    expect(snapshot.decisions.map((d) => d.text)).toEqual([
      "Gate 6 (Closure): conditional go — Roadmap ok.",
      "Scope baseline v2 approved (120 person-days)",
    ]);
    expect(snapshot.nextSteps).toEqual([
      { text: "Training: Usage (remote)", date: "2026-11-25" },
      { text: "Sprint 3 ends: Dunning", date: "2026-11-28" },
      { text: "Sprint 4 starts: Portal", date: "2026-12-01" },
      { text: "Gate 5 (Detailed plans) submission for review", date: "2026-12-15" },
      { text: "Target go-live", date: "2026-12-31" },
    ]);
  });

  it("a sprint in review waits for the client's acceptance, listed first", () => {
    const sprintsInReview = facts().sprints.map((s) => (s.number === 3 ? { ...s, status: "in_review" } : s));
    const steps = buildStatusReport(facts({ sprints: sprintsInReview })).nextSteps;
    expect(steps[0]).toEqual({ text: "Sprint 3 awaits the client's acceptance: Dunning" });
  });

  it("a client's copy has no vendor-internal section, in the data or the markdown", () => {
    expect(snapshot.internal?.notes).toBe("Margin 22%");
    const client = clientSnapshot(snapshot);
    expect(client).not.toHaveProperty("internal");
    const md = statusReportMarkdown(client);
    expect(md).not.toMatch(/Margin|internal|24,000/i);
    expect(statusReportMarkdown(snapshot)).toMatch(/## Vendor-internal[\s\S]*€24,000\.00[\s\S]*Margin 22%/);
  });

  it("markdown has every section, with empty ones saying so", () => {
    const md = statusReportMarkdown(
      buildStatusReport(
        facts({
          scopeChanges: [],
          openEscalations: [],
          openConditions: [],
          project: { ...facts().project, healthReasons: [] },
        }),
      ),
    );
    for (const heading of [
      "## Progress since the last report",
      "## Gate status",
      "## Sprint status",
      "## Risks",
      "## Decisions",
      "## Next steps",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain("### Scope changes\n- None.");
    expect(md).toContain("## Risks\n\n- No open risks.");
  });

  it("user text cannot inject markdown structure", () => {
    const md = statusReportMarkdown(
      buildStatusReport(
        facts({
          scopeChanges: [
            {
              title: "# Evil\n## Heading",
              change: "added",
              reason: "[link](javascript:x) <b>",
              at: "2026-11-20T09:00:00.000Z",
            },
          ],
        }),
      ),
    );
    expect(md).toContain("- 20 Nov 2026 — \\# Evil \\#\\# Heading added: \\[link\\]\\(javascript:x\\) \\<b\\>");
    expect(md).not.toMatch(/^## Heading/m);
  });
});

describe("long periods", () => {
  it("lists the latest scope changes and counts the rest", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      title: `Item ${i}`,
      change: "added",
      reason: "Initial scope",
      at: `2026-11-${String(17 + (i % 5)).padStart(2, "0")}T09:00:00.000Z`,
    }));
    const lines = buildStatusReport(facts({ scopeChanges: many })).progress.scopeChanges;
    expect(lines).toHaveLength(13);
    expect(lines[0]).toEqual({ text: "18 earlier scope changes not listed (30 in this period)" });
    expect(lines.at(-1)!.text).toBe("Item 29 added: Initial scope");
  });
});

describe("escapeMarkdown", () => {
  it.each([
    ["plain", "plain"],
    ["*bold* _it_", "\\*bold\\* \\_it\\_"],
    ["a|b", "a\\|b"],
    ["line\nbreak", "line break"],
  ])("%s", (input, out) => expect(escapeMarkdown(input)).toBe(out));
});

describe("buildStatusReport on a six-step project", () => {
  const six = facts({
    project: { ...facts().project, currentGate: 4 },
    gates: [
      {
        number: 6,
        name: "Kickoff meeting",
        status: "go",
        plannedDate: "2026-10-01",
        decidedAt: "2026-10-02T10:00:00.000Z",
      },
      {
        number: 5,
        name: "“As-is” presentation",
        status: "go",
        plannedDate: "2026-11-18",
        decidedAt: "2026-11-18T10:00:00.000Z",
      },
      { number: 4, name: "Work plan", status: "in_review", plannedDate: "2026-12-01", decidedAt: null },
      { number: 3, name: "Homologation validation", status: "pending", plannedDate: "2027-01-15", decidedAt: null },
      { number: 2, name: "Production validation", status: "pending", plannedDate: "2027-02-15", decidedAt: null },
      { number: 1, name: "Go-live", status: "pending", plannedDate: "2027-03-01", decidedAt: null },
    ],
    gateDecisions: [
      {
        number: 5,
        name: "“As-is” presentation",
        decision: "go",
        rationale: "Flows shown.",
        decidedAt: "2026-11-18T10:00:00.000Z",
      },
    ],
    openConditions: [],
  });

  it("reports the six steps, the current one and the next decision", () => {
    const report = buildStatusReport(six);
    expect(report.gateStatus.gates.map((g) => g.number)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(report.gateStatus.current).toEqual({ text: "Gate 4 (Work plan): in review", date: "2026-12-01" });
    expect(report.progress.gatesDecided.map((d) => d.text)).toEqual([
      "Gate 5 (“As-is” presentation): go — Flows shown.",
    ]);
    expect(report.nextSteps).toContainEqual({ text: "Gate 4 (Work plan) decision by the board", date: "2026-12-01" });
    const markdown = statusReportMarkdown(report);
    expect(markdown).toContain("- Gate 1 Go-live: pending (1 Mar 2027)");
    expect(markdown).not.toMatch(/Gate 7/);
  });
});

describe("a report frozen in the project's language", () => {
  const many = Array.from({ length: 1_250 }, (_, i) => ({
    title: `Item ${i}`,
    change: "added",
    reason: "Alcance inicial",
    at: "2026-11-20T09:00:00.000Z",
  }));
  const baselines = [{ version: 3, totalDays: 1_234.5, approvedAt: "2026-11-19T12:00:00.000Z" }];

  it("in Spanish: sentences, headings, labels, dates and numbers", () => {
    const report = buildIn(facts({ scopeChanges: many, scopeBaselines: baselines }), ES);
    expect(report.language).toBe("es");
    expect(report.gateStatus.current?.text).toBe("Puerta 5 (Detailed plans): pendiente");
    expect(report.decisions.map((d) => d.text)).toContain("Línea base de alcance v3 aprobada (1234,5 días-persona)");
    expect(report.progress.scopeChanges[0].text).toBe(
      "1238 cambios de alcance anteriores no listados (1250 en este periodo)",
    );
    const md = markdownIn(report, ES);
    expect(md).toContain("# Informe de estado semanal — Nordlicht residential");
    expect(md).toContain("## Próximos pasos");
    expect(md).toContain("- 15 dic 2026 — Puerta 5 \\(Detailed plans\\): presentación para revisión");
    expect(md).toMatch(/## Interno del proveedor[\s\S]*24\.000,00\s€/);
    expect(md).not.toMatch(/Next steps|Gate status|person-days/);
  });

  it("health risks in the project's language, dates as its readers write them", () => {
    const slipping = {
      severity: "red" as const,
      code: "forecast_slip",
      params: { forecast: "2027-02-15", days: 46, target: "2026-12-31" },
      text: "Forecast go-live 2027-02-15 is 46 days after the target 2026-12-31",
    };
    const project = { ...facts().project, health: "red" as const };
    const withSlip = facts({ project: { ...project, healthReasons: [...project.healthReasons, slipping] } });
    const health = (language: typeof ES | typeof PL) =>
      buildIn(withSlip, language)
        .risks.filter((r) => r.source === "health")
        .map((r) => r.text);
    expect(health(ES)).toEqual([
      "1 artefacto con cambios solicitados",
      "La puesta en producción prevista (15 feb 2027) llega 46 días después del objetivo, 31 dic 2026",
    ]);
    expect(health(PL)).toEqual([
      "1 artefakt z żądaniem zmian",
      "Prognozowane uruchomienie produkcyjne (15 lut 2027) przypada 46 dni po docelowej dacie 31 gru 2026",
    ]);
    // A reason cached before reasons kept their values has only its English sentence.
    const old = { severity: "amber" as const, code: "", text: "2 artifacts with changes requested" };
    const fromOldCache = facts({ project: { ...facts().project, healthReasons: [old] } });
    expect(buildIn(fromOldCache, ES).risks[0].text).toBe("2 artifacts with changes requested");
  });

  it("in Polish, with the language's plural forms", () => {
    const twoMore = many.slice(0, 14);
    const report = buildIn(facts({ scopeChanges: twoMore }), PL);
    expect(report.progress.scopeChanges[0].text).toBe("Pominięto 2 wcześniejsze zmiany zakresu (14 w tym okresie)");
    const md = markdownIn(report, PL);
    expect(md).toContain("# Cotygodniowy raport statusu — Nordlicht residential");
    expect(md).toMatch(/Do zafakturowania: 24\s000,00\s€/);
  });

  it("a download in another language keeps the frozen sentences and translates only the frame", () => {
    const report = buildIn(facts(), ES);
    const md = markdownIn(report, EN);
    expect(md).toContain("## Next steps");
    expect(md).toContain("Current: Puerta 5 \\(Detailed plans\\): pendiente (planned 15 Dec 2026)");
  });

  it("a report frozen before languages reads as English", () => {
    const { language, ...old } = buildStatusReport(facts());
    void language;
    expect(markdownIn(old, ES)).toContain("Gate 5 \\(Detailed plans\\): pending");
  });
});
