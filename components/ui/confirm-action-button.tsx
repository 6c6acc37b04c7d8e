"use client";

// A button that asks for confirmation, then runs a server action and shows its refusal
// beside the button (used for removals, withdrawals and cancellations).
import { useState, useTransition, type ReactNode } from "react";
import type { FormState } from "@/lib/guard";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

export function ConfirmActionButton({
  label,
  pendingLabel,
  ariaLabel,
  title,
  description,
  confirmLabel,
  failure,
  run,
}: {
  label: string;
  pendingLabel?: string;
  ariaLabel?: string;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  /** Shown when the action is refused without a message of its own. */
  failure: string;
  run: () => Promise<FormState<unknown>>;
}) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <ConfirmDialog
        trigger={
          <Button variant="ghost" size="sm" disabled={pending} aria-label={ariaLabel}>
            {pending && pendingLabel ? pendingLabel : label}
          </Button>
        }
        title={title}
        description={description}
        confirmLabel={confirmLabel}
        onConfirm={() =>
          startTransition(async () => {
            const result = await run();
            setError(result.ok ? null : (result.message ?? failure));
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
