"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { throttleUntil } from "@/lib/data/sign-in";
import { fieldErrorsOf, type FormState } from "@/lib/guard";
import { clientIp } from "@/lib/request";

const schema = z.object({
  email: z.string().trim().toLowerCase().email("Enter your email address."),
  password: z.string().min(1, "Enter your password."),
  callbackUrl: z.string().optional(),
});

/** Only same-site paths: never redirect to another origin after sign-in. */
const safeCallback = (url?: string) => (url && url.startsWith("/") && !url.startsWith("//") ? url : "/");

export async function signInAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const at = Date.now();
  const parsed = schema.safeParse(Object.fromEntries(formData));
  const values = { email: String(formData.get("email") ?? "") };
  if (!parsed.success)
    return {
      ok: false,
      at,
      values,
      fieldErrors: fieldErrorsOf(parsed.error),
      message: "Enter your email and password.",
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
      const when = until ? ` after ${until.toISOString().slice(11, 16)} UTC` : " in 15 minutes";
      return {
        ok: false,
        at,
        values,
        message:
          `Too many failed attempts for this account from your address. For your security, sign-in is ` +
          `paused: try again${when}.`,
      };
    }
    if (error instanceof AuthError) {
      return { ok: false, at, values, message: "The email or password is not correct." };
    }
    throw error;
  }
}
