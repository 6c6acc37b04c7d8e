"use client";

// A module's pass-mark rule and its material (a link or a file), loaded on demand by
// module-editing.tsx when the module's panel opens.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef } from "react";
import { Checkbox, Input } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { addMaterialFileAction, addMaterialLinkAction, updateModuleAction } from "./actions";

export function EditModuleForm({
  projectId,
  module: m,
}: {
  projectId: string;
  module: { id: string; name: string; description: string; required: boolean; passMark: number };
}) {
  const [state, formAction] = useActionState(updateModuleAction, initialFormState);
  const t = useTranslations("trainingModuleForms");
  return (
    <form
      action={formAction}
      className="flex flex-wrap items-end gap-3"
      aria-label={t("ruleLabel", { module: m.name })}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="moduleId" value={m.id} />
      <input type="hidden" name="name" value={m.name} />
      <input type="hidden" name="description" value={m.description} />
      <Input
        label={t("passMark")}
        name="passMark"
        type="number"
        min={0}
        max={100}
        defaultValue={String(m.passMark)}
        errors={state.fieldErrors?.passMark}
        className="w-28"
      />
      <Checkbox label={t("required")} name="required" defaultChecked={m.required} className="pb-2" />
      <SubmitButton variant="secondary" size="sm" pendingLabel={t("saving")}>
        {t("saveRule")}
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} success={t("ruleSaved")} />
      </div>
    </form>
  );
}

export function MaterialLinkForm({
  projectId,
  moduleId,
  moduleName,
}: {
  projectId: string;
  moduleId: string;
  moduleName: string;
}) {
  const [state, formAction] = useActionState(addMaterialLinkAction, initialFormState);
  const t = useTranslations("trainingModuleForms");
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form
      ref={ref}
      action={formAction}
      className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      aria-label={t("linkLabel", { module: moduleName })}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="moduleId" value={moduleId} />
      <Input
        label={t("materialTitle")}
        name="title"
        required
        defaultValue={state.values?.title}
        errors={state.fieldErrors?.title}
      />
      <Input
        label={t("link")}
        name="url"
        type="url"
        required
        placeholder="https://…"
        defaultValue={state.values?.url}
        errors={state.fieldErrors?.url}
      />
      <SubmitButton variant="secondary" size="sm" pendingLabel={t("adding")}>
        {t("addLink")}
      </SubmitButton>
      <div className="sm:col-span-3">
        <FormMessage state={state} success={t("materialAdded")} />
      </div>
    </form>
  );
}

export function MaterialFileForm({
  projectId,
  moduleId,
  moduleName,
  accept,
}: {
  projectId: string;
  moduleId: string;
  moduleName: string;
  accept: string;
}) {
  const [state, formAction] = useActionState(addMaterialFileAction, initialFormState);
  const t = useTranslations("trainingModuleForms");
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form
      ref={ref}
      action={formAction}
      className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      aria-label={t("fileLabel", { module: moduleName })}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="moduleId" value={moduleId} />
      <Input label={t("fileTitle")} name="title" defaultValue={state.values?.title} errors={state.fieldErrors?.title} />
      <Input
        label={t("file")}
        name="file"
        type="file"
        required
        accept={accept}
        hint={t("fileHint")}
        errors={state.fieldErrors?.file}
      />
      <SubmitButton variant="secondary" size="sm" pendingLabel={t("uploading")}>
        {t("upload")}
      </SubmitButton>
      <div className="sm:col-span-3">
        <FormMessage state={state} success={t("fileAdded")} />
      </div>
    </form>
  );
}
