"use client";

import { useActionState } from "react";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { changePasswordAction } from "./actions";

export function PasswordForm() {
  const [state, action] = useActionState(changePasswordAction, initialFormState);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid max-w-md gap-3" noValidate>
      <FormMessage state={state} />
      <Input label="Current password" name="currentPassword" type="password" autoComplete="current-password" errors={e.currentPassword} />
      <Input label="New password" name="newPassword" type="password" autoComplete="new-password" errors={e.newPassword} hint="At least 10 characters." />
      <Input label="Repeat the new password" name="confirmPassword" type="password" autoComplete="new-password" errors={e.confirmPassword} />
      <p className="text-xs text-slate-600">Changing your password signs out every session of your account, including this one.</p>
      <div>
        <SubmitButton>Change password</SubmitButton>
      </div>
    </form>
  );
}
