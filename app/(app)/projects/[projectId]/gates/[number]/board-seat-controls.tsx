"use client";

// The PM's controls on the gate board; the list itself is rendered on the server (board-panel.tsx).
// Every seat's controls share one pending state and one error line below the list, as one panel.
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Checkbox, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SharedChanges, useSharedChanges } from "@/components/ui/shared-changes";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { boardSeatAction, removeBoardSeatAction, toggleRequiredAction } from "./actions";

/** Wraps the server-rendered members list: the state its seats' controls share, and the error line after it. */
export function BoardSeatChanges({ children }: { children: ReactNode }) {
  const t = useTranslations("gateBoard");
  return <SharedChanges fallback={t("couldNotChange")}>{children}</SharedChanges>;
}

/** A seat's "required" box and its removal. */
export function BoardSeatControls({
  projectId,
  gateNumber,
  userId,
  name,
  required,
}: {
  projectId: string;
  gateNumber: number;
  userId: string;
  name: string;
  required: boolean;
}) {
  const t = useTranslations("gateBoard");
  const { pending, run } = useSharedChanges();
  return (
    <>
      <Checkbox
        label={<span className="text-xs">{t("required")}</span>}
        checked={required}
        disabled={pending}
        aria-label={t("isRequired", { name })}
        onChange={(e) =>
          run(() => toggleRequiredAction({ projectId, number: gateNumber, userId, required: e.target.checked }))
        }
      />
      <ConfirmDialog
        trigger={
          <button type="button" className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50" disabled={pending}>
            {t("remove")}
            <span className="sr-only"> {t("removeWho", { name })}</span>
          </button>
        }
        title={t("removeTitle", { name })}
        description={t("removeDescription", { name, number: gateNumber })}
        confirmLabel={t("remove")}
        onConfirm={() => run(() => removeBoardSeatAction({ projectId, number: gateNumber, userId }))}
      />
    </>
  );
}

/** Seats a person on the board; `options` are the project's people not yet seated, labelled on the server. */
export function AddBoardSeatForm({
  projectId,
  gateNumber,
  options,
}: {
  projectId: string;
  gateNumber: number;
  options: { value: string; label: string }[];
}) {
  const t = useTranslations("gateBoard");
  const [state, formAction] = useActionState(boardSeatAction, initialFormState);
  return (
    <form action={formAction} className="space-y-3 border-t border-slate-200 pt-3">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="number" value={gateNumber} />
      <Select
        label={t("add")}
        name="userId"
        required
        placeholder={t("choosePerson")}
        options={options}
        errors={state.fieldErrors?.userId}
      />
      <Checkbox name="required" label={t("requiredHint")} />
      {gateNumber > 1 ? <Checkbox name="alsoOnRemainingGates" label={t("alsoRemaining")} /> : null}
      <FormMessage state={state} success={t("updated")} />
      <SubmitButton size="sm" pendingLabel={t("adding")}>
        {t("addToBoard")}
      </SubmitButton>
    </form>
  );
}
