"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { PROTOCOL_LABELS } from "@/lib/domain/integration-diagram";
import { allowedInterfaceTargets, INTERFACE_STATUS_LABELS, type InterfaceStatus } from "@/lib/domain/interface";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import {
  changeInterfaceStatusAction,
  createInterfaceAction,
  deleteInterfaceAction,
  updateInterfaceAction,
} from "./actions";

const DIRECTION_OPTIONS = [
  { value: "inbound", label: "Inbound (into the platform)" },
  { value: "outbound", label: "Outbound (from the platform)" },
  { value: "bidirectional", label: "Bidirectional" },
];
const PROTOCOL_OPTIONS = Object.entries(PROTOCOL_LABELS).map(([value, label]) => ({ value, label }));

export type InterfaceRow = {
  id: string;
  systemId: string;
  name: string;
  direction: string;
  protocol: string;
  frequency: string;
  owner: string;
  status: InterfaceStatus;
  module: string | null;
  description: string;
  version: number;
};
type SystemOption = { value: string; label: string };

function InterfaceFields({ state, row, systems }: { state: FormState; row?: InterfaceRow; systems: SystemOption[] }) {
  const value = (name: keyof InterfaceRow) =>
    (state.ok ? undefined : state.values?.[name]) ?? (row ? String(row[name] ?? "") : "");
  const e = state.fieldErrors ?? {};
  return (
    <>
      <Select
        label="System"
        name="systemId"
        required
        options={systems}
        placeholder="Choose…"
        defaultValue={value("systemId")}
        errors={e.systemId}
      />
      <Input label="Interface name" name="name" required maxLength={120} defaultValue={value("name")} errors={e.name} />
      <Select
        label="Direction"
        name="direction"
        required
        options={DIRECTION_OPTIONS}
        placeholder="Choose…"
        defaultValue={value("direction")}
        errors={e.direction}
      />
      <Select
        label="Protocol"
        name="protocol"
        required
        options={PROTOCOL_OPTIONS}
        placeholder="Choose…"
        defaultValue={value("protocol")}
        errors={e.protocol}
      />
      <Input
        label="Frequency"
        name="frequency"
        required
        maxLength={80}
        hint="e.g. real time, daily 02:00"
        defaultValue={value("frequency")}
        errors={e.frequency}
      />
      <Input label="Owner" name="owner" maxLength={120} defaultValue={value("owner")} errors={e.owner} />
      <Input label="Module" name="module" maxLength={120} defaultValue={value("module")} errors={e.module} />
      <Textarea
        label="Description"
        name="description"
        rows={2}
        className="sm:col-span-2"
        defaultValue={value("description")}
        errors={e.description}
      />
    </>
  );
}

export function AddInterfaceForm({ projectId, systems }: { projectId: string; systems: SystemOption[] }) {
  const [state, submit] = useActionState(createInterfaceAction, initialFormState);
  return (
    <form
      key={state.ok ? state.at : "draft"}
      action={submit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label="Add an interface"
    >
      <input type="hidden" name="projectId" value={projectId} />
      <InterfaceFields state={state} systems={systems} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel="Adding…">Add interface</SubmitButton>
        <FormMessage state={state} success="Interface added as designed." />
      </div>
    </form>
  );
}

export function EditInterfaceDialog({
  projectId,
  row,
  systems,
}: {
  projectId: string;
  row: InterfaceRow;
  systems: SystemOption[];
}) {
  const { open, setOpen, state, submit } = useDialogAction(updateInterfaceAction);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Edit ${row.name}`}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit interface ${row.name}`}>
          Edit
        </Button>
      }
    >
      <form action={submit} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="interfaceId" value={row.id} />
        <input type="hidden" name="expectedVersion" value={row.version} />
        <InterfaceFields state={state} row={row} systems={systems} />
        <div className="space-y-2 sm:col-span-2">
          <FormMessage state={state} />
          <SubmitButton>Save</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

/** Forward one step with a button; back to an earlier status through a dialog that asks why. */
export function InterfaceStatusControl({ projectId, row }: { projectId: string; row: InterfaceRow }) {
  const { forward, back } = allowedInterfaceTargets(row.status);
  const [state, submit] = useActionState(changeInterfaceStatusAction, initialFormState);
  const [open, setOpen] = useState(false);
  const [backState, submitBack] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await changeInterfaceStatusAction(previous as FormState<{ status: string }>, formData);
    if (result.ok) setOpen(false);
    return result as FormState;
  }, initialFormState);
  return (
    // "relative": the button's sr-only text is absolutely positioned and must stay inside the scrolling table.
    <div className="relative flex flex-wrap items-center gap-1">
      {forward ? (
        <form action={submit}>
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="interfaceId" value={row.id} />
          <input type="hidden" name="expectedVersion" value={row.version} />
          <input type="hidden" name="to" value={forward} />
          <SubmitButton variant="secondary" size="sm" pendingLabel="Moving…">
            <span aria-hidden>→</span> {INTERFACE_STATUS_LABELS[forward]}
            <span className="sr-only"> ({row.name})</span>
          </SubmitButton>
        </form>
      ) : null}
      {back.length ? (
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title={`Move ${row.name} back`}
          description="Say why: the reason is kept in the audit trail."
          trigger={
            <Button variant="ghost" size="sm" aria-label={`Move interface ${row.name} back`}>
              Move back
            </Button>
          }
        >
          <form action={submitBack} className="space-y-3">
            <input type="hidden" name="projectId" value={projectId} />
            <input type="hidden" name="interfaceId" value={row.id} />
            <input type="hidden" name="expectedVersion" value={row.version} />
            <Select
              label="Back to"
              name="to"
              options={back.map((s) => ({ value: s, label: INTERFACE_STATUS_LABELS[s] }))}
              defaultValue={back.at(-1)}
              errors={backState.fieldErrors?.to}
            />
            <Textarea
              label="Reason"
              name="reason"
              rows={3}
              required
              maxLength={1000}
              errors={backState.fieldErrors?.reason}
            />
            <FormMessage state={backState} />
            <SubmitButton>Move back</SubmitButton>
          </form>
        </Dialog>
      ) : null}
      {!state.ok && state.message ? (
        <p role="alert" className="w-full text-xs text-red-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

export function DeleteInterfaceButton({ projectId, row }: { projectId: string; row: InterfaceRow }) {
  if (row.status === "live") return null;
  return (
    <ConfirmActionButton
      label="Remove"
      ariaLabel={`Remove interface ${row.name}`}
      title={`Remove ${row.name}?`}
      description="The interface leaves the registry and the diagram. This cannot be undone."
      confirmLabel="Remove interface"
      failure="Could not remove the interface."
      run={() => deleteInterfaceAction({ projectId, interfaceId: row.id, expectedVersion: row.version })}
    />
  );
}
