import { getDb } from "@/db/client";
import { route } from "@/lib/api";
import { getEmailPreferencesOp, setEmailPreferencesOp } from "@/lib/contract/email-preferences";
import { getEmailPreferences, saveEmailPreferences } from "@/lib/data/email-preferences";

export const GET = route(getEmailPreferencesOp, async ({ ctx }) => await getEmailPreferences(getDb(), ctx.actor));

export const PUT = route(setEmailPreferencesOp, async ({ ctx, body }) => {
  const change = Object.fromEntries(body.preferences.map((p) => [p.kind, p.mode]));
  return await saveEmailPreferences(getDb(), ctx, change);
});
