"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { withdrawGuardianAction } from "./actions";

export function WithdrawButton({ projectId, guardianId, version, name }: { projectId: string; guardianId: string; version: number; name: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" disabled={pending} aria-label={`Withdraw ${name}`}>
            {pending ? "Withdrawing…" : "Withdraw"}
          </Button>
        }
        title={`Withdraw ${name}?`}
        description="A withdrawn guardian can no longer raise escalations or be named as a go-live signer. Their training record is kept if they are nominated again."
        confirmLabel="Withdraw"
        onConfirm={() =>
          startTransition(async () => {
            const result = await withdrawGuardianAction({ projectId, guardianId, expectedVersion: version });
            setError(result.ok ? null : (result.message ?? "Could not withdraw."));
          })
        }
      />
      {error ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
