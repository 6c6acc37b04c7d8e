"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { unsubscribe } from "@/lib/data/email-preferences";
import { clientIp, userAgent } from "@/lib/request";

/** The confirmation page's button: the token is the credential, nobody needs to be signed in. */
export async function unsubscribeAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const h = await headers();
  const done = await unsubscribe(getDb(), token, { ip: clientIp(h), userAgent: userAgent(h) });
  redirect(`/unsubscribe?token=${encodeURIComponent(token)}${done ? "&done=1" : ""}`);
}
