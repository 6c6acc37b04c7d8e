"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createTokenAction, revokeTokenAction, signOutEverywhereAction } from "./actions";

/** A token with its dates already in the reader's words (formatted on the server: the page ships no formatter). */
export type ListedToken = {
  id: string;
  name: string;
  prefix: string;
  created: string;
  lastUsed: string | null;
  revoked: string | null;
};

export function TokensPanel({ tokens }: { tokens: ListedToken[] }) {
  const { state, onSubmit, pending: creating, formKey } = useActionForm(createTokenAction);
  const t = useTranslations("settingsTokens");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const created = state.ok && typeof state.data === "string" ? state.data : null;
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="rounded-md border border-green-200 bg-green-50 p-3 text-sm text-green-900">
          <p className="font-medium">{t("newToken")}</p>
          <code data-testid="new-token" className="mt-2 block break-all rounded bg-white p-2 font-mono text-xs">
            {created}
          </code>
        </div>
      ) : null}
      <form key={formKey} onSubmit={onSubmit} className="flex flex-wrap items-end gap-2" noValidate>
        <Input
          label={t("name")}
          name="name"
          placeholder={t("namePlaceholder")}
          errors={state.fieldErrors?.name}
          className="w-64"
        />
        <SubmitButton pendingLabel={t("creating")} pending={creating}>
          {t("create")}
        </SubmitButton>
      </form>
      {!state.ok ? <FormMessage state={state} /> : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {tokens.map((token) => (
            <li key={token.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <div>
                <p className="font-medium">
                  {token.name} <span className="font-mono text-xs text-slate-500">{token.prefix}…</span>
                </p>
                <p className="text-xs text-slate-600">
                  {t("created", { date: token.created })} ·{" "}
                  {token.lastUsed ? t("lastUsed", { dateTime: token.lastUsed }) : t("neverUsed")}
                  {token.revoked ? ` · ${t("revokedOn", { date: token.revoked })}` : ""}
                </p>
              </div>
              {token.revoked ? (
                <span className="text-xs text-slate-500">{t("revoked")}</span>
              ) : (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm" disabled={pending}>
                      {t("revoke")}
                    </Button>
                  }
                  title={t("revokeTitle", { name: token.name })}
                  description={t("revokeDescription")}
                  confirmLabel={t("revokeConfirm")}
                  onConfirm={() =>
                    startTransition(async () => {
                      const result = await revokeTokenAction({ tokenId: token.id });
                      setError(result.ok ? null : (result.message ?? t("revokeFailed")));
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
  const words = useTranslations("settingsSessions");
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" disabled={pending}>
          {words("signOutEverywhere")}
        </Button>
      }
      title={words("confirmTitle")}
      description={words("confirmDescription")}
      confirmLabel={words("signOutEverywhere")}
      onConfirm={() => startTransition(() => void signOutEverywhereAction())}
    />
  );
}
