"use client";

import { useTranslations } from "next-intl";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { signInAction } from "./actions";

export function SignInForm({ callbackUrl, email }: { callbackUrl?: string; email?: string }) {
  const { state, onSubmit, pending } = useActionForm(signInAction);
  const t = useTranslations("signInForm");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <Input
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.values?.email ?? email}
        errors={state.fieldErrors?.email}
        autoFocus={!email}
      />
      <Input
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={state.fieldErrors?.password}
        autoFocus={Boolean(email)}
      />
      <SubmitButton className="w-full" pendingLabel={t("submitting")} pending={pending}>
        {t("submit")}
      </SubmitButton>
    </form>
  );
}
