"use client";

import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const { state, onSubmit, pending } = useActionForm(changePasswordAction);
  const e = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="grid max-w-md gap-3" noValidate>
      <FormMessage state={state} />
      <Input
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        errors={e.currentPassword}
      />
      <Input
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        errors={e.newPassword}
        hint="At least 10 characters."
      />
      <Input
        label="Repeat the new password"
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        errors={e.confirmPassword}
      />
      <p className="text-xs text-slate-600">
        Changing your password signs out every session of your account, including this one.
      </p>
      <div>
        <SubmitButton pending={pending}>Change password</SubmitButton>
      </div>
    </form>
  );
}
