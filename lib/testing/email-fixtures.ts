// Builders for the email tests: a temporary data folder (keys, auth secret), SMTP_URL pointed at a
// test listener, and the outbox rows a notification makes, as the worker hands them to the channel.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import type { Delivery, OutboxEvent } from "@/lib/outbox/channel";

/** Keys and the auth secret in a folder of the test's own, never the working folder's ./data. */
export function useTemporaryDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "lightgate-email-"));
  process.env.LIGHTGATE_DATA_DIR = dir;
  delete process.env.AUTH_SECRET;
  process.env.LIGHTGATE_PUBLIC_URL = "https://lightgate.test";
  return dir;
}

/** The `notification.created` event of the notifications of one kind on one project (what notify() emits). */
export async function notificationEvent(db: Db, kind: string, seq = 1): Promise<OutboxEvent> {
  const rows = await db.select().from(notifications).where(eq(notifications.kind, kind));
  if (!rows.length) throw new Error(`No "${kind}" notification was written.`);
  const first = rows[0];
  return {
    seq,
    id: crypto.randomUUID(),
    type: "notification.created",
    projectId: first.projectId,
    data: {
      kind,
      title: first.title,
      params: first.params,
      href: first.href,
      recipients: rows.map((row) => ({ userId: row.userId, notificationId: row.id })),
    },
    occurredAt: first.createdAt,
    directChannel: null,
    directTarget: null,
  };
}

export function deliveryTo(targetId: string, event: OutboxEvent, attempt = 1): Delivery {
  return {
    id: `${event.id}-${targetId}`,
    channel: "email",
    targetId,
    projectId: event.projectId,
    attempt,
    createdAt: new Date().toISOString(),
  };
}
