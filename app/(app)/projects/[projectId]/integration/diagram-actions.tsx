"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { freezeDiagramAction } from "./actions";

/** Freezes the diagram into the gate-6 artifact: a new version that the board reviews again. */
export function FreezeDiagramButton({ projectId }: { projectId: string }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmDialog
        variant="primary"
        title="Freeze the diagram into gate 6?"
        description={
          "The current diagram becomes a new version of the gate-6 “Integration concept diagram” " +
          "artifact. Earlier approvals of that artifact are dismissed and the board reviews the new " +
          "version."
        }
        confirmLabel="Freeze as new version"
        onConfirm={() =>
          start(async () => {
            const result = await freezeDiagramAction({ projectId });
            setOutcome(
              result.ok && result.data
                ? {
                    ok: true,
                    text:
                      `Frozen as version ${result.data.versionNumber} of the gate-${result.data.gateNumber} ` +
                      `artifact.`,
                  }
                : { ok: false, text: result.message ?? "The diagram could not be frozen." },
            );
          })
        }
        trigger={
          <Button variant="secondary" disabled={pending}>
            {pending ? "Freezing…" : "Freeze into gate 6"}
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
