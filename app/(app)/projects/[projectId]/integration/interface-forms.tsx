"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { allowedInterfaceTargets, type InterfaceStatus } from "@/lib/domain/interface";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import {
  changeInterfaceStatusAction,
  createInterfaceAction,
  deleteInterfaceAction,
  updateInterfaceAction,
} from "./actions";
import { useIntegrationLabels } from "./labels";

/** An interface status in the reader's words. */
function useStatusLabel() {
  const { statuses } = useIntegrationLabels();
  return (status: InterfaceStatus) => statuses[status];
}

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
  const t = useTranslations("interfaceForms");
  const directionOptions = [
    { value: "inbound", label: t("directionInbound") },
    { value: "outbound", label: t("directionOutbound") },
    { value: "bidirectional", label: t("directionBidirectional") },
  ];
  const { protocols } = useIntegrationLabels();
  const protocolOptions = Object.entries(protocols).map(([value, label]) => ({ value, label }));
  const value = (name: keyof InterfaceRow) =>
    (state.ok ? undefined : state.values?.[name]) ?? (row ? String(row[name] ?? "") : "");
  const e = state.fieldErrors ?? {};
  return (
    <>
      <Select
        label={t("system")}
        name="systemId"
        required
        options={systems}
        placeholder={t("choose")}
        defaultValue={value("systemId")}
        errors={e.systemId}
      />
      <Input label={t("name")} name="name" required maxLength={120} defaultValue={value("name")} errors={e.name} />
      <Select
        label={t("direction")}
        name="direction"
        required
        options={directionOptions}
        placeholder={t("choose")}
        defaultValue={value("direction")}
        errors={e.direction}
      />
      <Select
        label={t("protocol")}
        name="protocol"
        required
        options={protocolOptions}
        placeholder={t("choose")}
        defaultValue={value("protocol")}
        errors={e.protocol}
      />
      <Input
        label={t("frequency")}
        name="frequency"
        required
        maxLength={80}
        hint={t("frequencyHint")}
        defaultValue={value("frequency")}
        errors={e.frequency}
      />
      <Input label={t("owner")} name="owner" maxLength={120} defaultValue={value("owner")} errors={e.owner} />
      <Input label={t("module")} name="module" maxLength={120} defaultValue={value("module")} errors={e.module} />
      <Textarea
        label={t("description")}
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
  const t = useTranslations("interfaceForms");
  const [state, submit] = useActionState(createInterfaceAction, initialFormState);
  return (
    <form
      key={state.ok ? state.at : "draft"}
      action={submit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label={t("addInterfaceLabel")}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <InterfaceFields state={state} systems={systems} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel={t("adding")}>{t("addInterface")}</SubmitButton>
        <FormMessage state={state} success={t("interfaceAdded")} />
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
  const t = useTranslations("interfaceForms");
  const { open, setOpen, state, submit } = useDialogAction(updateInterfaceAction);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("editTitle", { name: row.name })}
      trigger={
        <Button variant="ghost" size="sm" aria-label={t("editAria", { name: row.name })}>
          {t("edit")}
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
          <SubmitButton>{t("save")}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

/** Forward one step with a button; back to an earlier status through a dialog that asks why. */
export function InterfaceStatusControl({ projectId, row }: { projectId: string; row: InterfaceRow }) {
  const t = useTranslations("interfaceForms");
  const statusLabel = useStatusLabel();
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
          <SubmitButton variant="secondary" size="sm" pendingLabel={t("moving")}>
            <span aria-hidden>→</span> {statusLabel(forward)}
            <span className="sr-only"> ({row.name})</span>
          </SubmitButton>
        </form>
      ) : null}
      {back.length ? (
        <Dialog
          open={open}
          onOpenChange={setOpen}
          title={t("moveBackTitle", { name: row.name })}
          description={t("moveBackDescription")}
          trigger={
            <Button variant="ghost" size="sm" aria-label={t("moveBackAria", { name: row.name })}>
              {t("moveBack")}
            </Button>
          }
        >
          <form action={submitBack} className="space-y-3">
            <input type="hidden" name="projectId" value={projectId} />
            <input type="hidden" name="interfaceId" value={row.id} />
            <input type="hidden" name="expectedVersion" value={row.version} />
            <Select
              label={t("backTo")}
              name="to"
              options={back.map((s) => ({ value: s, label: statusLabel(s) }))}
              defaultValue={back.at(-1)}
              errors={backState.fieldErrors?.to}
            />
            <Textarea
              label={t("reason")}
              name="reason"
              rows={3}
              required
              maxLength={1000}
              errors={backState.fieldErrors?.reason}
            />
            <FormMessage state={backState} />
            <SubmitButton>{t("moveBack")}</SubmitButton>
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
  const t = useTranslations("interfaceForms");
  if (row.status === "live") return null;
  return (
    <ConfirmActionButton
      label={t("remove")}
      ariaLabel={t("removeAria", { name: row.name })}
      title={t("removeTitle", { name: row.name })}
      description={t("removeDescription")}
      confirmLabel={t("removeInterface")}
      failure={t("removeFailed")}
      run={() => deleteInterfaceAction({ projectId, interfaceId: row.id, expectedVersion: row.version })}
    />
  );
}
