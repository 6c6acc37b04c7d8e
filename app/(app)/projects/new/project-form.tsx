"use client";

import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import { createProjectAction } from "./actions";

export function ProjectForm({ organizations }: { organizations: { id: string; name: string }[] }) {
  const { state, onSubmit, pending } = useActionForm(createProjectAction);
  const v = state.values ?? {};
  const e = state.fieldErrors ?? {};
  return (
    <form onSubmit={onSubmit} className="grid max-w-2xl gap-4" noValidate>
      <FormMessage state={state} />
      <Input label="Project name" name="name" required defaultValue={v.name} errors={e.name} />
      <Select label="Client organisation" name="organizationId" required defaultValue={v.organizationId} errors={e.organizationId} placeholder="Choose…" options={organizations.map((o) => ({ value: o.id, label: o.name }))} />
      <Select
        label="Size class"
        name="sizeClass"
        defaultValue={v.sizeClass ?? "standard"}
        errors={e.sizeClass}
        hint="Drives which artifacts each gate requires: a small project needs fewer."
        options={[
          { value: "small", label: "Small" },
          { value: "standard", label: "Standard" },
          { value: "large", label: "Large" },
        ]}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Input label="Start date" name="startDate" type="date" required defaultValue={v.startDate} errors={e.startDate} />
        <Input label="Target go-live" name="targetGoLiveDate" type="date" required defaultValue={v.targetGoLiveDate} errors={e.targetGoLiveDate} />
      </div>
      <Input label="Modules sold" name="modules" defaultValue={v.modules} errors={e.modules} hint="Comma-separated, e.g. Rating & charging, Invoicing" />
      <Input label="SOW reference" name="sowReference" defaultValue={v.sowReference} errors={e.sowReference} />
      <Textarea label="Description" name="description" defaultValue={v.description} errors={e.description} />
      <div>
        <SubmitButton pendingLabel="Creating…" pending={pending}>Create project</SubmitButton>
      </div>
    </form>
  );
}
