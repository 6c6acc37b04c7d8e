// The daily digest: once a day, at DIGEST_HOUR in each person's time zone, one email with their
// unread notifications of the kinds they want "daily", since the last digest. Several instances
// run this at once: a person's digest is claimed by moving `email_digests.coveredUntil` forward in a
// conditional update, so only the instance whose update matched sends it; a failed send moves it back.
import { and, asc, eq, gt, isNull, lte } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction } from "@/db/client";
import { emailDigests, emailPreferences, notifications, users } from "@/db/schema";
import { digestDue, effectiveModes, emailKindOf, EMAIL_KINDS } from "@/lib/domain/email-preferences";
import { publicOrigin, sendMail } from "@/lib/mail";
import { digestEmail } from "./email-content";

/** Notifications older than this are not gathered into a first digest (a person's first day of email). */
const LOOK_BACK_MS = 2 * 24 * 60 * 60 * 1000;

/** Takes the digest window for this person, or null when another instance has taken it (or none is due). */
async function claim(tx: DbOrTx, userId: string, timeZone: string | null, now: Date) {
  const row = await first(tx.select().from(emailDigests).where(eq(emailDigests.userId, userId)));
  const due = digestDue(now, timeZone, row?.coveredUntil ?? null);
  if (!due.due) return null;
  const taken = row
    ? await tx
        .update(emailDigests)
        .set({ coveredUntil: due.until })
        .where(and(eq(emailDigests.userId, userId), eq(emailDigests.coveredUntil, row.coveredUntil)))
        .returning({ userId: emailDigests.userId })
    : await tx
        .insert(emailDigests)
        .values({ userId, coveredUntil: due.until })
        .onConflictDoNothing()
        .returning({ userId: emailDigests.userId });
  return taken.length ? { from: due.from, until: due.until, previous: row?.coveredUntil ?? null } : null;
}

/** Gives the window back after a failed send, unless someone moved it on since. */
async function release(db: Db, userId: string, window: { until: string; previous: string | null }) {
  await transaction(db, async (tx) => {
    const match = and(eq(emailDigests.userId, userId), eq(emailDigests.coveredUntil, window.until));
    if (window.previous === null) await tx.delete(emailDigests).where(match);
    else await tx.update(emailDigests).set({ coveredUntil: window.previous }).where(match);
  });
}

/** Sends every digest due at `now`; returns how many emails left. */
export async function sendDueDigests(db: Db, now: Date): Promise<number> {
  const since = new Date(now.getTime() - LOOK_BACK_MS).toISOString();
  // Only people with something unread lately can have a digest to send.
  const candidates = await db
    .selectDistinct({ id: users.id, timeZone: users.timeZone })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(and(isNull(notifications.readAt), gt(notifications.createdAt, since), isNull(users.disabledAt)));
  let sent = 0;
  for (const person of candidates) {
    const window = await transaction(db, (tx) => claim(tx, person.id, person.timeZone, now));
    if (!window) continue;
    try {
      if (await sendDigest(db, person.id, window)) sent++;
    } catch (error) {
      await release(db, person.id, window);
      console.error(`Daily digest for ${person.id} not sent; it will be tried again:`, error);
    }
  }
  return sent;
}

/** Sends one person's digest for the window; false when nothing in it is for the digest. Throws when SMTP fails. */
async function sendDigest(db: Db, userId: string, window: { from: string; until: string }): Promise<boolean> {
  const user = await first(db.select().from(users).where(eq(users.id, userId)));
  if (!user) return false;
  const modes = effectiveModes(
    await db
      .select({ kind: emailPreferences.kind, mode: emailPreferences.mode })
      .from(emailPreferences)
      .where(eq(emailPreferences.userId, userId)),
  );
  if (!EMAIL_KINDS.some((kind) => modes[kind] === "daily")) return false;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        gt(notifications.createdAt, window.from),
        lte(notifications.createdAt, window.until),
      ),
    )
    .orderBy(asc(notifications.createdAt));
  const items = rows.filter((row) => modes[emailKindOf(row.kind)] === "daily");
  if (!items.length) return false;
  const origin = publicOrigin();
  const message = await digestEmail({
    locale: user.locale,
    name: user.name,
    email: user.email,
    items: items.map((row) => ({
      kind: row.kind,
      title: row.title,
      params: row.params,
      url: /^https?:\/\//i.test(row.href) ? row.href : `${origin}${row.href}`,
    })),
    settingsUrl: `${origin}/settings#email`,
  });
  const result = await sendMail(message);
  if (!result.ok) throw new Error(result.error);
  return true;
}
