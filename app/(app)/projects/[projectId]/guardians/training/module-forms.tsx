"use client";

import { useActionState, useEffect, useRef } from "react";
import { Checkbox, Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { addMaterialFileAction, addMaterialLinkAction, createModuleAction, updateModuleAction } from "./actions";

const KINDS = [
  { value: "usage", label: "Usage" },
  { value: "administration", label: "Administration" },
  { value: "configuration", label: "Configuration" },
  { value: "custom", label: "Custom" },
];

export function CreateModuleForm({ projectId }: { projectId: string }) {
  const [state, formAction] = useActionState(createModuleAction, initialFormState);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form ref={ref} action={formAction} className="space-y-3" aria-label="Add a training module">
      <input type="hidden" name="projectId" value={projectId} />
      <Select
        label="Kind"
        name="kind"
        options={KINDS}
        defaultValue={state.values?.kind ?? "usage"}
        errors={state.fieldErrors?.kind}
      />
      <Input
        label="Module name"
        name="name"
        required
        maxLength={120}
        defaultValue={state.values?.name}
        errors={state.fieldErrors?.name}
      />
      <Textarea
        label="Description"
        name="description"
        rows={2}
        defaultValue={state.values?.description}
        errors={state.fieldErrors?.description}
      />
      <Input
        label="Pass mark (0–100)"
        name="passMark"
        type="number"
        min={0}
        max={100}
        required
        defaultValue={state.values?.passMark ?? "70"}
        errors={state.fieldErrors?.passMark}
      />
      <Checkbox label="Required for certification" name="required" defaultChecked />
      <FormMessage state={state} success="Module added." />
      <SubmitButton pendingLabel="Adding…">Add module</SubmitButton>
    </form>
  );
}

export function EditModuleForm({
  projectId,
  module: m,
}: {
  projectId: string;
  module: { id: string; name: string; description: string; required: boolean; passMark: number };
}) {
  const [state, formAction] = useActionState(updateModuleAction, initialFormState);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" aria-label={`Certification rule of ${m.name}`}>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="moduleId" value={m.id} />
      <input type="hidden" name="name" value={m.name} />
      <input type="hidden" name="description" value={m.description} />
      <Input
        label="Pass mark"
        name="passMark"
        type="number"
        min={0}
        max={100}
        defaultValue={String(m.passMark)}
        errors={state.fieldErrors?.passMark}
        className="w-28"
      />
      <Checkbox label="Required" name="required" defaultChecked={m.required} className="pb-2" />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Saving…">
        Save rule
      </SubmitButton>
      <div className="basis-full">
        <FormMessage state={state} success="Saved; guardian statuses were re-checked." />
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
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form
      ref={ref}
      action={formAction}
      className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      aria-label={`Add a material link to ${moduleName}`}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="moduleId" value={moduleId} />
      <Input
        label="Material title"
        name="title"
        required
        defaultValue={state.values?.title}
        errors={state.fieldErrors?.title}
      />
      <Input
        label="Link"
        name="url"
        type="url"
        required
        placeholder="https://…"
        defaultValue={state.values?.url}
        errors={state.fieldErrors?.url}
      />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Adding…">
        Add link
      </SubmitButton>
      <div className="sm:col-span-3">
        <FormMessage state={state} success="Material added." />
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
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  return (
    <form
      ref={ref}
      action={formAction}
      className="grid gap-2 sm:grid-cols-[1fr_1fr_auto] sm:items-end"
      aria-label={`Upload a material file to ${moduleName}`}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="moduleId" value={moduleId} />
      <Input
        label="File title (optional)"
        name="title"
        defaultValue={state.values?.title}
        errors={state.fieldErrors?.title}
      />
      <Input
        label="File"
        name="file"
        type="file"
        required
        accept={accept}
        hint="PDF, Office, images, text; up to 20 MB."
        errors={state.fieldErrors?.file}
      />
      <SubmitButton variant="secondary" size="sm" pendingLabel="Uploading…">
        Upload
      </SubmitButton>
      <div className="sm:col-span-3">
        <FormMessage state={state} success="File added." />
      </div>
    </form>
  );
}
