"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { raiseEscalationAction } from "./actions";

export function RaiseEscalationForm({ projectId }: { projectId: string }) {
  const t = useTranslations("escalationForms");
  const severities = [
    { value: "low", label: t("low") },
    { value: "medium", label: t("medium") },
    { value: "high", label: t("high") },
    { value: "critical", label: t("critical") },
  ];
  const [state, formAction] = useActionState(raiseEscalationAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} className="space-y-3" aria-label={t("raise")}>
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        label={t("title")}
        name="title"
        required
        maxLength={200}
        defaultValue={state.values?.title}
        errors={state.fieldErrors?.title}
      />
      <Textarea
        label={t("whatHappened")}
        name="description"
        required
        rows={4}
        hint={t("whatHappenedHint")}
        defaultValue={state.values?.description}
        errors={state.fieldErrors?.description}
      />
      <Select
        label={t("severity")}
        name="severity"
        options={severities}
        defaultValue={state.values?.severity ?? "medium"}
        errors={state.fieldErrors?.severity}
      />
      <Checkbox label={t("blockingHint")} name="blocking" />
      <FormMessage state={state} success={t("raised")} />
      <SubmitButton pendingLabel={t("raising")}>{t("raiseButton")}</SubmitButton>
    </form>
  );
}
