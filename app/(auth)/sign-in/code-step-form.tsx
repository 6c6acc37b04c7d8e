"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { codeStepAction } from "./actions";

/** The second step of a sign-in with two-factor: the code from the app, or a recovery code. */
export function CodeStepForm({ callbackUrl, onRestart }: { callbackUrl?: string; onRestart: () => void }) {
  const { state, onSubmit, pending } = useActionForm(codeStepAction);
  const t = useTranslations("twoFactor");
  const expired = !state.ok && (state.data as { step?: string } | undefined)?.step === "password";
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <h2 className="text-base font-semibold text-slate-900">{t("codeStepTitle")}</h2>
      <p className="text-sm text-slate-700">{t("codeStepIntro")}</p>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      {expired ? null : (
        <>
          <Input
            label={t("codeLabel")}
            name="code"
            inputMode="text"
            autoComplete="one-time-code"
            autoFocus
            required
            hint={t("codeHint")}
            errors={state.fieldErrors?.code}
          />
          <SubmitButton className="w-full" pendingLabel={t("verifying")} pending={pending}>
            {t("verify")}
          </SubmitButton>
        </>
      )}
      <button type="button" onClick={onRestart} className="text-sm text-brand-700 underline">
        {t("backToPassword")}
      </button>
    </form>
  );
}
