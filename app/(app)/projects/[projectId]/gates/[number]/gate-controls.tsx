"use client";

// The PM's controls on a gate (submit for review, planned date) and the conditions list.
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { GateDetail } from "@/lib/data/gate-views";
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

/** `dates` holds each condition's due and met dates as the server formatted them, so no formatter loads here. */
export function ConditionList({
  projectId,
  conditions,
  dates,
  youId,
  canManage,
}: {
  projectId: string;
  conditions: GateDetail["gate"]["conditions"];
  dates: Record<string, { due: string; met: string | null }>;
  youId: string;
  canManage: boolean;
}) {
  const t = useTranslations("gateControls");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-2">
      <ul className="divide-y divide-slate-100" aria-label={t("conditions")}>
        {conditions.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
            <div className="min-w-0">
              <p className="text-slate-900">{c.text}</p>
              <p className="text-xs text-slate-600">
                {t("conditionOwner", { name: c.ownerName, date: dates[c.id].due })}
                {dates[c.id].met ? ` · ${t("metOn", { date: dates[c.id].met ?? "" })}` : ""}
              </p>
            </div>
            <div className="flex items-center gap-2">
              <StatusBadge status={c.status} />
              {c.status === "open" && (c.ownerId === youId || canManage) ? (
                <ConfirmDialog
                  trigger={
                    <Button variant="secondary" size="sm" disabled={pending}>
                      {t("markMet")}
                      <span className="sr-only">: {c.text}</span>
                    </Button>
                  }
                  title={t("markMetTitle")}
                  description={t("markMetDescription", { text: c.text })}
                  confirmLabel={t("markMet")}
                  variant="primary"
                  onConfirm={() =>
                    startTransition(async () => {
                      const result = await meetConditionAction({ projectId, conditionId: c.id, note: "" });
                      setError(result.ok ? null : (result.message ?? t("couldNotUpdate")));
                    })
                  }
                />
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
