import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { emailConfigured } from "@/lib/mail";
import { AuthFrame } from "../auth-frame";
import { ForgotPasswordForm } from "./forgot-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("forgotPassword");
  return { title: t("title"), robots: { index: false, follow: false } };
}

// Read at request time: whether SMTP is configured is the running server's, not the build's.
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  const t = await getTranslations("forgotPassword");
  return (
    <AuthFrame heading={t("heading")}>
      {emailConfigured() ? (
        <ForgotPasswordForm />
      ) : (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("notAvailable")}
        </p>
      )}
      <p className="mt-4 text-sm">
        <Link href="/sign-in" className="text-brand-700 underline">
          {t("backToSignIn")}
        </Link>
      </p>
    </AuthFrame>
  );
}
