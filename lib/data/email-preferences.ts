// Each person's email preferences: per kind of notification, immediately, in the daily digest, or
// off (lib/domain/email-preferences.ts has the kinds and defaults). Only the person changes theirs,
// in Settings or through the API, or turns one kind off with an email's unsubscribe link.
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type Db, type DbOrTx, first, transaction } from "@/db/client";
import { emailPreferences, users } from "@/db/schema";
import { recordAudit, type RequestContext } from "@/lib/audit";
import { authSecret } from "@/lib/auth-secret";
import { ownCommand } from "@/lib/data/command";
import {
  DEFAULT_EMAIL_MODES,
  DIGEST_HOUR,
  EMAIL_KINDS,
  effectiveModes,
  type EmailKind,
  type EmailMode,
  readUnsubscribeToken,
} from "@/lib/domain/email-preferences";
import { actorOf, type Actor } from "@/lib/domain/permissions";
import { emailConfigured } from "@/lib/mail";

export type EmailPreference = { kind: EmailKind; mode: EmailMode; defaultMode: EmailMode };

export type EmailPreferencesView = {
  /** False when SMTP_URL is unset: nothing is emailed, whatever the preferences say. */
  emailEnabled: boolean;
  /** The digest's hour in the person's time zone. */
  digestHour: number;
  timeZone: string;
  preferences: EmailPreference[];
};

async function storedModes(db: DbOrTx, userId: string) {
  return await db
    .select({ kind: emailPreferences.kind, mode: emailPreferences.mode })
    .from(emailPreferences)
    .where(eq(emailPreferences.userId, userId));
}

export async function getEmailPreferences(db: DbOrTx, actor: Actor): Promise<EmailPreferencesView> {
  const modes = effectiveModes(await storedModes(db, actor.id));
  const zone = await first(db.select({ timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id)));
  return {
    emailEnabled: emailConfigured(),
    digestHour: DIGEST_HOUR,
    timeZone: zone?.timeZone || "UTC",
    preferences: EMAIL_KINDS.map((kind) => ({ kind, mode: modes[kind], defaultMode: DEFAULT_EMAIL_MODES[kind] })),
  };
}

/** Writes the changed kinds (upsert), returning before/after of what changed. */
async function writeModes(tx: DbOrTx, userId: string, change: Partial<Record<EmailKind, EmailMode>>, now: Date) {
  const before = effectiveModes(await storedModes(tx, userId));
  const changed = (Object.entries(change) as [EmailKind, EmailMode][]).filter(([kind, mode]) => before[kind] !== mode);
  for (const [kind, mode] of changed) {
    await tx
      .insert(emailPreferences)
      .values({ userId, kind, mode, updatedAt: now.toISOString() })
      .onConflictDoUpdate({
        target: [emailPreferences.userId, emailPreferences.kind],
        set: { mode, updatedAt: now.toISOString() },
      });
  }
  return {
    before: Object.fromEntries(changed.map(([kind]) => [kind, before[kind]])),
    after: Object.fromEntries(changed),
  };
}

/**
 * Saves the person's choices (a kind left out keeps its mode) with one audit event; saving the same
 * choices again writes nothing. The caller's schema has checked the kinds and modes.
 */
export async function saveEmailPreferences(
  db: Db,
  ctx: RequestContext,
  change: Partial<Record<EmailKind, EmailMode>>,
  now = new Date(),
): Promise<EmailPreferencesView> {
  await ownCommand(db, ctx, async ({ tx, audit }) => {
    const { before, after } = await writeModes(tx, ctx.actor.id, change, now);
    if (Object.keys(after).length)
      audit({ action: "email_preferences.change", objectType: "user", objectId: ctx.actor.id, before, after });
  });
  return await getEmailPreferences(db, ctx.actor);
}

export type UnsubscribeView = { state: "valid"; kind: EmailKind; email: string } | { state: "invalid" };

/** Who and what an unsubscribe link names, for its confirmation page (nothing changes by looking). */
export async function unsubscribeLink(db: DbOrTx, token: string): Promise<UnsubscribeView> {
  const named = readUnsubscribeToken(token, authSecret());
  if (!named) return { state: "invalid" };
  const user = await first(db.select({ email: users.email }).from(users).where(eq(users.id, named.userId)));
  return user ? { state: "valid", kind: named.kind, email: user.email } : { state: "invalid" };
}

/**
 * One-click unsubscribe (RFC 8058): the token is the credential, so nobody is signed in. Turns that
 * kind off for that person, audited as theirs; a second click changes nothing.
 */
export async function unsubscribe(
  db: Db,
  token: string,
  request: { ip: string | null; userAgent: string | null },
  now = new Date(),
): Promise<{ kind: EmailKind } | null> {
  const named = readUnsubscribeToken(token, authSecret());
  if (!named) return null;
  return await transaction(db, async (tx) => {
    const user = await first(tx.select().from(users).where(eq(users.id, named.userId)));
    if (!user) return null;
    const { before, after } = await writeModes(tx, user.id, { [named.kind]: "off" }, now);
    if (Object.keys(after).length) {
      const actor = actorOf(user);
      await recordAudit(
        tx,
        { actor, ...request },
        { action: "email_preferences.unsubscribe", objectType: "user", objectId: user.id, before, after },
      );
    }
    return { kind: named.kind };
  });
}

/** Of these people, those who get this kind at once by email: enabled accounts whose mode is "immediately". */
export async function immediateRecipients(tx: DbOrTx, userIds: string[], kind: EmailKind): Promise<string[]> {
  if (!userIds.length) return [];
  const enabled = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, userIds), isNull(users.disabledAt)));
  const stored = await tx
    .select({ userId: emailPreferences.userId, mode: emailPreferences.mode })
    .from(emailPreferences)
    .where(and(inArray(emailPreferences.userId, userIds), eq(emailPreferences.kind, kind)));
  const modes = new Map(stored.map((row) => [row.userId, row.mode]));
  return enabled.map((u) => u.id).filter((id) => (modes.get(id) ?? DEFAULT_EMAIL_MODES[kind]) === "immediately");
}

/** One person's mode for one kind now (a delivery checks it again before sending). */
export async function modeOf(db: DbOrTx, userId: string, kind: EmailKind): Promise<EmailMode> {
  const row = await first(
    db
      .select({ mode: emailPreferences.mode })
      .from(emailPreferences)
      .where(and(eq(emailPreferences.userId, userId), eq(emailPreferences.kind, kind))),
  );
  return row?.mode ?? DEFAULT_EMAIL_MODES[kind];
}
