// The project's training calendar as an iCalendar (.ics) feed, in the reader's language.
import { createTranslator } from "next-intl";
import type { DbOrTx } from "@/db/client";
import { loadProjectAccess } from "@/lib/data/access";
import { recentCancellations, trainingKey } from "@/lib/data/calendar-entries";
import { sessionViews } from "@/lib/data/training-sessions";
import { buildCalendar } from "@/lib/domain/icalendar";
import type { Actor } from "@/lib/domain/permissions";
import type { Locale } from "@/lib/i18n/locale";
import { loadMessages } from "@/messages/catalogue";

/** The project's training sessions as an RFC 5545 calendar; names and descriptions in `locale`. */
export async function trainingCalendarIcs(
  db: DbOrTx,
  actor: Actor,
  projectId: string,
  host: string,
  now = new Date(),
  locale: Locale = "en",
): Promise<string> {
  const { project } = await loadProjectAccess(db, actor, projectId);
  const sessions = await sessionViews(db, projectId);
  const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: "trainingCalendar" });
  // The same UIDs as the people's feeds (lib/data/calendar-feed.ts), and the sessions cancelled lately.
  const cancelled = (await recentCancellations(db, null, [projectId], now)).filter((c) => c.kind === "training");
  return buildCalendar({
    name: t("name", { project: project.name }),
    now,
    events: [
      ...cancelled.map((c) => ({
        uid: `${c.key}@${host}`,
        start: new Date(c.start),
        durationMinutes: Math.round((new Date(c.end).getTime() - new Date(c.start).getTime()) / 60_000),
        summary: t("summary", { module: c.title }),
        sequence: c.sequence,
        status: "CANCELLED" as const,
      })),
      ...sessions.map((s) => ({
        uid: `${trainingKey(s.id)}@${host}`,
        start: new Date(s.startsAt),
        durationMinutes: s.durationMinutes,
        summary: t("summary", { module: s.moduleName }),
        location: s.mode === "on_site" ? (s.siteName ?? t("onSite")) : (s.meetingUrl ?? t("remote")),
        description: [
          t("trainer", { name: s.trainerName }),
          s.mode === "remote" ? t("remoteSession") : t("onSite"),
          s.notes,
        ]
          .filter(Boolean)
          .join("\n"),
        url: s.mode === "remote" ? (s.meetingUrl ?? undefined) : undefined,
      })),
    ],
  });
}
