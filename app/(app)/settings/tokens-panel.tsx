"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTokenAction, revokeTokenAction, signOutEverywhereAction } from "./actions";
import { formatDate, formatDateTime } from "@/lib/display-format";

type Token = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export function TokensPanel({ tokens }: { tokens: Token[] }) {
  const { state, onSubmit, pending: creating, formKey } = useActionForm(createTokenAction);
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const created = state.ok && typeof state.data === "string" ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p className="font-medium">Your new token. Copy it now: it will not be shown again.</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs">
            {created}
          </code>
        </div>
      ) : null}
      <form key={formKey} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
        <Input
          label="Token name"
          name="name"
          placeholder="e.g. CI integration"
          errors={state.fieldErrors?.name}
          className="w-64"
        />
        <SubmitButton pendingLabel="Creating…" pending={creating}>
          Create token
        </SubmitButton>
      </form>
      {!state.ok ? <FormMessage state={state} /> : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">You have no API tokens.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {tokens.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div>
                <p className="font-medium">
                  {t.name} <span className="font-mono text-xs text-slate-500">{t.prefix}…</span>
                </p>
                <p className="text-xs text-slate-600">
                  Created {formatDate(t.createdAt)} ·{" "}
                  {t.lastUsedAt ? `last used ${formatDateTime(t.lastUsedAt)}` : "never used"}
                  {t.revokedAt ? ` · revoked ${formatDate(t.revokedAt)}` : ""}
                </p>
              </div>
              {t.revokedAt ? (
                <span className="text-xs text-slate-500">Revoked</span>
              ) : (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm" disabled={pending}>
                      Revoke
                    </Button>
                  }
                  title={`Revoke “${t.name}”?`}
                  description="Programs using this token will be refused from now on. This cannot be undone."
                  confirmLabel="Revoke token"
                  onConfirm={() =>
                    startTransition(async () => {
                      const result = await revokeTokenAction({ tokenId: t.id });
                      setError(result.ok ? null : (result.message ?? "Could not revoke."));
                    })
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SignOutEverywhere() {
  const [pending, startTransition] = useTransition();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" disabled={pending}>
          Sign out everywhere
        </Button>
      }
      title="Sign out every session?"
      description={
        "Every browser signed in to your account, this one included, will have to sign in again. API " +
        "tokens are not affected."
      }
      confirmLabel="Sign out everywhere"
      onConfirm={() => startTransition(() => void signOutEverywhereAction())}
    />
  );
}
