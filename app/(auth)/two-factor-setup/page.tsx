import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/components/shell/sign-out-action";
import { TwoFactorSection } from "@/app/(app)/settings/two-factor-section";
import { CHOOSE_PASSWORD_PATH, currentAccount } from "@/lib/session";
import { AuthFrame } from "../auth-frame";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("twoFactor");
  return { title: t("setupTitle") };
}

/** Where an account the two-factor policy covers is held, right after its password, until it has enrolled. */
export default async function TwoFactorSetupPage() {
  const account = await currentAccount();
  if (!account) redirect("/sign-in");
  if (account.mustChangePassword) redirect(CHOOSE_PASSWORD_PATH);
  const t = await getTranslations("twoFactor");
  return (
    <AuthFrame heading={t("setupTitle")}>
      <p className="mb-4 text-sm text-slate-600">{t("setupIntro", { email: account.actor.email })}</p>
      <TwoFactorSection actor={account.actor} />
      {account.mustEnrolTwoFactor ? null : (
        <p className="mt-4 text-center text-sm">
          <Link href="/" className="text-brand-700 underline">
            {t("continue")}
          </Link>
        </p>
      )}
      <form action={signOutAction} className="mt-4 text-center">
        <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-900">
          {t("signOut")}
        </button>
      </form>
    </AuthFrame>
  );
}
