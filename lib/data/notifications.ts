// In-app notifications: written in the same transaction as the change they announce.
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { type DbOrTx, first, inGroups, transaction, writeAtCommit } from "@/db/client";
import { notifications } from "@/db/schema";
import { emitEvent } from "@/lib/data/outbox";
import type { Actor } from "@/lib/domain/permissions";

/** A notification kind's values (names, numbers, statuses as machine values), for its message. */
export type NotificationParams = Record<string, string | number | boolean>;

export type NotificationInput = {
  userIds: string[];
  projectId: string | null;
  kind: string;
  /** The English title, kept for rows read without the catalogue (and as the fallback). */
  title: string;
  /** With them the title is rendered at read time in the reader's language (lib/views/notification-title.ts). */
  params?: NotificationParams;
  href: string;
};

/**
 * Notifies each user once; the actor who caused it is left out. The rows are written with the
 * transaction's other batched rows at its end (at once outside a transaction).
 */
export async function notify(tx: DbOrTx, actorId: string | null, input: NotificationInput): Promise<void> {
  const recipients = [...new Set(input.userIds)].filter((id) => id !== actorId);
  if (!recipients.length) return;
  const createdAt = new Date().toISOString();
  const rows = recipients.map((userId) => ({
    id: randomUUID(),
    userId,
    projectId: input.projectId,
    kind: input.kind,
    title: input.title,
    params: input.params ?? null,
    href: input.href,
    createdAt,
  }));
  const writes = (done: DbOrTx, batch: typeof rows) =>
    inGroups(batch).map((group) => done.insert(notifications).values(group));
  await writeAtCommit(tx, "notifications", rows, writes);
  // The same notifications by email (issue 16): through the outbox, so a failing mail server
  // delays them but never loses them, and a rolled-back change sends nothing.
  await emitEvent(tx, {
    type: "notification.created",
    projectId: input.projectId,
    data: {
      kind: input.kind,
      title: input.title,
      params: input.params ?? null,
      href: input.href,
      recipients: rows.map((row) => ({ userId: row.userId, notificationId: row.id })),
    },
  });
}

/**
 * How many of the actor's notifications are unread, counted up to `atMost`: the bell shows "99+"
 * beyond 99, and counting every unread row of a busy account (tens of thousands) on every page
 * would cost more than the rest of the shell.
 */
export async function unreadNotificationCount(db: DbOrTx, actor: Actor, atMost = UNREAD_COUNTED): Promise<number> {
  const unread = db
    .select({ one: sql`1` })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
    .limit(atMost)
    .as("unread");
  return (await first(db.select({ n: sql<number>`count(*)` }).from(unread)))?.n ?? 0;
}

/** The bell counts up to this many unread notifications; it shows "99+" from 100. */
export const UNREAD_COUNTED = 100;

export async function listNotifications(db: DbOrTx, actor: Actor, limit = 50) {
  return await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, actor.id))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
}

/** Marks the given notifications (or all) of the actor as read. */
export async function markNotificationsRead(db: DbOrTx, actor: Actor, ids?: string[]): Promise<void> {
  const now = new Date().toISOString();
  await transaction(db, (tx) =>
    tx
      .update(notifications)
      .set({ readAt: now })
      .where(
        and(
          eq(notifications.userId, actor.id),
          isNull(notifications.readAt),
          ids ? inArray(notifications.id, ids) : undefined,
        ),
      ),
  );
}
