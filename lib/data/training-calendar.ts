// The project's training calendar as an iCalendar (.ics) feed.
import type { DbOrTx } from "@/db/client";
import { loadProjectAccess } from "@/lib/data/access";
import { sessionViews } from "@/lib/data/training-sessions";
import { buildCalendar } from "@/lib/domain/icalendar";
import type { Actor } from "@/lib/domain/permissions";

/** The project's training sessions as an RFC 5545 calendar. */
export async function trainingCalendarIcs(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  host: string,
  now = new Date(),
): Promise<string> {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const sessions = await sessionViews(db, projectId);
  return buildCalendar({
    name: `${project.name}: training`,
    now,
    events: sessions.map((s) => ({
      uid: `${s.id}@${host}`,
      start: new Date(s.startsAt),
      durationMinutes: s.durationMinutes,
      summary: `Training: ${s.moduleName}`,
      location: s.mode === "on_site" ? (s.siteName ?? "On site") : (s.meetingUrl ?? "Remote"),
      description: [`Trainer: ${s.trainerName}`, s.mode === "remote" ? "Remote session" : "On site", s.notes]
        .filter(Boolean)
        .join("\n"),
      url: s.mode === "remote" ? (s.meetingUrl ?? undefined) : undefined,
    })),
  });
}
