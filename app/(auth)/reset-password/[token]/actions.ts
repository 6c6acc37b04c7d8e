"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { resetPassword } from "@/lib/data/password-resets";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, formDataToObject, type FormState } from "@/lib/guard";
import { problemSentence, requestWords } from "@/lib/refusal-words";
import { clientIp, userAgent } from "@/lib/request";
import { acceptAccountLinkSchema } from "@/lib/validation/accounts";

/** Nobody is signed in here: the emailed link is the credential, checked in lib/data. */
export async function resetPasswordAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const at = Date.now();
  const t = await getTranslations("passwordForm");
  // The same rules as every other new password (length, repeated the same).
  const parsed = acceptAccountLinkSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { ok: false, at, message: t("correctFields"), fieldErrors: fieldErrorsOf(parsed.error) };
  const h = await headers();
  let email: string;
  try {
    ({ email } = await resetPassword(getDb(), parsed.data, { ip: clientIp(h), userAgent: userAgent(h) }));
  } catch (error) {
    if (error instanceof AppError) {
      const words = await requestWords();
      const saying = error.saying;
      const message =
        words && saying && "problem" in saying ? problemSentence(words, saying.problem, error.message) : error.message;
      return { ok: false, at, message };
    }
    throw error;
  }
  redirect(`/sign-in?reason=password-set&email=${encodeURIComponent(email)}`);
}
