"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { resetTwoFactorAction } from "./two-factor-actions";

/** An administrator's reset of a person's two-factor sign-in (lost phone and recovery codes). */
export function TwoFactorReset({ userId, name, enabled }: { userId: string; name: string; enabled: boolean }) {
  const t = useTranslations("twoFactor");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  if (!enabled) return null;
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" disabled={pending}>
            {t("reset")}
          </Button>
        }
        title={t("resetTitle", { name })}
        description={t("resetDescription")}
        confirmLabel={t("reset")}
        onConfirm={() =>
          startTransition(async () => {
            const result = await resetTwoFactorAction({ userId });
            setError(result.ok ? null : (result.message ?? null));
          })
        }
      />
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
