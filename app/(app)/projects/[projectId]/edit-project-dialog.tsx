"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { ProjectView } from "@/lib/data/projects";
import { updateProjectAction } from "./actions";

export function EditProjectDialog({ project }: { project: ProjectView }) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(async (previous: typeof initialFormState, formData: FormData) => {
    const next = await updateProjectAction(previous, formData);
    if (next.ok) setOpen(false);
    return next;
  }, initialFormState);
  const e = state.fieldErrors ?? {};
  const v: Record<string, string | undefined> = state.ok ? {} : (state.values ?? {});
  return (
    <Dialog open={open} onOpenChange={setOpen} title="Edit project" trigger={<Button variant="secondary" size="sm">Edit</Button>}>
      <form key={state.at} action={action} className="grid gap-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="projectId" value={project.id} />
        <input type="hidden" name="expectedVersion" value={project.version} />
        <Input label="Project name" name="name" defaultValue={v.name ?? project.name} errors={e.name} required />
        <Select label="Size class" name="sizeClass" defaultValue={v.sizeClass ?? project.sizeClass} errors={e.sizeClass} options={["small", "standard", "large"].map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }))} />
        {project.status === "active" || project.status === "on_hold" ? (
          <Select label="Status" name="status" defaultValue={v.status ?? project.status} errors={e.status} options={[{ value: "active", label: "Active" }, { value: "on_hold", label: "On hold" }]} />
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Input label="Start date" name="startDate" type="date" defaultValue={v.startDate ?? project.startDate} errors={e.startDate} />
          <Input label="Target go-live" name="targetGoLiveDate" type="date" defaultValue={v.targetGoLiveDate ?? project.targetGoLiveDate} errors={e.targetGoLiveDate} />
        </div>
        <Input label="Modules sold" name="modules" defaultValue={v.modules ?? project.modules.join(", ")} errors={e.modules} hint="Comma-separated" />
        <Input label="SOW reference" name="sowReference" defaultValue={v.sowReference ?? project.sowReference} errors={e.sowReference} />
        <Textarea label="Description" name="description" defaultValue={v.description ?? project.description} errors={e.description} />
        <Textarea label="Internal notes (vendor only)" name="internalNotes" defaultValue={v.internalNotes ?? project.internalNotes ?? ""} errors={e.internalNotes} hint="Never shown to client accounts." />
        <div className="flex justify-end">
          <SubmitButton>Save changes</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
