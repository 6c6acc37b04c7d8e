"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const { state, onSubmit, pending } = useActionForm(changePasswordAction);
  const t = useTranslations("settingsPassword");
  const e = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-3" noValidate>
      <FormMessage state={state} success={t("changed")} />
      <Input
        label={t("currentPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={e.currentPassword}
      />
      <NewPasswordFields errors={e} />
      <p className="text-xs text-slate-600">{t("signsOutEverywhere")}</p>
      <div>
        <SubmitButton pending={pending}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
