"use client";

// One account's password sign-in, on the administrator's accounts page: on (password or single
// sign-on) or off (single sign-on only). Turning it off asks for confirmation.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setPasswordSignInAction } from "@/app/(app)/admin/users/password-sign-in-actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

type Props = { userId: string; email: string; enabled: boolean; configured: boolean; self: boolean };

export function PasswordSignInSwitch({ userId, email, enabled, configured, self }: Props) {
  const t = useTranslations("singleSignOnAdmin");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const set = (value: boolean) =>
    startTransition(async () => {
      const r = await setPasswordSignInAction({ userId, enabled: value });
      setError(r.ok ? null : (r.message ?? t("failed")));
    });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {enabled ? <Badge tone="neutral">{t("passwordOrSso")}</Badge> : <Badge tone="info">{t("ssoOnly")}</Badge>}
      {!enabled ? (
        <Button variant="secondary" size="sm" disabled={pending} onClick={() => set(true)}>
          {t("allowPassword")}
        </Button>
      ) : configured && !self ? (
        <ConfirmDialog
          trigger={
            <Button variant="secondary" size="sm" disabled={pending}>
              {t("turnOffPassword")}
            </Button>
          }
          title={t("turnOffTitle", { email })}
          description={t("turnOffBody")}
          confirmLabel={t("turnOffConfirm")}
          onConfirm={() => set(false)}
        />
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </div>
  );
}
