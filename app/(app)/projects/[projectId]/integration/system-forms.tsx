"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { SYSTEM_KIND_LABELS } from "@/lib/domain/integration-diagram";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import { createSystemAction, deleteSystemAction, updateSystemAction } from "./actions";

export const KIND_OPTIONS = Object.entries(SYSTEM_KIND_LABELS).map(([value, label]) => ({ value, label }));

type SystemRow = { id: string; name: string; kind: string; description: string; version: number };

function SystemFields({ state, system }: { state: FormState; system?: SystemRow }) {
  const value = (name: keyof SystemRow) =>
    (state.ok ? undefined : state.values?.[name]) ?? (system ? String(system[name]) : "");
  return (
    <>
      <Input
        label="Name"
        name="name"
        required
        maxLength={120}
        defaultValue={value("name")}
        errors={state.fieldErrors?.name}
      />
      <Select
        label="Kind"
        name="kind"
        required
        options={KIND_OPTIONS}
        placeholder="Choose…"
        defaultValue={value("kind")}
        errors={state.fieldErrors?.kind}
      />
      <Textarea
        label="Description"
        name="description"
        rows={2}
        maxLength={2000}
        defaultValue={value("description")}
        errors={state.fieldErrors?.description}
      />
    </>
  );
}

export function AddSystemForm({ projectId }: { projectId: string }) {
  const [state, submit] = useActionState(createSystemAction, initialFormState);
  return (
    <form
      key={state.ok ? state.at : "draft"}
      action={submit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label="Add a system"
    >
      <input type="hidden" name="projectId" value={projectId} />
      <SystemFields state={state} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel="Adding…">Add system</SubmitButton>
        <FormMessage state={state} success="System added." />
      </div>
    </form>
  );
}

export function EditSystemDialog({ projectId, system }: { projectId: string; system: SystemRow }) {
  const { open, setOpen, state, submit } = useDialogAction(updateSystemAction);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Edit ${system.name}`}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit system ${system.name}`}>
          Edit
        </Button>
      }
    >
      <form action={submit} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="systemId" value={system.id} />
        <input type="hidden" name="expectedVersion" value={system.version} />
        <SystemFields state={state} system={system} />
        <FormMessage state={state} />
        <SubmitButton>Save</SubmitButton>
      </form>
    </Dialog>
  );
}

export function DeleteSystemButton({ projectId, system }: { projectId: string; system: SystemRow }) {
  return (
    <ConfirmActionButton
      label="Remove"
      ariaLabel={`Remove system ${system.name}`}
      title={`Remove ${system.name}?`}
      description="The system leaves the registry and the diagram. This cannot be undone."
      confirmLabel="Remove system"
      failure="Could not remove the system."
      run={() => deleteSystemAction({ projectId, systemId: system.id, expectedVersion: system.version })}
    />
  );
}
