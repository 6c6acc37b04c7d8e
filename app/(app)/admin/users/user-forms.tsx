"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createUserAction, resetPasswordAction, setDisabledAction } from "./actions";

export function CreateUserForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const { state, onSubmit, pending, formKey } = useActionForm(createUserAction);
  const [role, setRole] = useState("staff");
  const e = state.fieldErrors ?? {};
  return (
    <form key={formKey} onSubmit={onSubmit} className="grid gap-3 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage state={state} success="Account created." />
      </div>
      <Input label="Email" name="email" type="email" errors={e.email} />
      <Input label="Name" name="name" errors={e.name} />
      <Select
        label="Role"
        name="role"
        defaultValue={role}
        onChange={(ev) => setRole(ev.target.value)}
        errors={e.role}
        options={[
          { value: "staff", label: "Vendor staff" },
          { value: "admin", label: "Administrator" },
          { value: "client", label: "Client account" },
        ]}
      />
      <Select
        label="Client organisation"
        name="organizationId"
        disabled={role !== "client"}
        errors={e.organizationId}
        placeholder={role === "client" ? "Choose…" : "Not for vendor accounts"}
        options={role === "client" ? organizations.map((o) => ({ value: o.id, label: o.name })) : []}
      />
      <Input label="Initial password" name="password" type="password" autoComplete="new-password" errors={e.password} hint="At least 10 characters; share it safely and ask the user to change it." />
      <div className="flex items-end">
        <SubmitButton pending={pending}>Create account</SubmitButton>
      </div>
    </form>
  );
}

export function UserActions({ userId, email, disabled, self }: { userId: string; email: string; disabled: boolean; self: boolean }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const reset = useActionForm(resetPasswordAction);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Dialog title={`Reset the password of ${email}`} description="Every session of this account will be signed out." trigger={<Button variant="secondary" size="sm">Reset password</Button>}>
        <form key={reset.formKey} onSubmit={reset.onSubmit} className="grid gap-3" noValidate>
          <FormMessage state={reset.state} success="Password reset. Sessions of this account were signed out." />
          <input type="hidden" name="userId" value={userId} />
          <Input label="New password" name="password" type="password" autoComplete="new-password" errors={reset.state.fieldErrors?.password} />
          <div>
            <SubmitButton pending={reset.pending}>Reset password</SubmitButton>
          </div>
        </form>
      </Dialog>
      {self ? null : disabled ? (
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => startTransition(async () => {
          const r = await setDisabledAction({ userId, disabled: false });
          setError(r.ok ? null : (r.message ?? "Failed"));
        })}>
          Enable
        </Button>
      ) : (
        <ConfirmDialog
          trigger={<Button variant="danger" size="sm" disabled={pending}>Disable</Button>}
          title={`Disable ${email}?`}
          description="The account is signed out everywhere at once and its API tokens stop working. You can enable it again later."
          confirmLabel="Disable account"
          onConfirm={() => startTransition(async () => {
            const r = await setDisabledAction({ userId, disabled: true });
            setError(r.ok ? null : (r.message ?? "Failed"));
          })}
        />
      )}
      {error ? <span role="alert" className="text-xs text-red-700">{error}</span> : null}
    </div>
  );
}
