"use client";

// Adding a training module. Editing one and adding its material are in module-material-forms.tsx,
// loaded when a module's "pass mark and materials" panel opens (module-editing.tsx).

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { createModuleAction } from "./actions";

export function CreateModuleForm({ projectId }: { projectId: string }) {
  const [state, formAction] = useActionState(createModuleAction, initialFormState);
  const t = useTranslations("trainingModuleForms");
  const kinds = [
    { value: "usage", label: t("kindUsage") },
    { value: "administration", label: t("kindAdministration") },
    { value: "configuration", label: t("kindConfiguration") },
    { value: "custom", label: t("kindCustom") },
  ];
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} className="space-y-3" aria-label={t("createLabel")}>
      <input type="hidden" name="projectId" value={projectId} />
      <Select
        label={t("kind")}
        name="kind"
        options={kinds}
        defaultValue={state.values?.kind ?? "usage"}
        errors={state.fieldErrors?.kind}
      />
      <Input
        label={t("name")}
        name="name"
        required
        maxLength={120}
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Textarea
        label={t("description")}
        name="description"
        rows={2}
        defaultValue={state.values?.description}
        errors={state.fieldErrors?.description}
      />
      <Input
        label={t("passMarkRange")}
        name="passMark"
        type="number"
        min={0}
        max={100}
        required
        defaultValue={state.values?.passMark ?? "70"}
        errors={state.fieldErrors?.passMark}
      />
      <Checkbox label={t("requiredForCertification")} name="required" defaultChecked />
      <FormMessage state={state} success={t("moduleAdded")} />
      <SubmitButton pendingLabel={t("adding")}>{t("addModule")}</SubmitButton>
    </form>
  );
}
