"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { FormState } from "@/lib/guard";
import type { ProjectView } from "@/lib/data/projects";
import { updateProjectAction } from "./actions";

export function EditProjectDialog({ project }: { project: ProjectView }) {
  const [open, setOpen] = useState(false);
  const { state, onSubmit, pending } = useActionForm(async (previous: FormState<unknown>, formData: FormData) => {
    const next = await updateProjectAction(previous, formData);
    if (next.ok) setOpen(false);
    return next;
  });
  const e = state.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title="Edit project"
      trigger={
        <Button variant="secondary" size="sm">
          Edit
        </Button>
      }
    >
      <form onSubmit={onSubmit} className="grid gap-3" noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="projectId" value={project.id} />
        <input type="hidden" name="expectedVersion" value={project.version} />
        <Input label="Project name" name="name" defaultValue={project.name} errors={e.name} required />
        <Select
          label="Size class"
          name="sizeClass"
          defaultValue={project.sizeClass}
          errors={e.sizeClass}
          options={["small", "standard", "large"].map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }))}
        />
        {project.status === "active" || project.status === "on_hold" ? (
          <Select
            label="Status"
            name="status"
            defaultValue={project.status}
            errors={e.status}
            options={[
              { value: "active", label: "Active" },
              { value: "on_hold", label: "On hold" },
            ]}
          />
        ) : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <Input
            label="Start date"
            name="startDate"
            type="date"
            defaultValue={project.startDate}
            errors={e.startDate}
          />
          <Input
            label="Target go-live"
            name="targetGoLiveDate"
            type="date"
            defaultValue={project.targetGoLiveDate}
            errors={e.targetGoLiveDate}
          />
        </div>
        <Input
          label="Modules sold"
          name="modules"
          defaultValue={project.modules.join(", ")}
          errors={e.modules}
          hint="Comma-separated"
        />
        <Input label="SOW reference" name="sowReference" defaultValue={project.sowReference} errors={e.sowReference} />
        <Textarea label="Description" name="description" defaultValue={project.description} errors={e.description} />
        <Textarea
          label="Internal notes (vendor only)"
          name="internalNotes"
          defaultValue={project.internalNotes ?? ""}
          errors={e.internalNotes}
          hint="Never shown to client accounts."
        />
        <div className="flex justify-end">
          <SubmitButton pending={pending}>Save changes</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
