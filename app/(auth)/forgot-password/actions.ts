"use server";

import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { getDb } from "@/db/client";
import { requestPasswordReset } from "@/lib/data/password-resets";
import type { FormState } from "@/lib/guard";
import { requestOrigin } from "@/lib/https";
import { emailConfigured } from "@/lib/mail";
import { clientIp } from "@/lib/request";

/**
 * Nobody is signed in here. The answer is the same whether or not the address has an account, and
 * whether or not the throttle stopped the email, so it tells nobody which addresses exist.
 */
export async function requestPasswordResetAction(
  _previous: FormState,
  formData: FormData,
): Promise<FormState<{ email: string }>> {
  const at = Date.now();
  const t = await getTranslations("forgotPassword");
  if (!emailConfigured()) return { ok: false, at, message: t("notAvailable") };
  const parsed = z.string().trim().toLowerCase().email().max(200).safeParse(formData.get("email"));
  if (!parsed.success)
    return { ok: false, at, message: t("invalidEmail"), fieldErrors: { email: [t("invalidEmail")] } };
  const h = await headers();
  await requestPasswordReset(getDb(), { email: parsed.data, ip: clientIp(h), origin: requestOrigin(h) });
  return { ok: true, at, data: { email: parsed.data } };
}
