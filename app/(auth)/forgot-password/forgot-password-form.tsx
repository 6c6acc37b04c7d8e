"use client";

import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { requestPasswordResetAction } from "./actions";

export function ForgotPasswordForm() {
  const t = useTranslations("forgotPassword");
  const { state, onSubmit, pending } = useActionForm(requestPasswordResetAction);
  if (state.ok && state.data)
    return (
      <p role="status" className="rounded-md border border-green-200 bg-green-50 px-3 py-2 text-sm text-green-900">
        {t("sent", { email: state.data.email })}
      </p>
    );
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <p className="text-sm text-slate-700">{t("intro")}</p>
      <FormMessage state={state} />
      <Input
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus
        errors={state.fieldErrors?.email}
      />
      <SubmitButton className="w-full" pendingLabel={t("sending")} pending={pending}>
        {t("send")}
      </SubmitButton>
    </form>
  );
}
