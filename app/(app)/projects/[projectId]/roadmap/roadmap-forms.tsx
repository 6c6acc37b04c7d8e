"use client";

// The interactive parts of the roadmap: releases, scope items (add, edit with reason, remove)
// and the baseline commands (client owner approves, PM freezes into the gate-6 artifact).
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { MOSCOW, SCOPE_CATEGORIES, SCOPE_STATUSES } from "@/db/enums";
import { initialFormState } from "@/lib/form-state";
import { useFormat } from "@/lib/i18n/use-format";
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

/** The choices of a scope item's category, priority and status, in the reader's language. */
function useScopeOptions() {
  const t = useTranslations("roadmapForms");
  const category: Record<(typeof SCOPE_CATEGORIES)[number], string> = {
    configuration: t("categoryConfiguration"),
    interconnection: t("categoryInterconnection"),
    localization: t("categoryLocalization"),
    migration: t("categoryMigration"),
    training: t("categoryTraining"),
    reporting: t("categoryReporting"),
    other: t("categoryOther"),
  };
  const priority: Record<(typeof MOSCOW)[number], string> = {
    must: t("priorityMust"),
    should: t("priorityShould"),
    could: t("priorityCould"),
    wont: t("priorityWont"),
  };
  const status: Record<(typeof SCOPE_STATUSES)[number], string> = {
    proposed: t("statusProposed"),
    planned: t("statusPlanned"),
    in_progress: t("statusInProgress"),
    done: t("statusDone"),
    dropped: t("statusDropped"),
  };
  return {
    categoryOptions: SCOPE_CATEGORIES.map((c) => ({ value: c, label: category[c] })),
    priorityOptions: MOSCOW.map((p) => ({ value: p, label: priority[p] })),
    statusOptions: SCOPE_STATUSES.filter((s) => s !== "dropped").map((s) => ({ value: s, label: status[s] })),
  };
}

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
  const t = useTranslations("roadmapForms");
  const { categoryOptions, priorityOptions, statusOptions } = useScopeOptions();
  const v = (name: string, fallback: string) => values?.[name] ?? fallback;
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Input
        className="sm:col-span-2"
        name="title"
        label={t("title")}
        required
        maxLength={200}
        defaultValue={v("title", item?.title ?? "")}
        errors={errors?.title}
      />
      <Select
        name="category"
        label={t("category")}
        options={categoryOptions}
        defaultValue={v("category", item?.category ?? "configuration")}
        errors={errors?.category}
      />
      <Select
        name="priority"
        label={t("priority")}
        options={priorityOptions}
        defaultValue={v("priority", item?.priority ?? "must")}
        errors={errors?.priority}
      />
      <Input
        name="estimateDays"
        label={t("estimate")}
        type="number"
        min={0}
        step={0.5}
        required
        defaultValue={v("estimateDays", item ? String(item.estimateDays) : "")}
        errors={errors?.estimateDays}
      />
      <Select
        name="releaseId"
        label={t("release")}
        placeholder={t("unassigned")}
        options={releases.map((r) => ({ value: r.id, label: `${r.number}. ${r.name}` }))}
        defaultValue={v("releaseId", item?.releaseId ?? releases[0]?.id ?? "")}
        errors={errors?.releaseId}
      />
      {item ? (
        <Select
          name="status"
          label={t("status")}
          options={statusOptions}
          defaultValue={v("status", item.status)}
          errors={errors?.status}
        />
      ) : null}
      <Textarea
        className="sm:col-span-2"
        name="reason"
        label={baselined ? t("reasonBaselined") : t("reasonOptional")}
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
  const t = useTranslations("roadmapForms");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(addScopeItemAction, initialFormState);
  useCloseOnSuccess(state, () => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={<Button>{t("addScopeItem")}</Button>}
      title={t("addScopeItemTitle")}
      description={t("addScopeItemDescription")}
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
        <SubmitButton pendingLabel={t("adding")}>{t("addItem")}</SubmitButton>
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
  const t = useTranslations("roadmapForms");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(updateScopeItemAction, initialFormState);
  useCloseOnSuccess(state, () => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" aria-label={t("editAria", { title: item.title })}>
          {t("edit")}
        </Button>
      }
      title={t("editTitle", { title: item.title })}
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
        <SubmitButton>{t("saveChange")}</SubmitButton>
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
  const t = useTranslations("roadmapForms");
  const [open, setOpen] = useState(false);
  const [state, action] = useActionState(removeScopeItemAction, initialFormState);
  useCloseOnSuccess(state, () => setOpen(false));
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      trigger={
        <Button variant="ghost" size="sm" aria-label={t("removeAria", { title: item.title })}>
          {t("remove")}
        </Button>
      }
      title={t("removeTitle", { title: item.title })}
      description={t("removeDescription")}
    >
      <form action={action} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="scopeItemId" value={item.id} />
        <input type="hidden" name="expectedVersion" value={item.version} />
        <Textarea
          name="reason"
          label={baselined ? t("reasonRequired") : t("reasonOptional")}
          required={baselined}
          rows={2}
          errors={state.fieldErrors?.reason}
        />
        <FormMessage state={state} />
        <SubmitButton variant="danger" pendingLabel={t("removing")}>
          {t("removeFromScope")}
        </SubmitButton>
      </form>
    </Dialog>
  );
}

export function AddReleaseForm({ projectId, nextNumber }: { projectId: string; nextNumber: number }) {
  const t = useTranslations("roadmapForms");
  const [state, action] = useActionState(createReleaseAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  useCloseOnSuccess(state, () => formRef.current?.reset());
  return (
    <form ref={formRef} action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
      <input type="hidden" name="projectId" value={projectId} />
      <Input
        name="name"
        label={
          nextNumber === 1 ? t("releaseNameMvp", { number: nextNumber }) : t("releaseName", { number: nextNumber })
        }
        required
        maxLength={120}
        errors={state.fieldErrors?.name}
        defaultValue={state.ok ? "" : state.values?.name}
      />
      <Input name="targetDate" label={t("targetDate")} type="date" errors={state.fieldErrors?.targetDate} />
      <Textarea
        className="sm:col-span-3"
        name="scope"
        label={t("highLevelScope")}
        rows={2}
        errors={state.fieldErrors?.scope}
      />
      <div className="sm:col-span-3">
        <FormMessage state={state} success={t("releaseAdded")} />
        <SubmitButton variant="secondary" pendingLabel={t("adding")}>
          {t("addRelease")}
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
  const t = useTranslations("roadmapForms");
  const format = useFormat();
  return (
    <ConfirmedCommand
      action={approveBaselineAction}
      projectId={projectId}
      label={t("approveBaseline")}
      title={t("approveBaselineTitle")}
      description={t("approveBaselineDescription", { items, days: format.number(totalDays) })}
      success={t("baselineApproved")}
    />
  );
}

export function FreezeBaselineButton({ projectId, version }: { projectId: string; version: number }) {
  const t = useTranslations("roadmapForms");
  return (
    <ConfirmedCommand
      action={freezeBaselineAction}
      projectId={projectId}
      label={t("freezeBaseline")}
      title={t("freezeBaselineTitle", { version })}
      description={t("freezeBaselineDescription")}
      success={t("baselineFrozen")}
    />
  );
}
