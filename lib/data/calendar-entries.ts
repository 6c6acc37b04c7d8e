// The registry of what calendar subscribers last saw of each event, keyed by a host-free UID: it
// raises SEQUENCE when an event changes and keeps a cancelled event (its object is gone) as
// STATUS:CANCELLED for a while, so Outlook and Google remove it instead of keeping a ghost.
import { and, eq, gt, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { calendarEntries, guardians, trainingModules } from "@/db/schema";
import { CANCELLED_VISIBLE_DAYS, entryFingerprint, nextSequence, type EntryShape } from "@/lib/domain/calendar-feed";

export type FeedEntry = EntryShape & { key: string; projectId: string };

/** The SEQUENCE of each entry now, writing the ones that are new or changed. */
export async function publishEntries(tx: DbOrTx, entries: FeedEntry[], now = new Date()): Promise<Map<string, number>> {
  const sequences = new Map<string, number>();
  if (!entries.length) return sequences;
  const stored = new Map(
    (
      await tx
        .select({
          uid: calendarEntries.uid,
          fingerprint: calendarEntries.fingerprint,
          sequence: calendarEntries.sequence,
        })
        .from(calendarEntries)
        .where(
          inArray(
            calendarEntries.uid,
            entries.map((e) => e.key),
          ),
        )
    ).map((row) => [row.uid, row]),
  );
  for (const entry of entries) {
    const fingerprint = entryFingerprint(entry);
    const next = nextSequence(stored.get(entry.key), fingerprint);
    sequences.set(entry.key, next.sequence);
    if (!next.write) continue;
    const fields = {
      projectId: entry.projectId,
      kind: entry.kind,
      title: entry.title,
      start: entry.start,
      end: entry.end,
      allDay: entry.allDay,
      fingerprint,
      sequence: next.sequence,
      cancelledAt: entry.cancelled ? now.toISOString() : null,
      updatedAt: now.toISOString(),
    };
    await tx
      .insert(calendarEntries)
      .values({ uid: entry.key, ...fields })
      .onConflictDoUpdate({ target: calendarEntries.uid, set: fields });
  }
  return sequences;
}

/**
 * A training session is cancelled (its row is deleted in the same transaction): its trainer and
 * attendees keep receiving it as cancelled, one SEQUENCE higher than what they last saw.
 */
export async function cancelTrainingEntry(
  tx: DbOrTx,
  session: {
    id: string;
    projectId: string;
    moduleId: string;
    startsAt: string;
    durationMinutes: number;
    trainerId: string;
  },
  guardianIds: string[],
  now = new Date(),
): Promise<void> {
  const named = await tx
    .select({ name: trainingModules.name })
    .from(trainingModules)
    .where(eq(trainingModules.id, session.moduleId));
  const attendees = guardianIds.length
    ? await tx.select({ userId: guardians.userId }).from(guardians).where(inArray(guardians.id, guardianIds))
    : [];
  const entry: FeedEntry = {
    key: trainingKey(session.id),
    projectId: session.projectId,
    kind: "training",
    title: named[0]?.name ?? "",
    start: session.startsAt,
    end: new Date(new Date(session.startsAt).getTime() + session.durationMinutes * 60_000).toISOString(),
    allDay: false,
    cancelled: true,
  };
  await publishEntries(tx, [entry], now);
  const audience = [...new Set([session.trainerId, ...attendees.map((a) => a.userId)])];
  await tx.update(calendarEntries).set({ audience }).where(eq(calendarEntries.uid, entry.key));
}

export const trainingKey = (sessionId: string) => `training-${sessionId}`;

/** Cancelled entries still shown: of these projects (training: only to their trainer and attendees). */
export async function recentCancellations(
  db: DbOrTx,
  userId: string | null,
  projectIds: string[],
  now = new Date(),
): Promise<(FeedEntry & { sequence: number })[]> {
  if (!projectIds.length) return [];
  const since = new Date(now.getTime() - CANCELLED_VISIBLE_DAYS * 86_400_000).toISOString();
  const rows = await db
    .select()
    .from(calendarEntries)
    .where(and(inArray(calendarEntries.projectId, projectIds), gt(calendarEntries.cancelledAt, since)));
  return rows
    .filter((row) => row.kind !== "training" || userId === null || (row.audience ?? []).includes(userId))
    .map((row) => ({
      key: row.uid,
      projectId: row.projectId,
      kind: row.kind,
      title: row.title,
      start: row.start,
      end: row.end,
      allDay: row.allDay,
      cancelled: true,
      sequence: row.sequence,
    }));
}
