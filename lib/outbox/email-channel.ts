// The email channel of the outbox (issue 16): a notification goes by email to each recipient who
// wants its kind "immediately", in their language, with a link to the thing and a one-click
// unsubscribe; invitations and password resets go to one address; once a day each person gets
// their "daily" notifications in one digest (lib/outbox/email-digest.ts). SMTP faults are retried by
// the worker, so no notification is lost while the mail server is down.
import { eq } from "drizzle-orm";
import { type Db, first } from "@/db/client";
import { notifications, users } from "@/db/schema";
import { authSecret } from "@/lib/auth-secret";
import { immediateRecipients, modeOf } from "@/lib/data/email-preferences";
import { emailKindOf, unsubscribeToken, type EmailKind } from "@/lib/domain/email-preferences";
import { emailConfigured, type MailMessage, publicOrigin, sendMail } from "@/lib/mail";
import { openText } from "@/lib/secret-box";
import type { Channel, Delivery, OutboxEvent, SendOutcome } from "./channel";
import { accountLinkEmail, notificationEmail } from "./email-content";
import { sendDueDigests } from "./email-digest";

/** A mail server that keeps refusing an address (5xx) is believed after this many attempts. */
export const PERMANENT_FAILURE_ATTEMPTS = 3;

/** What a `notification.created` event carries (lib/data/notifications.ts). */
type NotificationEventData = {
  kind: string;
  recipients: { userId: string; notificationId: string }[];
};

/** What an `email.message` event carries: never a usable link in clear (lib/data/email-messages.ts). */
export type EmailMessageData = {
  template: "invitation" | "password_reset";
  name: string;
  locale: string | null;
  inviter: string | null;
  /** The link, sealed under the data key (lib/secret-box.ts). */
  sealedUrl: string;
  expiresAt: string;
};

export const settingsUrl = (origin: string) => `${origin}/settings#email`;
export const unsubscribeUrl = (origin: string, userId: string, kind: EmailKind) =>
  `${origin}/api/email/unsubscribe?token=${unsubscribeToken(userId, kind, authSecret())}`;

/** An in-app link made absolute; a link already absolute is kept. */
export const absolute = (origin: string, href: string) => (/^https?:\/\//i.test(href) ? href : `${origin}${href}`);

const notificationData = (event: OutboxEvent) => event.data as unknown as NotificationEventData;

async function send(message: MailMessage, delivery: Delivery): Promise<SendOutcome> {
  const started = Date.now();
  const result = await sendMail(message);
  const durationMs = Date.now() - started;
  if (result.ok) return { kind: "delivered", statusCode: 250, durationMs };
  const statusCode = result.code ?? undefined;
  // A 5xx can be a passing misconfiguration of the server: believe it only after a few attempts.
  if (result.permanent && delivery.attempt >= PERMANENT_FAILURE_ATTEMPTS)
    return { kind: "give_up", statusCode, durationMs, error: result.error };
  return { kind: "retry", statusCode, durationMs, error: result.error };
}

const giveUp = (error: string): SendOutcome => ({ kind: "give_up", durationMs: 0, error });

async function sendNotification(db: Db, delivery: Delivery, event: OutboxEvent): Promise<SendOutcome> {
  const data = notificationData(event);
  const recipient = data.recipients.find((r) => r.userId === delivery.targetId);
  if (!recipient) return giveUp("Not a recipient of this notification.");
  const user = await first(db.select().from(users).where(eq(users.id, delivery.targetId)));
  if (!user || user.disabledAt) return giveUp("The account is disabled or gone.");
  const kind = emailKindOf(data.kind);
  // The person may have turned this kind off (or to the digest) since the event was fanned out.
  if ((await modeOf(db, user.id, kind)) !== "immediately") return giveUp(`Email for "${kind}" is no longer immediate.`);
  const row = await first(db.select().from(notifications).where(eq(notifications.id, recipient.notificationId)));
  if (!row) return giveUp("The notification is gone.");
  const origin = publicOrigin();
  const message = await notificationEmail({
    locale: user.locale,
    name: user.name,
    email: user.email,
    kind: row.kind,
    emailKind: kind,
    title: row.title,
    params: row.params,
    url: absolute(origin, row.href),
    settingsUrl: settingsUrl(origin),
    unsubscribeUrl: unsubscribeUrl(origin, user.id, kind),
  });
  return await send(message, delivery);
}

async function sendAccountLink(delivery: Delivery, event: OutboxEvent): Promise<SendOutcome> {
  const data = event.data as unknown as EmailMessageData;
  if (new Date(data.expiresAt).getTime() <= Date.now()) return giveUp("The link expired before it could be sent.");
  let url: string;
  try {
    url = openText(data.sealedUrl);
  } catch (error) {
    return giveUp(`The link cannot be opened: ${error instanceof Error ? error.message : String(error)}`);
  }
  const message = await accountLinkEmail({
    template: data.template,
    locale: data.locale,
    to: delivery.targetId,
    name: data.name,
    inviter: data.inviter,
    url,
    expiresAt: data.expiresAt,
  });
  return await send(message, delivery);
}

export const emailChannel: Channel = {
  name: "email",
  // An email that cannot get through for three days will not be read in time to matter.
  retryForMs: 3 * 24 * 60 * 60 * 1000,
  async targets(tx, event) {
    if (event.type !== "notification.created" || !emailConfigured()) return [];
    const data = notificationData(event);
    if (!Array.isArray(data.recipients)) return [];
    return await immediateRecipients(
      tx,
      data.recipients.map((r) => r.userId),
      emailKindOf(data.kind),
    );
  },
  async send(db, delivery, event) {
    if (event.type === "notification.created") return await sendNotification(db, delivery, event);
    if (event.type === "email.message") return await sendAccountLink(delivery, event);
    return giveUp(`The email channel does not send "${event.type}" events.`);
  },
  async periodic(db, now) {
    if (emailConfigured()) await sendDueDigests(db, now);
  },
};
