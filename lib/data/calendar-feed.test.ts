// Each person's calendar feed against a migrated database with the demo data, parsed by ical.js
// as a calendar app would: the gate dates of the demo project, SEQUENCE rising on a change, a
// cancelled training session sent as CANCELLED, and 404 (null) for a wrong or revoked address.
import ICAL from "ical.js";
import { and, eq, isNotNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { first, type Db } from "@/db/client";
import { gates, projectMembers, projects, trainingModules, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import {
  calendarFeedIcs,
  calendarFeedUrl,
  existingCalendarFeedUrl,
  revokeCalendarFeed,
} from "@/lib/data/calendar-feed";
import { cancelSession, scheduleSession } from "@/lib/data/training-sessions";
import type { Actor } from "@/lib/domain/permissions";
import { createTestDb, ctxFor } from "@/lib/testing/fixtures";

const ORIGIN = "https://lightgate.example.com";
let db: Db;

async function actorOf(email: string): Promise<Actor> {
  const u = (await first(db.select().from(users).where(eq(users.email, email))))!;
  return { id: u.id, email: u.email, name: u.name, role: u.role, organizationId: u.organizationId };
}

type Parsed = { uid: string; start: string; sequence: number; status: string; summary: string };

async function feedOf(url: string): Promise<Parsed[] | null> {
  const ics = await calendarFeedIcs(db, url.slice(url.lastIndexOf("/") + 1), ORIGIN);
  if (ics === null) return null;
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      start: event.startDate.toString().slice(0, 10),
      sequence: event.sequence,
      status: String(v.getFirstPropertyValue("status")),
      summary: event.summary,
    };
  });
}

beforeAll(async () => {
  db = await createTestDb();
  await seedDemo(db);
}, 60_000);

describe("calendar feed", () => {
  it("holds the planned dates of every gate of the projects the PM manages, and parses", async () => {
    const pm = await actorOf("pm@demo.test");
    const url = await calendarFeedUrl(db, ctxFor(pm), ORIGIN);
    expect(url).toMatch(/^https:\/\/lightgate\.example\.com\/api\/calendar\/lgcal_/);
    expect(await calendarFeedUrl(db, ctxFor(pm), ORIGIN)).toBe(url);
    expect(await existingCalendarFeedUrl(db, pm.id, ORIGIN)).toBe(url);
    const managed = await db
      .select({ id: gates.id, plannedDate: gates.plannedDate, project: projects.name })
      .from(gates)
      .innerJoin(projects, eq(projects.id, gates.projectId))
      .innerJoin(projectMembers, eq(projectMembers.projectId, gates.projectId))
      .where(
        and(eq(projectMembers.userId, pm.id), eq(projectMembers.role, "project_manager"), isNotNull(gates.plannedDate)),
      );
    expect(managed.length).toBeGreaterThan(6);
    const events = (await feedOf(url))!;
    for (const gate of managed) {
      const event = events.find((e) => e.uid === `gate-${gate.id}@lightgate.example.com`);
      expect(event, `gate ${gate.id} of ${gate.project}`).toBeDefined();
      expect(event!.start).toBe(gate.plannedDate!.slice(0, 10));
    }
    expect(events.some((e) => e.uid.startsWith("go-live-"))).toBe(true);
    expect(events.some((e) => e.uid.startsWith("sprint-review-"))).toBe(true);
    expect(events.every((e) => e.sequence === 0)).toBe(true);

    // A gate moved: its SEQUENCE rises once, the others stay.
    const moved = managed[0];
    await db.update(gates).set({ plannedDate: "2027-03-01" }).where(eq(gates.id, moved.id));
    const after = (await feedOf(url))!;
    const movedEvent = after.find((e) => e.uid.startsWith(`gate-${moved.id}@`))!;
    expect(movedEvent).toMatchObject({ start: "2027-03-01", sequence: 1, status: "CONFIRMED" });
    expect(after.filter((e) => e.sequence > 0)).toHaveLength(1);
    expect((await feedOf(url))!.find((e) => e.uid === movedEvent.uid)!.sequence).toBe(1);
  });

  it("sends a cancelled training session to its trainer as CANCELLED, one SEQUENCE higher", async () => {
    const pm = await actorOf("pm@demo.test");
    const trainingModule = (await first(
      db
        .select({ id: trainingModules.id, projectId: trainingModules.projectId })
        .from(trainingModules)
        .innerJoin(projectMembers, eq(projectMembers.projectId, trainingModules.projectId))
        .where(and(eq(projectMembers.userId, pm.id), eq(projectMembers.role, "project_manager"))),
    ))!;
    const session = await scheduleSession(db, ctxFor(pm), {
      projectId: trainingModule.projectId,
      moduleId: trainingModule.id,
      startsAt: "2027-02-10T09:00:00.000Z",
      durationMinutes: 90,
      mode: "remote",
      meetingUrl: "https://meet.example.com/billing-basics",
      trainerId: pm.id,
      notes: "",
      attendeeIds: [],
    });
    const url = await calendarFeedUrl(db, ctxFor(pm), ORIGIN);
    const uid = `training-${session.id}@lightgate.example.com`;
    expect((await feedOf(url))!.find((e) => e.uid === uid)).toMatchObject({ sequence: 0, status: "CONFIRMED" });
    await cancelSession(db, ctxFor(pm), { projectId: trainingModule.projectId, sessionId: session.id });
    expect((await feedOf(url))!.find((e) => e.uid === uid)).toMatchObject({ sequence: 1, status: "CANCELLED" });
    // Someone who neither gives nor attends it is not told about it.
    const viewer = await actorOf("viewer@demo.test");
    const theirs = (await feedOf(await calendarFeedUrl(db, ctxFor(viewer), ORIGIN)))!;
    expect(theirs.some((e) => e.uid === uid)).toBe(false);
  });

  it("shows nobody else's projects, and a revoked or wrong address answers nothing", async () => {
    const pm = await actorOf("pm@demo.test");
    const outsider = await actorOf("viewer@other.demo.test");
    const mine = (await feedOf(await calendarFeedUrl(db, ctxFor(pm), ORIGIN)))!;
    const theirs = (await feedOf(await calendarFeedUrl(db, ctxFor(outsider), ORIGIN)))!;
    const pmGateUids = new Set(mine.filter((e) => e.uid.startsWith("gate-")).map((e) => e.uid));
    expect(theirs.some((e) => pmGateUids.has(e.uid))).toBe(false);

    const url = await calendarFeedUrl(db, ctxFor(outsider), ORIGIN);
    expect(await revokeCalendarFeed(db, ctxFor(outsider))).toBe(true);
    expect(await feedOf(url)).toBeNull();
    expect(await existingCalendarFeedUrl(db, outsider.id, ORIGIN)).toBeNull();
    const fresh = await calendarFeedUrl(db, ctxFor(outsider), ORIGIN);
    expect(fresh).not.toBe(url);
    expect(await feedOf(fresh)).not.toBeNull();
    expect(await feedOf(`${fresh}x`)).toBeNull();
    expect(await feedOf(`${ORIGIN}/api/calendar/nonsense`)).toBeNull();
  });
});
