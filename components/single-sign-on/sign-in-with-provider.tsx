// The sign-in page's single sign-on part: why a single sign-on was refused (the callback sends the
// reason back as ?sso=), and the "Sign in with …" button when a provider is configured.
import { getTranslations } from "next-intl/server";
import { signInWithSingleSignOnAction } from "@/app/(auth)/sign-in/single-sign-on-actions";
import { buttonClass } from "@/components/ui/button";
import { SIGN_ON_REFUSALS, type SignOnRefusal } from "@/lib/domain/single-sign-on";
import { singleSignOnSettings } from "@/lib/single-sign-on";

const isRefusal = (reason: string | undefined): reason is SignOnRefusal =>
  (SIGN_ON_REFUSALS as readonly string[]).includes(reason ?? "");

export async function SignInWithProvider({ reason, callbackUrl }: { reason?: string; callbackUrl?: string }) {
  const settings = singleSignOnSettings();
  const t = await getTranslations("singleSignOn");
  const refusals: Record<SignOnRefusal, string> = {
    unverified_email: t("refusedUnverifiedEmail"),
    no_account: t("refusedNoAccount"),
    disabled: t("refusedDisabled"),
    provider_error: t("refusedProviderError"),
  };
  return (
    <>
      {isRefusal(reason) ? (
        <p role="alert" className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {refusals[reason]}
        </p>
      ) : null}
      {settings ? (
        <form action={signInWithSingleSignOnAction} className="mb-5">
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
          <button type="submit" className={buttonClass("secondary", "md", "w-full")}>
            {t("signInWith", { name: settings.displayName })}
          </button>
          <p className="mt-4 flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
            <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
            {t("orWithPassword")}
            <span aria-hidden="true" className="h-px flex-1 bg-slate-200" />
          </p>
        </form>
      ) : null}
    </>
  );
}
