// The schedule and the weekly status reports over HTTP: each answer held to its declared schema
// and to the document.
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as scheduleRoute from "@/app/api/v1/projects/[projectId]/schedule/route";
import * as markdownRoute from "@/app/api/v1/projects/[projectId]/status-reports/[reportId]/markdown/route";
import * as reportRoute from "@/app/api/v1/projects/[projectId]/status-reports/[reportId]/route";
import * as reportsRoute from "@/app/api/v1/projects/[projectId]/status-reports/route";
import { gates, projects } from "@/db/schema";
import {
  generateStatusReportOp,
  getScheduleOp,
  getStatusReportMarkdownOp,
  getStatusReportOp,
  listStatusReportsOp,
} from "@/lib/contract/status-reports";
import { generateStatusReport } from "@/lib/data/status-reports";
import { type ApiWorld, apiWorld } from "@/lib/testing/api-world";
import { ctxFor } from "@/lib/testing/fixtures";

type Page = { items: { id: string; weekOf: string }[]; nextCursor: string | null };

let { db, world, api } = {} as ApiWorld;

beforeEach(async () => {
  ({ db, world, api } = await apiWorld());
  await db.update(projects).set({ internalNotes: "Margin 22%" }).where(eq(projects.id, world.project.id));
});

describe("reports over HTTP", () => {
  it("draws the macro schedule", async () => {
    const gate7 = and(eq(gates.projectId, world.project.id), eq(gates.number, 7));
    await db.update(gates).set({ plannedDate: "2026-02-01" }).where(gate7);
    const answer = await api.call(scheduleRoute.GET, getScheduleOp, {
      as: world.viewer,
      params: { projectId: world.project.id },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      mermaid: expect.stringContaining("gantt"),
      items: expect.arrayContaining([expect.objectContaining({ kind: "Gate", start: "2026-02-01" })]),
    });
  });

  it("generates this week's report, lists the reports page by page, reads one and downloads it", async () => {
    const projectId = world.project.id;
    for (const week of ["2026-01-07T09:00:00.000Z", "2026-01-14T09:00:00.000Z"]) {
      await generateStatusReport(db, ctxFor(world.pm), { projectId }, week);
    }
    const made = await api.call(reportsRoute.POST, generateStatusReportOp, { as: world.pm, params: { projectId } });
    expect(made.status).toBe(201);
    const report = made.body as { id: string; snapshot: { internal?: { notes: string } } };
    expect(made.response.headers.get("location")).toBe(`/api/v1/projects/${projectId}/status-reports/${report.id}`);
    expect(report.snapshot.internal?.notes).toBe("Margin 22%");
    const again = await api.call(reportsRoute.POST, generateStatusReportOp, { as: world.pm, params: { projectId } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: "report_exists" });

    const first = await api.call(reportsRoute.GET, listStatusReportsOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as Page;
    expect(page1.items.map((r) => r.id)[0]).toBe(report.id);
    expect(page1.items[1].weekOf).toBe("2026-01-12");
    const second = await api.call(reportsRoute.GET, listStatusReportsOp, {
      as: world.viewer,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    expect(second.body).toMatchObject({ items: [{ weekOf: "2026-01-05" }], nextCursor: null });

    const forClient = await api.call(reportRoute.GET, getStatusReportOp, {
      as: world.viewer,
      params: { projectId, reportId: report.id },
    });
    expect(forClient.status).toBe(200);
    expect((forClient.body as { snapshot: object }).snapshot).not.toHaveProperty("internal");
    expect(forClient.body).toMatchObject({ canGenerate: false });

    const file = await api.call(markdownRoute.GET, getStatusReportMarkdownOp, {
      as: world.viewer,
      params: { projectId, reportId: report.id },
    });
    expect(file.status).toBe(200);
    expect(file.response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(file.response.headers.get("content-disposition")).toMatch(/^attachment; filename="status-report-.*\.md"$/);
    expect(file.body).toContain("## Next steps");
    expect(file.body).not.toContain("Margin");
  });

  it("refuses a body with fields, and an invalid cursor", async () => {
    const projectId = world.project.id;
    const refused = await api.call(reportsRoute.POST, generateStatusReportOp, {
      as: world.pm,
      params: { projectId },
      body: { week: "2026-W01" },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: "invalid_input" });
    const badCursor = await api.call(reportsRoute.GET, listStatusReportsOp, {
      as: world.pm,
      params: { projectId },
      query: { cursor: "2026-01-14T09:00:00.000Z" },
    });
    expect(badCursor.status).toBe(422);
    expect(badCursor.body).toMatchObject({ code: "invalid_cursor", errors: { cursor: expect.any(Array) } });
    const badLimit = await api.call(reportsRoute.GET, listStatusReportsOp, {
      as: world.pm,
      params: { projectId },
      query: { limit: 500 },
    });
    expect(badLimit.body).toMatchObject({ errors: { limit: ["Must be a whole number from 1 to 200."] } });
    const list = await api.call(reportsRoute.GET, listStatusReportsOp, { as: world.pm, params: { projectId } });
    expect(list.body).toEqual({ items: [], nextCursor: null });
  });

  it("another account cannot see or generate the project's reports", async () => {
    const projectId = world.project.id;
    const made = await generateStatusReport(db, ctxFor(world.pm), { projectId }, "2026-01-07T09:00:00.000Z");
    const reportParams = { projectId, reportId: made.id };
    for (const stranger of [world.otherViewer, world.outsiderStaff]) {
      const as = stranger;
      expect((await api.call(scheduleRoute.GET, getScheduleOp, { as, params: { projectId } })).status).toBe(404);
      expect((await api.call(reportsRoute.GET, listStatusReportsOp, { as, params: { projectId } })).status).toBe(404);
      expect((await api.call(reportRoute.GET, getStatusReportOp, { as, params: reportParams })).status).toBe(404);
      const file = await api.call(markdownRoute.GET, getStatusReportMarkdownOp, { as, params: reportParams });
      expect(file.status).toBe(404);
    }
    const byViewer = await api.call(reportsRoute.POST, generateStatusReportOp, {
      as: world.viewer,
      params: { projectId },
    });
    expect(byViewer.status).toBe(403);
    const list = await api.call(reportsRoute.GET, listStatusReportsOp, { as: world.pm, params: { projectId } });
    expect(list.body).toMatchObject({ items: [{ id: made.id }], nextCursor: null });
  });
});
