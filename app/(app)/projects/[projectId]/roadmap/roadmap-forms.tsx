"use client";

// The interactive parts of the roadmap: releases, scope items (add, edit with reason, remove)
// and the baseline commands (client owner approves, PM freezes into the gate-6 artifact).
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { humanize } from "@/components/ui/badge";
import { MOSCOW, SCOPE_CATEGORIES, SCOPE_STATUSES } from "@/db/enums";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import {
  addScopeItemAction,
  approveBaselineAction,
  createReleaseAction,
  freezeBaselineAction,
  removeScopeItemAction,
  updateScopeItemAction,
} from "./actions";

type Release = { id: string; number: number; name: string };
type Item = {
  id: string;
  title: string;
  category: string;
  priority: string;
  estimateDays: number;
  status: string;
  releaseId: string | null;
  version: number;
};

const categoryOptions = SCOPE_CATEGORIES.map((c) => ({ value: c, label: humanize(c) }));
const priorityOptions = MOSCOW.map((p) => ({ value: p, label: p === "wont" ? "Won't" : humanize(p) }));
const statusOptions = SCOPE_STATUSES.filter((s) => s !== "dropped").map((s) => ({ value: s, label: humanize(s) }));

function useCloseOnSuccess(state: { ok: boolean; at?: number }, close: () => void) {
  const last = useRef(state.at);
  useEffect(() => {
    if (state.ok && state.at !== last.current) close();
    last.current = state.at;
  }, [state, close]);
}

function ScopeFields({
  releases,
  item,
  errors,
  values,
  baselined,
}: {
  releases: Release[];
  item?: Item;
  errors?: Record<string, string[] | undefined>;
  values?: Record<string, string>;
  baselined: boolean;
}) {
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Input
        className="sm:col-span-2"
        name="title"
        label="Title"
        required
        maxLength={200}
        defaultValue={v("title", item?.title ?? "")}
        errors={errors?.title}
      />
      <Select
        name="category"
        label="Category"
        options={categoryOptions}
        defaultValue={v("category", item?.category ?? "configuration")}
        errors={errors?.category}
      />
      <Select
        name="priority"
        label="Priority (MoSCoW)"
        options={priorityOptions}
        defaultValue={v("priority", item?.priority ?? "must")}
        errors={errors?.priority}
      />
      <Input
        name="estimateDays"
        label="Estimate (person-days)"
        type="number"
        min={0}
        step={0.5}
        required
        defaultValue={v("estimateDays", item ? String(item.estimateDays) : "")}
        errors={errors?.estimateDays}
      />
      <Select
        name="releaseId"
        label="Release"
        placeholder="Unassigned"
        options={releases.map((r) => ({ value: r.id, label: `${r.number}. ${r.name}` }))}
        defaultValue={v("releaseId", item?.releaseId ?? releases[0]?.id ?? "")}
        errors={errors?.releaseId}
      />
      {item ? (
        <Select
          name="status"
          label="Status"
          options={statusOptions}
          defaultValue={v("status", item.status)}
          errors={errors?.status}
        />
      ) : null}
      <Textarea
        className="sm:col-span-2"
        name="reason"
        label={baselined ? "Reason for the change (required: the MVP scope is baselined)" : "Reason (optional)"}
        required={baselined}
        rows={2}
        defaultValue={v("reason", "")}
        errors={errors?.reason}
      />
    </div>
  );
}

export function AddScopeItemDialog({
  projectId,
  releases,
  baselined,
}: {
  projectId: string;
  releases: Release[];
  baselined: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(addScopeItemAction, initialFormState);
  useCloseOnSuccess(state, () => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button>Add scope item</Button>}
      title="Add a scope item"
      description="Every change of scope is logged with its reason."
    >
      <form action={action} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <ScopeFields
          releases={releases}
          errors={state.fieldErrors}
          values={state.ok ? undefined : state.values}
          baselined={baselined}
        />
        <FormMessage state={state} />
        <SubmitButton pendingLabel="Adding…">Add item</SubmitButton>
      </form>
    </Dialog>
  );
}

export function EditScopeItemDialog({
  projectId,
  releases,
  item,
  baselined,
}: {
  projectId: string;
  releases: Release[];
  item: Item;
  baselined: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(updateScopeItemAction, initialFormState);
  useCloseOnSuccess(state, () => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit ${item.title}`}>
          Edit
        </Button>
      }
      title={`Edit “${item.title}”`}
    >
      <form action={action} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="scopeItemId" value={item.id} />
        <input type="hidden" name="expectedVersion" value={item.version} />
        <ScopeFields
          releases={releases}
          item={item}
          errors={state.fieldErrors}
          values={state.ok ? undefined : state.values}
          baselined={baselined}
        />
        <FormMessage state={state} />
        <SubmitButton>Save change</SubmitButton>
      </form>
    </Dialog>
  );
}

export function RemoveScopeItemDialog({
  projectId,
  item,
  baselined,
}: {
  projectId: string;
  item: Item;
  baselined: boolean;
}) {
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(removeScopeItemAction, initialFormState);
  useCloseOnSuccess(state, () => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${item.title}`}>
          Remove
        </Button>
      }
      title={`Remove “${item.title}” from the scope?`}
      description="The item stays in the change log as removed."
    >
      <form action={action} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="scopeItemId" value={item.id} />
        <input type="hidden" name="expectedVersion" value={item.version} />
        <Textarea
          name="reason"
          label={baselined ? "Reason (required)" : "Reason (optional)"}
          required={baselined}
          rows={2}
          errors={state.fieldErrors?.reason}
        />
        <FormMessage state={state} />
        <SubmitButton variant="danger" pendingLabel="Removing…">
          Remove from scope
        </SubmitButton>
      </form>
    </Dialog>
  );
}

export function AddReleaseForm({ projectId, nextNumber }: { projectId: string; nextNumber: number }) {
  const [state, action] = useActionState(createReleaseAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useCloseOnSuccess(state, () => formRef.current?.reset());
  return (
    <form ref={formRef} action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        name="name"
        label={`Release ${nextNumber} name${nextNumber === 1 ? " (the MVP)" : ""}`}
        required
        maxLength={120}
        errors={state.fieldErrors?.name}
        defaultValue={state.ok ? "" : state.values?.name}
      />
      <Input name="targetDate" label="Target date (optional)" type="date" errors={state.fieldErrors?.targetDate} />
      <Textarea
        className="sm:col-span-3"
        name="scope"
        label="High-level scope"
        rows={2}
        errors={state.fieldErrors?.scope}
      />
      <div className="sm:col-span-3">
        <FormMessage state={state} success="Release added." />
        <SubmitButton variant="secondary" pendingLabel="Adding…">
          Add release
        </SubmitButton>
      </div>
    </form>
  );
}

/** A one-click command confirmed in a dialog (approve / freeze the baseline). */
function ConfirmedCommand({
  action,
  projectId,
  label,
  title,
  description,
  success,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  projectId: string;
  label: string;
  title: string;
  description: string;
  success: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  return (
    <form ref={formRef} action={formAction} className="space-y-2">
      <input type="hidden" name="projectId" value={projectId} />
      <ConfirmDialog
        variant="primary"
        trigger={<Button>{label}</Button>}
        title={title}
        description={description}
        confirmLabel={label}
        onConfirm={() => formRef.current?.requestSubmit()}
      />
      <FormMessage state={state} success={success} />
    </form>
  );
}

export function ApproveBaselineButton({
  projectId,
  totalDays,
  items,
}: {
  projectId: string;
  totalDays: number;
  items: number;
}) {
  return (
    <ConfirmedCommand
      action={approveBaselineAction}
      projectId={projectId}
      label="Approve MVP scope"
      title="Approve the MVP scope as the baseline?"
      description={
        `You approve ${items} items (${totalDays} person-days) as the MVP scope. Later changes need ` +
        `a reason, and the estimate is re-based on this scope.`
      }
      success="Baseline approved."
    />
  );
}

export function FreezeBaselineButton({ projectId, version }: { projectId: string; version: number }) {
  return (
    <ConfirmedCommand
      action={freezeBaselineAction}
      projectId={projectId}
      label="Freeze as MVP scope artifact"
      title={`Freeze baseline v${version} into the gate-6 artifact?`}
      description={
        "A new markdown version of the “MVP scope” artifact is submitted for review; earlier reviews " +
        "of it are dismissed."
      }
      success="Frozen: a new version of the MVP scope artifact is submitted for review."
    />
  );
}
