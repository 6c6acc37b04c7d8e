"use client";

import { useTranslations } from "next-intl";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { withdrawGuardianAction } from "./actions";

export function WithdrawButton({
  projectId,
  guardianId,
  version,
  name,
}: {
  projectId: string;
  guardianId: string;
  version: number;
  name: string;
}) {
  const t = useTranslations("withdrawGuardian");
  return (
    <ConfirmActionButton
      label={t("button")}
      pendingLabel={t("withdrawing")}
      ariaLabel={t("buttonLabel", { name })}
      title={t("title", { name })}
      description={t("description")}
      confirmLabel={t("confirm")}
      failure={t("failure")}
      run={() => withdrawGuardianAction({ projectId, guardianId, expectedVersion: version })}
    />
  );
}
