"use client";

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
  return (
    <ConfirmActionButton
      label="Cancel session"
      pendingLabel="Cancelling…"
      title={`Cancel the ${label} session?`}
      description={
        "The session and its enrolments are removed from the calendar. Guardians enrolled only here go " +
        "back to nominated."
      }
      confirmLabel="Cancel session"
      failure="Could not cancel."
      run={() => cancelSessionAction({ projectId, sessionId })}
    />
  );
}
