"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth";
import { recordSignOnFailure } from "@/lib/data/single-sign-on";
import { clientIp, userAgent } from "@/lib/request";
import { SINGLE_SIGN_ON_PROVIDER_ID } from "@/lib/single-sign-on";
import { refusedSignOnPath } from "@/lib/single-sign-on-auth";

/** Only same-site paths: never redirect to another origin after sign-in. */
const safeCallback = (url: FormDataEntryValue | null) =>
  typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "/";

/**
 * Starts single sign-on: Auth.js sets the state, PKCE and nonce cookies and sends the browser to the
 * provider. When that fails (the provider unreachable, its discovery document wrong) the person is
 * told so on the sign-in page and the failure is audited, instead of an error page.
 */
export async function signInWithSingleSignOnAction(formData: FormData) {
  try {
    await signIn(SINGLE_SIGN_ON_PROVIDER_ID, { redirectTo: safeCallback(formData.get("callbackUrl")) });
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    const h = await headers();
    await recordSignOnFailure(getDb(), { ip: clientIp(h), userAgent: userAgent(h) }, error.type);
    redirect(refusedSignOnPath("provider_error"));
  }
}
