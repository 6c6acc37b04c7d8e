"use client";

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
  return (
    <ConfirmActionButton
      label="Withdraw"
      pendingLabel="Withdrawing…"
      ariaLabel={`Withdraw ${name}`}
      title={`Withdraw ${name}?`}
      description={
        "A withdrawn guardian can no longer raise escalations or be named as a go-live signer. Their " +
        "training record is kept if they are nominated again."
      }
      confirmLabel="Withdraw"
      failure="Could not withdraw."
      run={() => withdrawGuardianAction({ projectId, guardianId, expectedVersion: version })}
    />
  );
}
