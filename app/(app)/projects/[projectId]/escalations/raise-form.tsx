"use client";

import { useActionState, useEffect, useRef } from "react";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { raiseEscalationAction } from "./actions";

const SEVERITIES = ["low", "medium", "high", "critical"].map((s) => ({
  value: s,
  label: s[0].toUpperCase() + s.slice(1),
}));

export function RaiseEscalationForm({ projectId }: { projectId: string }) {
  const [state, formAction] = useActionState(raiseEscalationAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} className="space-y-3" aria-label="Raise an escalation">
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        label="Title"
        name="title"
        required
        maxLength={200}
        defaultValue={state.values?.title}
        errors={state.fieldErrors?.title}
      />
      <Textarea
        label="What happened"
        name="description"
        required
        rows={4}
        hint="Steps, environment, customers affected."
        defaultValue={state.values?.description}
        errors={state.fieldErrors?.description}
      />
      <Select
        label="Severity"
        name="severity"
        options={SEVERITIES}
        defaultValue={state.values?.severity ?? "medium"}
        errors={state.fieldErrors?.severity}
      />
      <Checkbox label="Blocking: go-live cannot happen until this is resolved" name="blocking" />
      <FormMessage state={state} success="Escalation raised; the project manager has been notified." />
      <SubmitButton pendingLabel="Raising…">Raise escalation</SubmitButton>
    </form>
  );
}
