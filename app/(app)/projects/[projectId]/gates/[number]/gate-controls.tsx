"use client";

// The PM's controls on a gate (submit for review, planned date) and marking a condition met.
import { useActionState, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SharedChanges, useSharedChanges } from "@/components/ui/shared-changes";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { meetConditionAction, plannedDateAction, submitGateAction } from "./actions";

/**
 * `refusal` is the workflow's verdict for the page's data (lib/domain/gate-readiness): shown
 * before any confirmation, with the button disabled. The page keys this control on what
 * submitting depends on, so the answer of an earlier attempt never outlives its cause.
 */
export function SubmitGateButton({
  projectId,
  gateNumber,
  version,
  resumes,
  refusal,
}: {
  projectId: string;
  gateNumber: number;
  version: number;
  resumes: boolean;
  refusal: string | null;
}) {
  const t = useTranslations("gateControls");
  const [pending, startTransition] = useTransition();
  const [state, setState] = useState(initialFormState);
  const refusalId = `submit-refusal-${gateNumber}`;
  return (
    <div className="space-y-3">
      {refusal ? (
        <p
          id={refusalId}
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {refusal}
        </p>
      ) : null}
      <ConfirmDialog
        trigger={
          <Button disabled={pending || Boolean(refusal)} aria-describedby={refusal ? refusalId : undefined}>
            {pending ? t("submitting") : t("submit")}
          </Button>
        }
        title={t("submitTitle", { number: gateNumber })}
        description={resumes ? t("submitDescriptionResumes") : t("submitDescription")}
        confirmLabel={t("submit")}
        variant="primary"
        onConfirm={() =>
          startTransition(async () =>
            setState(await submitGateAction({ projectId, number: gateNumber, expectedVersion: version })),
          )
        }
      />
      <FormMessage state={state} success={t("submitted")} />
    </div>
  );
}

export function PlannedDateForm({
  projectId,
  gateNumber,
  plannedDate,
}: {
  projectId: string;
  gateNumber: number;
  plannedDate: string | null;
}) {
  const t = useTranslations("gateControls");
  const [state, formAction] = useActionState(plannedDateAction, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="number" value={gateNumber} />
      <Input
        label={t("plannedDate")}
        name="plannedDate"
        type="date"
        defaultValue={state.values?.plannedDate ?? plannedDate ?? ""}
        errors={state.fieldErrors?.plannedDate}
      />
      <SubmitButton variant="secondary" size="md" pendingLabel={t("saving")}>
        {t("saveDate")}
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} success={t("dateSaved")} />
      </div>
    </form>
  );
}

/** Wraps the server-rendered conditions list (condition-list.tsx): one pending state and one error line. */
export function ConditionChanges({ children }: { children: ReactNode }) {
  const t = useTranslations("gateControls");
  return <SharedChanges fallback={t("couldNotUpdate")}>{children}</SharedChanges>;
}

export function MarkConditionMet({
  projectId,
  conditionId,
  text,
}: {
  projectId: string;
  conditionId: string;
  text: string;
}) {
  const t = useTranslations("gateControls");
  const { pending, run } = useSharedChanges();
  return (
    <ConfirmDialog
      trigger={
        <Button variant="secondary" size="sm" disabled={pending}>
          {t("markMet")}
          <span className="sr-only">: {text}</span>
        </Button>
      }
      title={t("markMetTitle")}
      description={t("markMetDescription", { text })}
      confirmLabel={t("markMet")}
      variant="primary"
      onConfirm={() => run(() => meetConditionAction({ projectId, conditionId, note: "" }))}
    />
  );
}
