"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { changeOwnPassword } from "@/lib/data/accounts";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, formDataToObject, type FormState } from "@/lib/guard";
import { currentAccount, requestContext } from "@/lib/session";
import { changePasswordSchema } from "@/lib/validation/accounts";

/**
 * The one action an account that must change its password can run (the usual guard refuses it
 * everything). Changing the password ends the session, so the person is signed in again with
 * the new one and goes on to the app.
 */
export async function choosePasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const at = Date.now();
  const t = await getTranslations("passwordForm");
  const account = await currentAccount();
  if (!account) return { ok: false, at, message: t("sessionEnded") };
  const parsed = changePasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success)
    return {
      ok: false,
      at,
      message: t("correctFields"),
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  try {
    await changeOwnPassword(
      getDb(),
      await requestContext(account.actor),
      parsed.data.currentPassword,
      parsed.data.newPassword,
    );
  } catch (error) {
    if (error instanceof AppError)
      return { ok: false, at, message: error.message, fieldErrors: error.details?.fieldErrors };
    throw error;
  }
  try {
    await signIn("credentials", { email: account.actor.email, password: parsed.data.newPassword, redirectTo: "/" });
  } catch (error) {
    // signIn answers success with a redirect (thrown); only a refusal lands here.
    if (error instanceof AuthError) redirect("/sign-in?reason=password-changed");
    throw error;
  }
  return { ok: true, at };
}
