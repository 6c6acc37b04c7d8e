"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { choosePasswordAction } from "./actions";

export function ChoosePasswordForm({ email }: { email: string }) {
  const { state, onSubmit, pending } = useActionForm(choosePasswordAction);
  const e = state.fieldErrors ?? {};
  const t = useTranslations("passwordForm");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <Input
        label={t("givenPassword")}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={e.currentPassword}
        autoFocus
      />
      <NewPasswordFields errors={e} />
      <SubmitButton className="w-full" pendingLabel={t("saving")} pending={pending}>
        {t("saveAndContinue")}
      </SubmitButton>
    </form>
  );
}
