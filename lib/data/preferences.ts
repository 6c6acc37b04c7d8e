// The account's own language and time zone (issue 14): null means "the browser's", so an account
// that never chose follows the browser it signs in from. Only the account itself changes them.
import { eq } from "drizzle-orm";
import { type Db, type DbOrTx, first } from "@/db/client";
import { users } from "@/db/schema";
import type { RequestContext } from "@/lib/audit";
import { ownCommand } from "@/lib/data/command";
import type { Actor } from "@/lib/domain/permissions";
import { notFound } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locale";

export type Preferences = { locale: Locale | null; timeZone: string | null };

export async function getPreferences(db: DbOrTx, actor: Actor): Promise<Preferences> {
  const row = await first(
    db.select({ locale: users.locale, timeZone: users.timeZone }).from(users).where(eq(users.id, actor.id)),
  );
  if (!row) throw notFound("This account");
  return row;
}

/**
 * Saves what changed (a field left out keeps its value) with one audit event in the same
 * transaction; saving the same values again writes nothing. Validation (a known language, an IANA
 * zone) is the caller's schema's, before this runs.
 */
export async function savePreferences(db: Db, ctx: RequestContext, change: Partial<Preferences>): Promise<Preferences> {
  return await ownCommand(db, ctx, async ({ tx, audit }) => {
    const before = await getPreferences(tx, ctx.actor);
    const after: Preferences = { ...before, ...change };
    if (after.locale === before.locale && after.timeZone === before.timeZone) return before;
    await tx.update(users).set(after).where(eq(users.id, ctx.actor.id));
    audit({ action: "user.preferences.change", objectType: "user", objectId: ctx.actor.id, before, after });
    return after;
  });
}
