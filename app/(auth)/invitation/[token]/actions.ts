"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { acceptAccountLink } from "@/lib/data/invitations";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf, formDataToObject, type FormState } from "@/lib/guard";
import { clientIp, userAgent } from "@/lib/request";
import { acceptAccountLinkSchema } from "@/lib/validation/accounts";

/** Nobody is signed in here: the link itself is the credential, checked in lib/data. */
export async function acceptAccountLinkAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const at = Date.now();
  const t = await getTranslations("passwordForm");
  const parsed = acceptAccountLinkSchema.safeParse(formDataToObject(formData));
  if (!parsed.success)
    return {
      ok: false,
      at,
      message: t("correctFields"),
      fieldErrors: fieldErrorsOf(parsed.error),
    };
  const h = await headers();
  let email: string;
  try {
    ({ email } = await acceptAccountLink(getDb(), parsed.data, { ip: clientIp(h), userAgent: userAgent(h) }));
  } catch (error) {
    if (error instanceof AppError) return { ok: false, at, message: error.message };
    throw error;
  }
  redirect(`/sign-in?reason=password-set&email=${encodeURIComponent(email)}`);
}
