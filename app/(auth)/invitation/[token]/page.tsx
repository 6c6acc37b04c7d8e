import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { accountLinkForToken, LINK_PROBLEMS } from "@/lib/data/invitations";
import { ACCOUNT_LINK_LIFETIME_DAYS } from "@/lib/domain/account-link";
import { problemSentence, requestWords } from "@/lib/refusal-words";
import { AuthFrame } from "../../auth-frame";
import { LinkPasswordForm } from "../../link-password-form";
import { acceptAccountLinkAction } from "./actions";

// The token is in the address: never send it on to another site, never index it.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("invitation");
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function AccountLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await accountLinkForToken(getDb(), token);
  const t = await getTranslations("invitation");
  if (link.state !== "usable") {
    // Why the link cannot be used, in the reader's words (the English sentence is the data layer's).
    const words = await requestWords();
    const message = words
      ? problemSentence(words, LINK_PROBLEMS[link.state], link.message, { days: ACCOUNT_LINK_LIFETIME_DAYS })
      : link.message;
    return (
      <AuthFrame heading={t("unusable")}>
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {message}
        </p>
        <p className="mt-4 text-sm text-slate-600">
          {t("alreadyHavePassword")}{" "}
          <Link href="/sign-in" className="text-brand-700 underline">
            {t("signIn")}
          </Link>
        </p>
      </AuthFrame>
    );
  }
  const invite = link.purpose === "invite";
  return (
    <AuthFrame heading={invite ? t("welcome") : t("chooseNew")}>
      <p className="text-sm text-slate-700">{invite ? t("inviteIntro") : t("resetIntro")}</p>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-slate-50 px-3 py-2 text-sm">
        <dt className="text-slate-600">{t("name")}</dt>
        <dd className="font-medium text-slate-900">{link.name}</dd>
        <dt className="text-slate-600">{t("email")}</dt>
        <dd className="break-all font-medium text-slate-900">{link.email}</dd>
      </dl>
      <div className="mt-5">
        <LinkPasswordForm
          action={acceptAccountLinkAction}
          token={token}
          email={link.email}
          submitLabel={invite ? t("setMine") : t("setNew")}
        />
      </div>
    </AuthFrame>
  );
}
