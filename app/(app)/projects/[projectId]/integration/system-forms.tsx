"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import { createSystemAction, deleteSystemAction, updateSystemAction } from "./actions";
import { useIntegrationLabels } from "./labels";

type SystemRow = { id: string; name: string; kind: string; description: string; version: number };

function SystemFields({ state, system }: { state: FormState; system?: SystemRow }) {
  const t = useTranslations("systemForms");
  const { kinds } = useIntegrationLabels();
  const kindOptions = Object.entries(kinds).map(([value, label]) => ({ value, label }));
  const value = (name: keyof SystemRow) =>
    (state.ok ? undefined : state.values?.[name]) ?? (system ? String(system[name]) : "");
  return (
    <>
      <Input
        label={t("name")}
        name="name"
        required
        maxLength={120}
        defaultValue={value("name")}
        errors={state.fieldErrors?.name}
      />
      <Select
        label={t("kind")}
        name="kind"
        required
        options={kindOptions}
        placeholder={t("choose")}
        defaultValue={value("kind")}
        errors={state.fieldErrors?.kind}
      />
      <Textarea
        label={t("description")}
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
  const t = useTranslations("systemForms");
  const [state, submit] = useActionState(createSystemAction, initialFormState);
  return (
    <form
      key={state.ok ? state.at : "draft"}
      action={submit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label={t("addSystemLabel")}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <SystemFields state={state} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel={t("adding")}>{t("addSystem")}</SubmitButton>
        <FormMessage state={state} success={t("systemAdded")} />
      </div>
    </form>
  );
}

export function EditSystemDialog({ projectId, system }: { projectId: string; system: SystemRow }) {
  const t = useTranslations("systemForms");
  const { open, setOpen, state, submit } = useDialogAction(updateSystemAction);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("editTitle", { name: system.name })}
      trigger={
        <Button variant="ghost" size="sm" aria-label={t("editAria", { name: system.name })}>
          {t("edit")}
        </Button>
      }
    >
      <form action={submit} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="systemId" value={system.id} />
        <input type="hidden" name="expectedVersion" value={system.version} />
        <SystemFields state={state} system={system} />
        <FormMessage state={state} />
        <SubmitButton>{t("save")}</SubmitButton>
      </form>
    </Dialog>
  );
}

export function DeleteSystemButton({ projectId, system }: { projectId: string; system: SystemRow }) {
  const t = useTranslations("systemForms");
  return (
    <ConfirmActionButton
      label={t("remove")}
      ariaLabel={t("removeAria", { name: system.name })}
      title={t("removeTitle", { name: system.name })}
      description={t("removeDescription")}
      confirmLabel={t("removeSystem")}
      failure={t("removeFailed")}
      run={() => deleteSystemAction({ projectId, systemId: system.id, expectedVersion: system.version })}
    />
  );
}
