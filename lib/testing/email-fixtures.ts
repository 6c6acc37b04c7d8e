// Builders for the email tests: a temporary data folder (keys, auth secret), SMTP_URL pointed at a
// test listener, and the outbox rows a notification makes, as the worker hands them to the channel.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { notifications } from "@/db/schema";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Delivery, OutboxEvent } from "@/lib/outbox/channel";
import { startSmtpListener, type SmtpListener, type SmtpListenerOptions } from "./smtp-listener";

/** Keys and the auth secret in a folder of the test's own, never the working folder's ./data. */
export function withTemporaryDataDir(): string {
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

/**
 * A real SMTP listener for a test file: started once (in a temporary data folder), SMTP_URL pointed
 * at it and its inbox emptied before each test, stopped at the end. Call at the file's top level.
 */
export function smtpListenerForFile(options: SmtpListenerOptions = {}): SmtpListener {
  let listener: SmtpListener | undefined;
  const current = () => {
    if (!listener) throw new Error("The SMTP listener starts in beforeAll");
    return listener;
  };
  beforeAll(async () => {
    withTemporaryDataDir();
    listener = await startSmtpListener(options);
  });
  afterAll(async () => {
    await listener?.close();
    delete process.env.SMTP_URL;
  });
  beforeEach(() => {
    process.env.SMTP_URL = current().url;
    current().messages.length = 0;
  });
  return {
    get port() {
      return current().port;
    },
    get url() {
      return current().url;
    },
    get messages() {
      return current().messages;
    },
    waitFor: (match, timeoutMs) => current().waitFor(match, timeoutMs),
    close: () => current().close(),
  };
}
