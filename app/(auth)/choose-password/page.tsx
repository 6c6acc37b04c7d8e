import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/components/shell/sign-out-action";
import { currentAccount } from "@/lib/session";
import { AuthFrame } from "../auth-frame";
import { ChoosePasswordForm } from "./choose-password-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("choosePassword");
  return { title: t("title") };
}

/** Where an account whose password an administrator set is held until its person chooses their own. */
export default async function ChoosePasswordPage() {
  const account = await currentAccount();
  if (!account) redirect("/sign-in");
  if (!account.mustChangePassword) redirect("/");
  const t = await getTranslations("choosePassword");
  return (
    <AuthFrame heading={t("title")}>
      <p className="text-sm text-slate-700">
        {t.rich("intro", {
          email: account.actor.email,
          strong: (chunks) => <strong className="font-medium text-slate-900">{chunks}</strong>,
        })}
      </p>
      <div className="mt-5">
        <ChoosePasswordForm email={account.actor.email} />
      </div>
      <form action={signOutAction} className="mt-4 text-center">
        <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-900">
          {t("signOut")}
        </button>
      </form>
    </AuthFrame>
  );
}
