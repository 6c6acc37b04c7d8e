// The cached health reasons keep their code and values, so every page (not only the dashboard)
// says them in its reader's words, and a report says them in its project's language; the API
// keeps answering the English sentences. Runs on SQLite and on PostgreSQL (vitest.pg.config.ts).
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { type Db, first } from "@/db/client";
import { gates, projects, statusReports } from "@/db/schema";
import { refreshProjectHealth, todayUtc } from "@/lib/data/health";
import { getProject, listProjects, updateProject } from "@/lib/data/projects";
import { generateStatusReport } from "@/lib/data/status-reports";
import { daysBetween } from "@/lib/domain/health";
import type { StatusReportSnapshot } from "@/lib/domain/status-report";
import { healthReasonWords } from "@/lib/health-words";
import { formatFor } from "@/lib/i18n/format";
import { createTestDb, ctxFor, makeWorld } from "@/lib/testing/fixtures";

const LATE = "2026-06-01";

async function projectRow(db: Db, id: string) {
  return (await first(db.select().from(projects).where(eq(projects.id, id))))!;
}

async function currentGate(db: Db, projectId: string) {
  const project = await projectRow(db, projectId);
  return (await first(
    db
      .select()
      .from(gates)
      .where(and(eq(gates.projectId, projectId), eq(gates.number, project.currentGate))),
  ))!;
}

describe("cached health reasons", () => {
  let db: Db;
  let w: Awaited<ReturnType<typeof makeWorld>>;
  beforeEach(async () => {
    db = await createTestDb();
    w = await makeWorld(db);
  });

  /** Puts the project on hold through the ordinary edit, its current gate already late. */
  async function holdLateProject() {
    const gate = await currentGate(db, w.project.id);
    await db.update(gates).set({ plannedDate: LATE }).where(eq(gates.id, gate.id));
    const project = await projectRow(db, w.project.id);
    await updateProject(db, ctxFor(w.pm), {
      projectId: project.id,
      expectedVersion: project.version,
      name: project.name,
      description: project.description,
      modules: project.modules,
      sowReference: project.sowReference,
      startDate: project.startDate,
      targetGoLiveDate: project.targetGoLiveDate,
      sizeClass: project.sizeClass,
      internalNotes: project.internalNotes,
      status: "on_hold",
    });
    return gate;
  }

  it("a change caches each reason with its code, severity, values and English sentence", async () => {
    const gate = await holdLateProject();
    const days = daysBetween(LATE, todayUtc());
    const stored = await projectRow(db, w.project.id);
    expect(stored.health).toBe("red");
    expect(stored.healthReasons).toEqual([
      {
        severity: "red",
        code: "gate_overdue",
        params: { number: gate.number, name: gate.name, days, date: LATE },
        text: `Gate ${gate.number} (${gate.name}) is ${days} days past its planned date ${LATE}`,
      },
      { severity: "amber", code: "on_hold", params: {}, text: "Project is on hold" },
    ]);
  });

  it("the projects list and the overview say them in Polish; the API's data stays English", async () => {
    const gate = await holdLateProject();
    const days = daysBetween(LATE, todayUtc());
    const polish = await healthReasonWords(formatFor("pl", "Europe/Warsaw"));

    const listed = await listProjects(db, w.viewer, { limit: 10 }, polish);
    expect(listed.items.map((p) => p.healthReasons)).toEqual([
      [
        `Bramka ${gate.number} (${gate.name}) jest opóźniona o ${days} dni względem planowanej daty 1 cze 2026`,
        "Projekt jest wstrzymany",
      ],
    ]);
    const overview = await getProject(db, w.viewer, w.project.id, polish);
    expect(overview.project.healthReasons).toEqual(listed.items[0].healthReasons);

    // What the API answers (no reader's words given): the rule's English sentences, as before.
    const english = [
      `Gate ${gate.number} (${gate.name}) is ${days} days past its planned date ${LATE}`,
      "Project is on hold",
    ];
    expect((await listProjects(db, w.viewer, { limit: 10 })).items[0].healthReasons).toEqual(english);
    expect((await getProject(db, w.viewer, w.project.id)).project.healthReasons).toEqual(english);
  });

  it("reasons cached as plain sentences still read, in English, until the next refresh rewrites them", async () => {
    await db
      .update(projects)
      .set({ health: "amber", healthReasons: ["Project is on hold"], status: "on_hold" })
      .where(eq(projects.id, w.project.id));
    const polish = await healthReasonWords(formatFor("pl", "UTC"));
    expect((await getProject(db, w.pm, w.project.id, polish)).project.healthReasons).toEqual(["Project is on hold"]);

    await refreshProjectHealth(db, w.project.id, "2026-06-15");
    expect((await projectRow(db, w.project.id)).healthReasons).toEqual([
      { severity: "amber", code: "on_hold", params: {}, text: "Project is on hold" },
    ]);
    expect((await getProject(db, w.pm, w.project.id, polish)).project.healthReasons).toEqual([
      "Projekt jest wstrzymany",
    ]);
  });

  it("a Spanish project's weekly report freezes its health risks in Spanish", async () => {
    const gate = await currentGate(db, w.project.id);
    await db.update(gates).set({ plannedDate: LATE }).where(eq(gates.id, gate.id));
    await db.update(projects).set({ language: "es" }).where(eq(projects.id, w.project.id));
    const made = await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, "2026-06-17T09:00:00.000Z");
    const stored = (await first(db.select().from(statusReports).where(eq(statusReports.id, made.id))))!;
    const snapshot = stored.snapshot as unknown as StatusReportSnapshot;
    const risk =
      `La puerta ${gate.number} (${gate.name}) lleva 16 días de retraso ` + "sobre su fecha prevista, 1 jun 2026";
    expect(snapshot.risks.filter((r) => r.source === "health")).toEqual([
      { text: risk, severity: "high", source: "health" },
    ]);
    expect(stored.markdown).toContain(`La puerta ${gate.number} \\(${gate.name}\\) lleva 16 días de retraso`);
    expect(stored.markdown).not.toContain("past its planned date");
  });
});
