"use client";

import { useTranslations } from "next-intl";
import { NewPasswordFields } from "@/components/new-password-fields";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { FormState } from "@/lib/guard";
import { useActionForm } from "@/components/ui/use-action-form";

/**
 * The new password of a one-time link (an invitation, a reset, "forgot password"): the page passes
 * the server action that checks the link and sets it.
 */
export function LinkPasswordForm({
  action,
  token,
  email,
  submitLabel,
}: {
  action: (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>;
  token: string;
  email: string;
  submitLabel: string;
}) {
  const { state, onSubmit, pending } = useActionForm(action);
  const t = useTranslations("passwordForm");
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <NewPasswordFields errors={state.fieldErrors} autoFocus />
      <SubmitButton className="w-full" pendingLabel={t("saving")} pending={pending}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
