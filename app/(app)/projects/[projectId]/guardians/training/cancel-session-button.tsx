"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { cancelSessionAction } from "./actions";

export function CancelSessionButton({ projectId, sessionId, label }: { projectId: string; sessionId: string; label: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" disabled={pending}>
            {pending ? "Cancelling…" : "Cancel session"}
          </Button>
        }
        title={`Cancel the ${label} session?`}
        description="The session and its enrolments are removed from the calendar. Guardians enrolled only here go back to nominated."
        confirmLabel="Cancel session"
        onConfirm={() =>
          startTransition(async () => {
            const result = await cancelSessionAction({ projectId, sessionId });
            setError(result.ok ? null : (result.message ?? "Could not cancel."));
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
