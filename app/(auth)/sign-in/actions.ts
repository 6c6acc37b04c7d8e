"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { minutesLeft, throttleUntil } from "@/lib/data/sign-in";
import { fieldErrorsOf, type FormState } from "@/lib/guard";
import { clientIp } from "@/lib/request";

// Built per request: its messages are in the reader's language.
const signInSchema = (t: Awaited<ReturnType<typeof getTranslations<"signInForm">>>) =>
  z.object({
    email: z.string().trim().toLowerCase().email(t("emailMissing")),
    password: z.string().min(1, t("passwordMissing")),
    callbackUrl: z.string().optional(),
  });

/** Only same-site paths: never redirect to another origin after sign-in. */
const safeCallback = (url?: string) => (url && url.startsWith("/") && !url.startsWith("//") ? url : "/");

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const at = Date.now();
  const t = await getTranslations("signInForm");
  const parsed = signInSchema(t).safeParse(Object.fromEntries(formData));
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success)
    return {
      ok: false,
      at,
      values,
      fieldErrors: fieldErrorsOf(parsed.error),
      message: t("bothMissing"),
    };
  try {
    await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return { ok: true, at };
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      const until = await throttleUntil(getDb(), parsed.data.email, clientIp(await headers()) ?? "unknown");
      const message = until ? t("throttledForMinutes", { minutes: minutesLeft(until) }) : t("throttledForAWhile");
      return { ok: false, at, values, message };
    }
    if (error instanceof CredentialsSignin && error.code === "use_single_sign_on") {
      const signOn = await getTranslations("singleSignOn");
      return { ok: false, at, values, message: signOn("passwordSignInOff") };
    }
    if (error instanceof AuthError) {
      return { ok: false, at, values, message: t("wrongCredentials") };
    }
    throw error;
  }
}
