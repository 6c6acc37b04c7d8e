import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditEvents, notifications, projects, sprints, statusReports } from "@/db/schema";
import { projectSchedule, portfolioTimeline } from "@/lib/data/schedule";
import {
  generateStatusReport,
  generateWeeklyReports,
  getStatusReport,
  listStatusReports,
  statusReportDownload,
} from "@/lib/data/status-reports";
import { updateProject } from "@/lib/data/projects";
import { AppError } from "@/lib/errors";
import { createTestDb, ctxFor, makeProject, makeWorld } from "@/lib/testing/fixtures";

const NOW = "2026-06-17T09:00:00.000Z";

async function refusal(run: () => unknown): Promise<AppError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("status reports in the project's language", () => {
  it("are frozen in the project's language; a later change of language never rewrites them", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    await db.update(projects).set({ language: "es", internalNotes: "Margen 22%" }).where(eq(projects.id, w.project.id));
    const made = await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, NOW);
    const stored = (await db.select().from(statusReports).where(eq(statusReports.id, made.id)))[0];
    expect(stored.markdown).toContain("# Informe de estado semanal — ");
    expect(stored.markdown).toContain("## Próximos pasos");

    const project = (await db.select().from(projects).where(eq(projects.id, w.project.id)))[0];
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
      language: "pl",
    });
    const audited = await db.select().from(auditEvents).where(eq(auditEvents.action, "project.update"));
    expect(audited.map((e) => [e.before, e.after])).toEqual([[{ language: "es" }, { language: "pl" }]]);

    const forPm = await getStatusReport(db, w.pm, w.project.id, made.id);
    expect(forPm.language).toBe("es");
    expect(forPm.markdown).toBe(stored.markdown);
    // A client's copy leaves the internals out but stays in the report's language.
    const forViewer = await getStatusReport(db, w.viewer, w.project.id, made.id);
    expect(forViewer.markdown).toContain("## Próximos pasos");
    expect(forViewer.markdown).not.toContain("Margen");

    // The download is framed in the reader's language; the frozen sentences stay Spanish.
    const inSpanish = await statusReportDownload(db, w.pm, w.project.id, made.id, "es");
    expect(inSpanish.markdown).toBe(stored.markdown);
    const inPolish = await statusReportDownload(db, w.viewer, w.project.id, made.id, "pl");
    expect(inPolish.markdown).toContain("## Kolejne kroki");
    expect(inPolish.markdown).toContain("Puesta en producción prevista");
    expect(inPolish.markdown).not.toContain("Margen");

    // The next week's report is frozen in the new language.
    const next = await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, "2026-06-24T09:00:00.000Z");
    expect((await getStatusReport(db, w.pm, w.project.id, next.id)).markdown).toContain("# Cotygodniowy raport");
  });
});

describe("status reports", () => {
  it("the PM generates a frozen weekly report, once per ISO week, audited", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    await db.update(projects).set({ internalNotes: "Margin 22%" }).where(eq(projects.id, w.project.id));
    const made = await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, NOW);
    expect(made.weekOf).toBe("2026-06-15");
    const again = await refusal(
      async () => await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, "2026-06-19T09:00:00.000Z"),
    );
    expect([again.status, again.reason]).toEqual([409, "report_exists"]);
    expect((await db.select().from(auditEvents).where(eq(auditEvents.objectId, made.id))).map((e) => e.action)).toEqual(
      ["status_report.generate"],
    );

    // Members hear about it (not the PM who generated it).
    const told = (await db.select().from(notifications).where(eq(notifications.kind, "status_report.generated"))).map(
      (n) => n.userId,
    );
    expect(told).toContain(w.viewer.id);
    expect(told).not.toContain(w.pm.id);

    const forPm = await getStatusReport(db, w.pm, w.project.id, made.id);
    expect(forPm.snapshot.internal?.notes).toBe("Margin 22%");
    expect(forPm.markdown).toContain("Margin 22%");

    // Frozen: later changes do not alter the stored report.
    await db.update(projects).set({ name: "Renamed" }).where(eq(projects.id, w.project.id));
    expect((await getStatusReport(db, w.pm, w.project.id, made.id)).snapshot.project.name).toBe(w.project.name);
  });

  it("client accounts and integrators read the report without vendor-internal fields", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    await db.update(projects).set({ internalNotes: "Margin 22%" }).where(eq(projects.id, w.project.id));
    const made = await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, NOW);
    for (const reader of [w.viewer, w.owner, w.integrator]) {
      const report = await getStatusReport(db, reader, w.project.id, made.id);
      expect(report.snapshot).not.toHaveProperty("internal");
      expect(report.markdown).not.toContain("Margin");
      expect(report.markdown).toContain("## Next steps");
      expect(report.canGenerate).toBe(false);
    }
    expect((await listStatusReports(db, w.viewer, w.project.id, { limit: 10 })).items.map((r) => r.id)).toEqual([
      made.id,
    ]);
  });

  it("another user cannot see or generate this project's reports", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const made = await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, NOW);
    for (const outsider of [w.otherViewer, w.outsiderStaff]) {
      expect((await refusal(async () => await getStatusReport(db, outsider, w.project.id, made.id))).status).toBe(404);
      expect(
        (await refusal(async () => await listStatusReports(db, outsider, w.project.id, { limit: 10 }))).status,
      ).toBe(404);
      expect(
        (await refusal(async () => await generateStatusReport(db, ctxFor(outsider), { projectId: w.project.id }, NOW)))
          .status,
      ).toBe(404);
    }
    // Members without report.generate are refused with 403.
    for (const member of [w.viewer, w.engineer]) {
      expect(
        (
          await refusal(
            async () =>
              await generateStatusReport(db, ctxFor(member), { projectId: w.project.id }, "2026-06-24T09:00:00.000Z"),
          )
        ).status,
      ).toBe(403);
    }
    // A report id of another project is not found through this project.
    const other = await makeProject(db, w.pm, w.org.id);
    expect((await refusal(async () => await getStatusReport(db, w.pm, other.id, made.id))).status).toBe(404);
  });

  it("the weekly job makes one report per active project and skips what exists", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const onHold = await makeProject(db, w.pm, w.org.id);
    await db.update(projects).set({ status: "on_hold" }).where(eq(projects.id, onHold.id));
    await generateStatusReport(db, ctxFor(w.pm), { projectId: w.project.id }, NOW);
    const second = await makeProject(db, w.pm, w.org.id);
    expect(await generateWeeklyReports(db, NOW)).toEqual({ week: "2026-W25", generated: 1, skipped: 1 });
    expect(await generateWeeklyReports(db, NOW)).toEqual({ week: "2026-W25", generated: 0, skipped: 2 });
    expect(await db.select().from(statusReports).where(eq(statusReports.projectId, second.id))).toHaveLength(1);
    expect(await db.select().from(statusReports).where(eq(statusReports.projectId, onHold.id))).toHaveLength(0);
    // The next report covers the period since the previous one.
    await db.insert(sprints).values({
      projectId: second.id,
      number: 1,
      goal: "Tariffs",
      startDate: "2026-06-08",
      endDate: "2026-06-19",
      status: "accepted",
      decidedAt: "2026-06-20T10:00:00.000Z",
    });
    await generateWeeklyReports(db, "2026-06-24T09:00:00.000Z");
    const latest = (await listStatusReports(db, w.pm, second.id, { limit: 1 })).items[0];
    const report = await getStatusReport(db, w.pm, second.id, latest.id);
    expect(report.snapshot.period.from).toBe(NOW);
    expect(report.snapshot.progress.sprintsAccepted.map((l) => l.text)).toEqual(["Sprint 1 accepted: Tariffs"]);
  });

  it("the weekly job started at once on several instances makes each project's report once", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const others = await Promise.all([makeProject(db, w.pm, w.org.id), makeProject(db, w.pm, w.org.id)]);
    const runs = await Promise.all([
      generateWeeklyReports(db, NOW),
      generateWeeklyReports(db, NOW),
      generateWeeklyReports(db, NOW),
    ]);
    expect(runs.reduce((sum, run) => sum + run.generated, 0)).toBe(3);
    for (const project of [w.project, ...others]) {
      expect(await db.select().from(statusReports).where(eq(statusReports.projectId, project.id))).toHaveLength(1);
    }
  });
});

describe("schedule reads", () => {
  it("builds the project's schedule and a portfolio timeline of visible projects only", async () => {
    const db = await createTestDb();
    const w = await makeWorld(db);
    const hidden = await makeProject(db, w.outsiderStaff, w.otherOrg.id);
    await db.insert(sprints).values({
      projectId: w.project.id,
      number: 1,
      goal: "Tariffs",
      startDate: "2026-06-08",
      endDate: "2026-06-19",
      status: "active",
    });
    const schedule = await projectSchedule(db, w.viewer, w.project.id, "2026-06-15");
    expect(schedule.items.map((i) => i.kind)).toEqual(["Go-live", "Sprint"]);
    await expect(projectSchedule(db, w.viewer, hidden.id)).rejects.toThrow(AppError);
    const timeline = await portfolioTimeline(db, w.viewer, { from: "2026-06-01" });
    expect(timeline.entries.map((e) => [e.projectId, e.kind])).toEqual([[w.project.id, "go_live"]]);
  });
});
