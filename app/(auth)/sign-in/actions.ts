"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { cookies, headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { minutesLeft, throttleUntil } from "@/lib/data/sign-in";
import { fieldErrorsOf, type FormState } from "@/lib/guard";
import { SECOND_STEP_COOKIE } from "@/lib/data/two-factor-step";
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
    // The password was right; the second-step cookie is set and the page asks for the code.
    if (error instanceof CredentialsSignin && error.code === "code_required") {
      return { ok: false, at, values, data: { step: "code" } };
    }
    if (error instanceof AuthError) {
      return { ok: false, at, values, message: t("wrongCredentials") };
    }
    throw error;
  }
}

const codeSchema = z.object({ code: z.string().trim().min(1).max(40), callbackUrl: z.string().optional() });

/** The code step: redeems the second-step cookie with a code (or a recovery code) through Auth.js. */
export async function codeStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const at = Date.now();
  const codeWords = await getTranslations("twoFactor");
  const signInWords = await getTranslations("signInForm");
  const parsed = codeSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return { ok: false, at, fieldErrors: { code: [codeWords("codeMissing")] }, message: codeWords("codeMissing") };
  try {
    await signIn("credentials", {
      step: "code",
      code: parsed.data.code,
      redirectTo: safeCallback(parsed.data.callbackUrl),
    });
    return { ok: true, at };
  } catch (error) {
    if (error instanceof CredentialsSignin) {
      switch (error.code) {
        case "wrong_code":
          return { ok: false, at, message: codeWords("wrongCode"), fieldErrors: { code: [codeWords("wrongCode")] } };
        case "reused_code":
          return { ok: false, at, message: codeWords("reusedCode"), fieldErrors: { code: [codeWords("reusedCode")] } };
        case "throttled":
          return { ok: false, at, message: signInWords("throttledForAWhile") };
        default:
          // The five minutes are over, or the password changed meanwhile: start again with the password.
          (await cookies()).delete(SECOND_STEP_COOKIE);
          return { ok: false, at, message: codeWords("stepExpired"), data: { step: "password" } };
      }
    }
    if (error instanceof AuthError)
      return { ok: false, at, message: codeWords("stepExpired"), data: { step: "password" } };
    throw error;
  }
}
