import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { getDb } from "@/db/client";
import { unsubscribeLink } from "@/lib/data/email-preferences";
import { kindLabel } from "@/lib/outbox/email-content";
import { AuthFrame } from "../auth-frame";
import { unsubscribeAction } from "./actions";

// The token is in the address: never send it on to another site, never index it.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribePage");
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string; done?: string }>;
}) {
  const { token = "", done } = await searchParams;
  const t = await getTranslations("unsubscribePage");
  const kinds = await getTranslations("emailKinds");
  const link = await unsubscribeLink(getDb(), token);
  const settings = (
    <p className="mt-4 text-sm">
      <Link href="/settings#email" className="text-brand-700 underline">
        {t("settings")}
      </Link>
    </p>
  );
  if (link.state !== "valid")
    return (
      <AuthFrame heading={t("title")}>
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("invalid")}
        </p>
        {settings}
      </AuthFrame>
    );
  const kind = kindLabel((key) => kinds(key), link.kind);
  if (done)
    return (
      <AuthFrame heading={t("title")}>
        <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("done", { kind, email: link.email })}
        </p>
        {settings}
      </AuthFrame>
    );
  return (
    <AuthFrame heading={t("heading")}>
      <form action={unsubscribeAction} className="space-y-4">
        <p className="text-sm text-slate-700">{t("question", { kind, email: link.email })}</p>
        <input type="hidden" name="token" value={token} />
        <Button type="submit" className="w-full">
          {t("confirm")}
        </Button>
      </form>
      {settings}
    </AuthFrame>
  );
}
