import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/components/shell/sign-out-action";
import { currentAccount } from "@/lib/session";
import { AuthFrame } from "../auth-frame";
import { ChoosePasswordForm } from "./choose-password-form";

export const metadata: Metadata = { title: "Choose your password" };

/** Where an account whose password an administrator set is held until its person chooses their own. */
export default async function ChoosePasswordPage() {
  const account = await currentAccount();
  if (!account) redirect("/sign-in");
  if (!account.mustChangePassword) redirect("/");
  return (
    <AuthFrame heading="Choose your password">
      <p className="text-sm text-slate-700">
        Signed in as <strong className="font-medium text-slate-900">{account.actor.email}</strong>. Your password was
        set by an administrator, so only you should know the next one: choose your own before you continue.
      </p>
      <div className="mt-5">
        <ChoosePasswordForm email={account.actor.email} />
      </div>
      <form action={signOutAction} className="mt-4 text-center">
        <button type="submit" className="text-sm text-slate-600 underline hover:text-slate-900">
          Sign out
        </button>
      </form>
    </AuthFrame>
  );
}
