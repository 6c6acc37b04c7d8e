"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { changeOwnPassword, signOutEverywhere } from "@/lib/data/accounts";
import { savePreferences } from "@/lib/data/preferences";
import { rememberLocale, rememberTimeZone } from "@/lib/i18n/preference-cookies";
import { createApiToken, revokeApiToken } from "@/lib/data/tokens";
import { action, formAction, type FormState } from "@/lib/guard";
import { changePasswordSchema, tokenNameSchema } from "@/lib/validation/accounts";
import { preferencesSchema } from "@/lib/validation/preferences";
import { uuid } from "@/lib/validation/common";
import { currentAccount } from "@/lib/session";

const change = formAction(changePasswordSchema, async (ctx, input) => {
  const current = await currentAccount();
  await changeOwnPassword(getDb(), ctx, input.currentPassword, input.newPassword, current?.sessionId ?? null);
});

/** Changing the password ends every other session; this browser stays signed in (the list of sessions shrinks). */
export async function changePasswordAction(...args: Parameters<typeof change>) {
  const state = await change(...args);
  if (state.ok) revalidatePath("/settings");
  return state;
}

export const createTokenAction = formAction(tokenNameSchema, async (ctx, input) => {
  const { token } = await createApiToken(getDb(), ctx, input.name);
  revalidatePath("/settings");
  return token;
});

export const revokeTokenAction = action(z.object({ tokenId: uuid }), async (ctx, input) => {
  await revokeApiToken(getDb(), ctx, input.tokenId);
  revalidatePath("/settings");
});

const everywhere = action(z.object({}), async (ctx) => await signOutEverywhere(getDb(), ctx));

export async function signOutEverywhereAction() {
  const state = await everywhere({});
  if (state.ok) redirect("/sign-in?reason=signed-out-everywhere");
  return state;
}

/**
 * The account's language and time zone: saved with their audit event, then put in the cookies the
 * request config reads, so this very answer renders in them. "The browser's" zone is the one the
 * form reports; the language then follows Accept-Language again.
 */
export async function savePreferencesAction(previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("settingsPreferences");
  const schema = preferencesSchema({ unknownLocale: t("unknownLocale"), unknownTimeZone: t("unknownTimeZone") });
  const save = formAction(schema, async (ctx, input) => {
    const saved = await savePreferences(getDb(), ctx, { locale: input.locale, timeZone: input.timeZone });
    return { ...saved, browserTimeZone: input.browserTimeZone };
  });
  const state = await save(previous, formData);
  if (state.ok && state.data) {
    await rememberLocale(state.data.locale);
    await rememberTimeZone(state.data.timeZone ?? state.data.browserTimeZone);
  }
  return state;
}
