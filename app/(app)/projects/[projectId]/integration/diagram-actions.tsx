"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { freezeDiagramAction } from "./actions";

/** Freezes the diagram into the gate-6 artifact: a new version that the board reviews again. */
export function FreezeDiagramButton({ projectId }: { projectId: string }) {
  const t = useTranslations("diagramFreeze");
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        variant="primary"
        title={t("title")}
        description={t("description")}
        confirmLabel={t("confirm")}
        onConfirm={() =>
          start(async () => {
            const result = await freezeDiagramAction({ projectId });
            setOutcome(
              result.ok && result.data
                ? {
                    ok: true,
                    text: t("frozen", { version: result.data.versionNumber, gate: result.data.gateNumber }),
                  }
                : { ok: false, text: result.message ?? t("failed") },
            );
          })
        }
        trigger={
          <Button variant="secondary" disabled={pending}>
            {pending ? t("freezing") : t("freeze")}
          </Button>
        }
      />
      {outcome ? (
        <p
          role={outcome.ok ? "status" : "alert"}
          className={outcome.ok ? "text-sm text-green-800" : "text-sm text-red-700"}
        >
          {outcome.text}
        </p>
      ) : null}
    </div>
  );
}
