"use client";

import { useTranslations } from "next-intl";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { cancelSessionAction } from "./actions";

export function CancelSessionButton({
  projectId,
  sessionId,
  label,
}: {
  projectId: string;
  sessionId: string;
  label: string;
}) {
  const t = useTranslations("cancelTrainingSession");
  return (
    <ConfirmActionButton
      label={t("button")}
      pendingLabel={t("cancelling")}
      title={t("title", { module: label })}
      description={t("description")}
      confirmLabel={t("confirm")}
      failure={t("failure")}
      run={() => cancelSessionAction({ projectId, sessionId })}
    />
  );
}
