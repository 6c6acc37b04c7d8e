import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, asc, desc, eq, gt } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Db, first } from "@/db/client";
import { auditEvents, guardians, trainingAttendance } from "@/db/schema";
import { nominateGuardian } from "@/lib/data/guardians";
import { enrolAttendees, recordAttendance } from "@/lib/data/training-attendance";
import { trainingCalendarIcs } from "@/lib/data/training-calendar";
import {
  addMaterialFile,
  addMaterialLink,
  listModulesWithMaterials,
  readMaterialFile,
} from "@/lib/data/training-modules";
import { cancelSession, getSession, listSessions, scheduleSession } from "@/lib/data/training-sessions";
import { createTestDb, ctxFor } from "@/lib/testing/fixtures";
import { makeReadinessWorld } from "@/lib/testing/readiness-fixtures";

let db: Db;
let w: Awaited<ReturnType<typeof makeReadinessWorld>>;
let guardianId: string;

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function session(startsAt: string, attendeeIds: string[] = [guardianId]) {
  return await scheduleSession(db, ctxFor(w.pm), {
    projectId: w.project.id,
    moduleId: w.usage.id,
    startsAt,
    durationMinutes: 90,
    mode: "remote",
    siteId: null,
    meetingUrl: "https://meet.example/abc",
    trainerId: w.engineer.id,
    notes: "Bring questions; and laptops",
    attendeeIds,
  });
}

beforeAll(() => {
  process.env.LIGHTGATE_DATA_DIR = mkdtempSync(path.join(tmpdir(), "lightgate-training-"));
});

beforeEach(async () => {
  db = await createTestDb();
  w = await makeReadinessWorld(db);
  guardianId = (
    await nominateGuardian(db, ctxFor(w.pm), { projectId: w.project.id, userId: w.guardian.id, siteId: w.site.id })
  ).id;
});

describe("sessions", () => {
  it("scheduling enrols attendees and moves them into training", async () => {
    const s = await session(inHours(48));
    expect((await getSession(db, w.guardian, w.project.id, s.id)).attendees.map((a) => a.guardianId)).toEqual([
      guardianId,
    ]);
    expect((await first(db.select().from(guardians).where(eq(guardians.id, guardianId))))!.status).toBe("in_training");
  });

  it("audits the session first, then the guardian status change it caused, on the session's project", async () => {
    const head = (await first(
      db.select({ seq: auditEvents.seq }).from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1),
    ))!.seq;
    const s = await session(inHours(48));
    const events = await db
      .select({
        action: auditEvents.action,
        objectType: auditEvents.objectType,
        objectId: auditEvents.objectId,
        projectId: auditEvents.projectId,
        actorId: auditEvents.actorId,
      })
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, head), eq(auditEvents.projectId, w.project.id)))
      .orderBy(asc(auditEvents.seq));
    expect(events.map((e) => [e.objectType, e.objectId])).toEqual([
      ["training_session", s.id],
      ["guardian", guardianId],
    ]);
    expect(events[0]!.action).toBe("training.session.schedule");
    expect(events.every((e) => e.projectId === w.project.id && e.actorId === w.pm.id)).toBe(true);
  });

  it("the trainer must be a vendor member of the project", async () => {
    await expect(
      scheduleSession(db, ctxFor(w.pm), {
        projectId: w.project.id,
        moduleId: w.usage.id,
        startsAt: inHours(2),
        durationMinutes: 60,
        mode: "on_site",
        siteId: w.site.id,
        trainerId: w.owner.id,
        notes: "",
        attendeeIds: [],
      }),
    ).rejects.toThrow(
      expect.objectContaining({ code: "invalid_input", details: { fieldErrors: { trainerId: expect.any(Array) } } }),
    );
    expect(await listSessions(db, w.pm, w.project.id)).toHaveLength(0);
  });

  it("refuses attendance before the session started, and scores of absentees", async () => {
    const future = await session(inHours(24));
    await expect(
      recordAttendance(db, ctxFor(w.pm), {
        projectId: w.project.id,
        sessionId: future.id,
        records: [{ guardianId, attended: true, score: 90 }],
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "rule_refused", reason: "session_not_started" }));
    const past = await session(inHours(-2));
    await expect(
      recordAttendance(db, ctxFor(w.pm), {
        projectId: w.project.id,
        sessionId: past.id,
        records: [{ guardianId, attended: false, score: 90 }],
      }),
    ).rejects.toThrow(expect.objectContaining({ reason: "score_without_attendance" }));
    expect((await db.select().from(trainingAttendance)).every((a) => a.score === null)).toBe(true);
  });

  it("refuses attendance of a guardian not enrolled in the session", async () => {
    const past = await session(inHours(-2), []);
    await expect(
      recordAttendance(db, ctxFor(w.pm), {
        projectId: w.project.id,
        sessionId: past.id,
        records: [{ guardianId, attended: true, score: 90 }],
      }),
    ).rejects.toThrow(expect.objectContaining({ reason: "not_enrolled" }));
    await enrolAttendees(db, ctxFor(w.engineer), {
      projectId: w.project.id,
      sessionId: past.id,
      guardianIds: [guardianId],
    });
    expect(
      await recordAttendance(db, ctxFor(w.engineer), {
        projectId: w.project.id,
        sessionId: past.id,
        records: [{ guardianId, attended: true, score: 90 }],
      }),
    ).toEqual({ changed: 1 });
  });

  it("exports the calendar as iCalendar", async () => {
    const s = await session("2026-12-01T08:30:00.000Z");
    const ics = await trainingCalendarIcs(db, w.guardian, w.project.id, "lightgate.test");
    expect(ics).toContain(`UID:training-${s.id}@lightgate.test\r\n`);
    expect(ics).toContain("DTSTART:20261201T083000Z\r\nDTEND:20261201T100000Z\r\n");
    expect(ics).toContain("SUMMARY:Training: Usage\r\n");
  });
});

describe("cancelling", () => {
  it("cancels a session without recorded attendance; the guardian goes back to nominated", async () => {
    const s = await session(inHours(24));
    expect((await first(db.select().from(guardians).where(eq(guardians.id, guardianId))))!.status).toBe("in_training");
    await cancelSession(db, ctxFor(w.pm), { projectId: w.project.id, sessionId: s.id });
    expect(await listSessions(db, w.pm, w.project.id)).toHaveLength(0);
    expect((await first(db.select().from(guardians).where(eq(guardians.id, guardianId))))!.status).toBe("nominated");
  });

  it("refuses once attendance was recorded, and a client cannot cancel", async () => {
    const s = await session(inHours(-2));
    await expect(cancelSession(db, ctxFor(w.owner), { projectId: w.project.id, sessionId: s.id })).rejects.toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    await recordAttendance(db, ctxFor(w.pm), {
      projectId: w.project.id,
      sessionId: s.id,
      records: [{ guardianId, attended: false, score: null }],
    });
    await expect(cancelSession(db, ctxFor(w.pm), { projectId: w.project.id, sessionId: s.id })).rejects.toThrow(
      expect.objectContaining({ code: "rule_refused", reason: "session_has_attendance" }),
    );
    expect(await listSessions(db, w.pm, w.project.id)).toHaveLength(1);
  });
});

describe("materials", () => {
  it("adds a link material to a module", async () => {
    await addMaterialLink(db, ctxFor(w.engineer), {
      projectId: w.project.id,
      moduleId: w.usage.id,
      title: "Handbook",
      url: "https://docs.example/usage",
    });
    const modules = await listModulesWithMaterials(db, w.guardian, w.project.id);
    expect(modules.find((m) => m.id === w.usage.id)!.materials.map((m) => m.title)).toEqual(["Handbook"]);
  });
});

describe("file materials", () => {
  const pdf = Buffer.from("%PDF-1.4\n% training handbook\n");
  const uploads = () => readdirSync(path.join(process.env.LIGHTGATE_DATA_DIR!, "uploads"));

  it("stores a checked file under a generated name and reads it back; the listing hides the stored name", async () => {
    const material = await addMaterialFile(db, ctxFor(w.pm), {
      projectId: w.project.id,
      moduleId: w.usage.id,
      title: "",
      fileName: "../../Handbook.pdf",
      bytes: pdf,
    });
    expect(material).toMatchObject({
      kind: "file",
      title: "Handbook.pdf",
      fileName: "Handbook.pdf",
      mediaType: "application/pdf",
      size: pdf.length,
    });
    expect(material.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(material.storedName).not.toContain("Handbook");
    const read = await readMaterialFile(db, w.guardian, w.project.id, material.id);
    expect(read.bytes.equals(pdf)).toBe(true);
    const listed = (await listModulesWithMaterials(db, w.guardian, w.project.id)).find((m) => m.id === w.usage.id)!
      .materials[0];
    expect(listed).not.toHaveProperty("storedName");
  });

  it("refuses a disallowed type or a fake PDF and keeps nothing on disk", async () => {
    const before = uploads().length;
    await expect(
      addMaterialFile(db, ctxFor(w.pm), {
        projectId: w.project.id,
        moduleId: w.usage.id,
        title: "x",
        fileName: "run.html",
        bytes: Buffer.from("<script>"),
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
    await expect(
      addMaterialFile(db, ctxFor(w.pm), {
        projectId: w.project.id,
        moduleId: w.usage.id,
        title: "x",
        fileName: "fake.pdf",
        bytes: Buffer.from("MZ..."),
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "unsupported_media_type" }));
    expect(uploads().length).toBe(before);
  });

  it("another organisation's client cannot download it; a client member cannot upload", async () => {
    const material = await addMaterialFile(db, ctxFor(w.pm), {
      projectId: w.project.id,
      moduleId: w.usage.id,
      title: "",
      fileName: "h.pdf",
      bytes: pdf,
    });
    await expect(readMaterialFile(db, w.otherViewer, w.project.id, material.id)).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    const w2 = await makeReadinessWorld(db);
    await expect(readMaterialFile(db, w2.pm, w2.project.id, material.id)).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    await expect(
      addMaterialFile(db, ctxFor(w.owner), {
        projectId: w.project.id,
        moduleId: w.usage.id,
        title: "",
        fileName: "h.pdf",
        bytes: pdf,
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "forbidden" }));
  });
});

describe("another user cannot see or change this", () => {
  it("a client of another organisation gets 404", async () => {
    const s = await session(inHours(-1));
    await expect(listSessions(db, w.otherViewer, w.project.id)).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    await expect(trainingCalendarIcs(db, w.otherViewer, w.project.id, "x")).rejects.toThrow(
      expect.objectContaining({ code: "not_found" }),
    );
    await expect(
      recordAttendance(db, ctxFor(w.otherViewer), {
        projectId: w.project.id,
        sessionId: s.id,
        records: [{ guardianId, attended: true, score: 100 }],
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
  });

  it("client members cannot schedule or score (403)", async () => {
    const s = await session(inHours(-1));
    for (const actor of [w.owner, w.guardian, w.viewer, w.integrator]) {
      await expect(
        recordAttendance(db, ctxFor(actor), {
          projectId: w.project.id,
          sessionId: s.id,
          records: [{ guardianId, attended: true, score: 100 }],
        }),
      ).rejects.toThrow(expect.objectContaining({ code: "forbidden" }));
      await expect(
        addMaterialLink(db, ctxFor(actor), {
          projectId: w.project.id,
          moduleId: w.usage.id,
          title: "x",
          url: "https://x.example",
        }),
      ).rejects.toThrow(expect.objectContaining({ code: "forbidden" }));
    }
    expect((await first(db.select().from(trainingAttendance)))!.attended).toBeNull();
  });

  it("a session of another project is not found", async () => {
    const s = await session(inHours(-1));
    const w2 = await makeReadinessWorld(db);
    await expect(
      recordAttendance(db, ctxFor(w2.pm), {
        projectId: w2.project.id,
        sessionId: s.id,
        records: [{ guardianId, attended: true, score: 100 }],
      }),
    ).rejects.toThrow(expect.objectContaining({ code: "not_found" }));
  });
});
