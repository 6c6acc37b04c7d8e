// Guardian training over HTTP (modules, materials, sessions, attendance, the calendar): each
// answer held to its declared schema and to the document.
import { beforeEach, describe, expect, it } from "vitest";
import * as materialFileRoute from "@/app/api/v1/projects/[projectId]/training-materials/[materialId]/file/route";
import * as materialsRoute from "@/app/api/v1/projects/[projectId]/training-modules/[moduleId]/materials/route";
import * as modulesRoute from "@/app/api/v1/projects/[projectId]/training-modules/route";
import * as calendarRoute from "@/app/api/v1/projects/[projectId]/training-sessions.ics/route";
import * as attendanceRoute from "@/app/api/v1/projects/[projectId]/training-sessions/[sessionId]/attendance/route";
import * as sessionRoute from "@/app/api/v1/projects/[projectId]/training-sessions/[sessionId]/route";
import * as sessionsRoute from "@/app/api/v1/projects/[projectId]/training-sessions/route";
import type { Db } from "@/db/client";
import {
  addTrainingMaterialOp,
  cancelTrainingSessionOp,
  createTrainingModuleOp,
  downloadTrainingMaterialOp,
  enrolAttendeesOp,
  getTrainingSessionOp,
  listTrainingModulesOp,
  listTrainingSessionsOp,
  recordAttendanceOp,
  scheduleTrainingSessionOp,
  trainingCalendarOp,
} from "@/lib/contract/training";
import { nominateGuardian } from "@/lib/data/guardians";
import { apiClient } from "@/lib/testing/api";
import { createTestDb, ctxFor } from "@/lib/testing/fixtures";
import { makeReadinessWorld } from "@/lib/testing/readiness-fixtures";

let db: Db;
let w: Awaited<ReturnType<typeof makeReadinessWorld>>;
let api: ReturnType<typeof apiClient>;
let projectId: string;

type Page<T> = { items: T[]; nextCursor: string | null };

beforeEach(async () => {
  db = await createTestDb();
  w = await makeReadinessWorld(db);
  api = apiClient(db);
  projectId = w.project.id;
});

const session = (startsAt: string) => ({
  moduleId: w.usage.id,
  startsAt,
  durationMinutes: 90,
  mode: "on_site",
  siteId: w.site.id,
  trainerId: w.pm.id,
});

describe("training over HTTP", () => {
  it("adds modules and materials, lists modules page by page and downloads a file", async () => {
    const created = await api.call(modulesRoute.POST, createTrainingModuleOp, {
      as: w.pm,
      params: { projectId },
      body: { kind: "configuration", name: "Tariffs", required: false, passMark: 60 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Tariffs", required: false, passMark: 60 });
    const link = await api.call(materialsRoute.POST, addTrainingMaterialOp, {
      as: w.pm,
      params: { projectId, moduleId: w.usage.id },
      body: { title: "Handbook", url: "https://docs.example.com/handbook" },
    });
    expect(link.body).toMatchObject({ kind: "link", title: "Handbook" });
    const upload = new FormData();
    upload.set("file", new File(["Slides"], "slides.txt", { type: "text/plain" }));
    const file = await api.call(materialsRoute.POST, addTrainingMaterialOp, {
      as: w.pm,
      params: { projectId, moduleId: w.usage.id },
      body: upload,
    });
    expect(file.status).toBe(201);
    const materialId = (file.body as { id: string }).id;
    expect(file.body).toMatchObject({ kind: "file", title: "slides.txt" });
    const download = await api.call(materialFileRoute.GET, downloadTrainingMaterialOp, {
      as: w.guardian,
      params: { projectId, materialId },
    });
    expect([download.status, download.body]).toEqual([200, "Slides"]);

    const first = await api.call(modulesRoute.GET, listTrainingModulesOp, {
      as: w.guardian,
      params: { projectId },
      query: { limit: 2 },
    });
    const page1 = first.body as Page<{ name: string; materials: unknown[] }>;
    expect(page1.items.map((m) => [m.name, m.materials.length])).toEqual([
      ["Usage", 2],
      ["Administration", 0],
    ]);
    const second = await api.call(modulesRoute.GET, listTrainingModulesOp, {
      as: w.guardian,
      params: { projectId },
      query: { limit: 2, cursor: page1.nextCursor! },
    });
    expect(second.body).toMatchObject({ items: [{ name: "Tariffs" }], nextCursor: null });
  });

  it(
    "schedules sessions, lists them page by page, enrols, " + "records attendance, cancels and serves the calendar",
    async () => {
      const guardian = await nominateGuardian(db, ctxFor(w.pm), {
        projectId,
        userId: w.guardian.id,
        siteId: w.site.id,
      });
      const ids: string[] = [];
      for (const startsAt of ["2026-05-01T09:00:00Z", "2026-05-02T09:00:00Z", "2026-05-03T09:00:00Z"]) {
        const scheduled = await api.call(sessionsRoute.POST, scheduleTrainingSessionOp, {
          as: w.pm,
          params: { projectId },
          body: session(startsAt),
        });
        expect(scheduled.status).toBe(201);
        ids.push((scheduled.body as { id: string }).id);
      }
      const first = await api.call(sessionsRoute.GET, listTrainingSessionsOp, {
        as: w.viewer,
        params: { projectId },
        query: { limit: 2 },
      });
      const page1 = first.body as Page<{ id: string }>;
      const second = await api.call(sessionsRoute.GET, listTrainingSessionsOp, {
        as: w.viewer,
        params: { projectId },
        query: { limit: 2, cursor: page1.nextCursor! },
      });
      const page2 = second.body as Page<{ id: string }>;
      expect([...page1.items, ...page2.items].map((s) => s.id)).toEqual(ids);
      expect(page2.nextCursor).toBeNull();

      const sessionId = ids[0];
      const enrolled = await api.call(attendanceRoute.POST, enrolAttendeesOp, {
        as: w.pm,
        params: { projectId, sessionId },
        body: { guardianIds: [guardian.id] },
      });
      expect(enrolled.body).toMatchObject({ attendees: [{ guardianId: guardian.id, attended: null, score: null }] });
      const recorded = await api.call(attendanceRoute.PUT, recordAttendanceOp, {
        as: w.pm,
        params: { projectId, sessionId },
        body: { records: [{ guardianId: guardian.id, attended: true, score: 85 }] },
      });
      expect(recorded.body).toMatchObject({ attendees: [{ attended: true, score: 85 }] });
      const read = await api.call(sessionRoute.GET, getTrainingSessionOp, {
        as: w.guardian,
        params: { projectId, sessionId },
      });
      expect(read.body).toMatchObject({ id: sessionId, moduleName: "Usage", siteName: "Hamburg HQ" });
      const cancelled = await api.call(sessionRoute.DELETE, cancelTrainingSessionOp, {
        as: w.pm,
        params: { projectId, sessionId: ids[2] },
      });
      expect(cancelled.status).toBe(204);
      const refused = await api.call(sessionRoute.DELETE, cancelTrainingSessionOp, {
        as: w.pm,
        params: { projectId, sessionId },
      });
      expect(refused.status).toBe(409);

      const calendar = await api.call(calendarRoute.GET, trainingCalendarOp, { as: w.guardian, params: { projectId } });
      expect(calendar.status).toBe(200);
      expect(calendar.response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
      expect(String(calendar.body)).toContain("BEGIN:VCALENDAR");
      expect(String(calendar.body)).toContain("SUMMARY:Training: ");
      // The reader's language: a Spanish browser gets Spanish summaries and descriptions.
      const spanish = String(
        (
          await api.call(calendarRoute.GET, trainingCalendarOp, {
            as: w.guardian,
            params: { projectId },
            headers: { "accept-language": "es-ES,es;q=0.9" },
          })
        ).body,
      );
      expect(spanish).toMatch(/^X-WR-CALNAME:.*: formación\r$/m);
      expect(spanish).toContain("SUMMARY:Formación: ");
      expect(spanish).toMatch(/DESCRIPTION:Formador: /);
      expect(spanish).not.toContain("SUMMARY:Training");
    },
  );

  it("names each invalid field", async () => {
    const remote = await api.call(sessionsRoute.POST, scheduleTrainingSessionOp, {
      as: w.pm,
      params: { projectId },
      body: { ...session("2026-05-01T09:00:00Z"), mode: "remote", durationMinutes: 5 },
    });
    expect(remote.status).toBe(422);
    expect(remote.body).toMatchObject({
      errors: { meetingUrl: expect.any(Array), durationMinutes: expect.any(Array) },
    });
    const badModule = await api.call(modulesRoute.POST, createTrainingModuleOp, {
      as: w.pm,
      params: { projectId },
      body: { kind: "usage", name: "", passMark: 101 },
    });
    expect(badModule.body).toMatchObject({ errors: { name: expect.any(Array), passMark: expect.any(Array) } });
    const empty = new FormData();
    empty.set("title", "No file");
    const upload = await api.call(materialsRoute.POST, addTrainingMaterialOp, {
      as: w.pm,
      params: { projectId, moduleId: w.usage.id },
      body: empty,
    });
    expect(upload.body).toMatchObject({ errors: { file: expect.any(Array) } });
    for (const [handler, op] of [
      [modulesRoute.GET, listTrainingModulesOp],
      [sessionsRoute.GET, listTrainingSessionsOp],
    ] as const) {
      const bad = await api.call(handler, op, { as: w.pm, params: { projectId }, query: { cursor: "x" } });
      expect(bad.body).toMatchObject({ errors: { cursor: expect.any(Array) } });
    }
  });

  it("another account cannot see or change the training", async () => {
    const scheduled = await api.call(sessionsRoute.POST, scheduleTrainingSessionOp, {
      as: w.pm,
      params: { projectId },
      body: session("2026-05-01T09:00:00Z"),
    });
    const sessionId = (scheduled.body as { id: string }).id;
    for (const stranger of [w.otherViewer, w.outsiderStaff]) {
      for (const [handler, op] of [
        [modulesRoute.GET, listTrainingModulesOp],
        [sessionsRoute.GET, listTrainingSessionsOp],
        [calendarRoute.GET, trainingCalendarOp],
      ] as const) {
        expect((await api.call(handler, op, { as: stranger, params: { projectId } })).status).toBe(404);
      }
      const one = await api.call(sessionRoute.GET, getTrainingSessionOp, {
        as: stranger,
        params: { projectId, sessionId },
      });
      expect(one.status).toBe(404);
    }
    const byViewer = await api.call(sessionRoute.DELETE, cancelTrainingSessionOp, {
      as: w.viewer,
      params: { projectId, sessionId },
    });
    expect(byViewer.status).toBe(403);
    const moduleByGuardian = await api.call(modulesRoute.POST, createTrainingModuleOp, {
      as: w.guardian,
      params: { projectId },
      body: { kind: "usage", name: "Mine", passMark: 50 },
    });
    expect(moduleByGuardian.status).toBe(403);
    expect(
      (await api.call(sessionRoute.GET, getTrainingSessionOp, { as: w.pm, params: { projectId, sessionId } })).status,
    ).toBe(200);
  });
});
