import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInWithProvider } from "@/components/single-sign-on/sign-in-with-provider";
import { DEMO_ACCOUNTS, DEMO_ADMIN_AUTHENTICATOR_KEY, DEMO_TWO_FACTOR_EMAIL } from "@/db/seed/accounts";
import { DEMO_PASSWORD, isDemoMode } from "@/lib/env";
import { secondStepWaiting } from "@/lib/data/two-factor-step";
import { emailConfigured } from "@/lib/mail";
import { CHOOSE_PASSWORD_PATH, currentAccount, TWO_FACTOR_SETUP_PATH } from "@/lib/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signIn");
  return { title: t("title") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reason?: string; email?: string; sso?: string }>;
}) {
  const { callbackUrl, reason, email, sso } = await searchParams;
  const account = await currentAccount();
  if (account?.mustChangePassword) redirect(CHOOSE_PASSWORD_PATH);
  if (account?.mustEnrolTwoFactor) redirect(TWO_FACTOR_SETUP_PATH);
  if (account) redirect(callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/");
  const demo = isDemoMode();
  const t = await getTranslations("signIn");
  const words = await getTranslations("twoFactor");
  const codeStep = !account && (await secondStepWaiting());
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-md space-y-6">
        <div className="text-center">
          <p className="text-3xl font-semibold tracking-tight text-brand-800">Lightgate</p>
          <h1 className="mt-1 text-sm text-slate-600">{t("tagline")}</h1>
        </div>
        {reason === "password-changed" ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("passwordChanged")}
          </p>
        ) : null}
        {reason === "password-set" ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("passwordSet")}
          </p>
        ) : null}
        {reason === "signed-out-everywhere" ? (
          <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-800">
            {t("signedOutEverywhere")}
          </p>
        ) : null}
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {codeStep ? null : <SignInWithProvider reason={sso} callbackUrl={callbackUrl} />}
          <SignInForm callbackUrl={callbackUrl} email={email} codeStep={codeStep} />
          {/* With email on, the form's "Forgot password?" link sends the reset link itself. */}
          {emailConfigured() ? null : <p className="mt-4 text-sm text-slate-600">{t("forgotPassword")}</p>}
        </div>
        {demo ? (
          <section
            aria-labelledby="demo-accounts"
            className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950"
          >
            <h2 id="demo-accounts" className="font-semibold">
              {t("demoMode")}
            </h2>
            <p className="mt-1">
              {t("demoPassword")} <code className="rounded bg-white px-1 font-mono">{DEMO_PASSWORD}</code>.
            </p>
            <ul className="mt-2 grid grid-cols-1 gap-x-4 gap-y-0.5 font-mono text-xs sm:grid-cols-2">
              {DEMO_ACCOUNTS.filter((a) => a.listed).map((a) => (
                <li key={a.email}>{a.email}</li>
              ))}
            </ul>
            <p className="mt-2">
              {words.rich("demoKey", {
                email: DEMO_TWO_FACTOR_EMAIL,
                code: (chunks) => <code className="break-all rounded bg-white px-1 font-mono">{chunks}</code>,
              })}{" "}
              <code data-testid="demo-authenticator-key" className="break-all rounded bg-white px-1 font-mono">
                {DEMO_ADMIN_AUTHENTICATOR_KEY}
              </code>
            </p>
          </section>
        ) : null}
      </div>
    </main>
  );
}
