"use client";

// An administrator signs a person out of every browser and revokes their API tokens (a lost
// laptop, a leaked token), without disabling the account: the person can sign in again.
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { revokeUserAccessAction } from "./access-actions";

export function RevokeAccessButton({ userId, email }: { userId: string; email: string }) {
  const t = useTranslations("sessionsAdmin");
  const [pending, startTransition] = useTransition();
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2">
      <ConfirmDialog
        trigger={
          <Button variant="secondary" size="sm" disabled={pending} aria-label={t("revokeFor", { email })}>
            {t("revoke")}
          </Button>
        }
        title={t("confirmTitle", { email })}
        description={t("confirmDescription")}
        confirmLabel={t("confirm")}
        onConfirm={() =>
          startTransition(async () => {
            const result = await revokeUserAccessAction({ userId });
            setOutcome(
              result.ok && result.data
                ? {
                    ok: true,
                    text: t("done", { sessions: result.data.sessions, tokens: result.data.tokens }),
                  }
                : { ok: false, text: result.message ?? t("failed") },
            );
          })
        }
      />
      {outcome ? (
        <span
          role={outcome.ok ? "status" : "alert"}
          className={outcome.ok ? "text-xs text-green-800" : "text-xs text-red-700"}
        >
          {outcome.text}
        </span>
      ) : null}
    </div>
  );
}
