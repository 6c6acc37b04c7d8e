import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { passwordResetLink } from "@/lib/data/password-resets";
import { AuthFrame } from "../../auth-frame";
import { LinkPasswordForm } from "../../link-password-form";
import { resetPasswordAction } from "./actions";

// The token is in the address: never send it on to another site, never index it.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("resetPassword");
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await passwordResetLink(getDb(), token);
  const t = await getTranslations("resetPassword");
  if (link.state !== "usable") {
    const why =
      link.state === "used"
        ? t("used")
        : link.state === "expired"
          ? t("expired")
          : link.state === "superseded"
            ? t("superseded")
            : t("unknown");
    return (
      <AuthFrame heading={t("unusable")}>
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {why}
        </p>
        <p className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/forgot-password" className="text-brand-700 underline">
            {t("askAgain")}
          </Link>
          <Link href="/sign-in" className="text-brand-700 underline">
            {t("signIn")}
          </Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame heading={t("heading")}>
      <p className="mb-4 text-sm text-slate-700">{t("intro", { email: link.email })}</p>
      <LinkPasswordForm action={resetPasswordAction} token={token} email={link.email} submitLabel={t("submit")} />
    </AuthFrame>
  );
}
