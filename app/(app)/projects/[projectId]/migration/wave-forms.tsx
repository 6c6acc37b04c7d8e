"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { REJECTION_TOLERANCE } from "@/lib/domain/migration";
import { initialFormState } from "@/lib/form-state";
import { useFormat } from "@/lib/i18n/use-format";
import type { FormState } from "@/lib/guard";
import { createWaveAction, recordRunAction, startMigrationAction, updateWaveAction } from "./actions";

type WaveRow = {
  id: string;
  name: string;
  segment: string;
  sourceSystem: string;
  module: string | null;
  plannedDate: string;
  status: string;
  version: number;
};

function WaveFields({ state, wave }: { state: FormState; wave?: WaveRow }) {
  const t = useTranslations("waveForms");
  const value = (name: keyof WaveRow) =>
    (state.ok ? undefined : state.values?.[name]) ?? (wave ? String(wave[name] ?? "") : "");
  const e = state.fieldErrors ?? {};
  return (
    <>
      <Input label={t("name")} name="name" required maxLength={120} defaultValue={value("name")} errors={e.name} />
      <Input
        label={t("segment")}
        name="segment"
        required
        maxLength={120}
        hint={t("segmentHint")}
        defaultValue={value("segment")}
        errors={e.segment}
      />
      <Input
        label={t("sourceSystem")}
        name="sourceSystem"
        required
        maxLength={120}
        defaultValue={value("sourceSystem")}
        errors={e.sourceSystem}
      />
      <Input label={t("module")} name="module" maxLength={120} defaultValue={value("module")} errors={e.module} />
      <Input
        label={t("plannedDate")}
        name="plannedDate"
        type="date"
        required
        defaultValue={value("plannedDate")}
        errors={e.plannedDate}
      />
    </>
  );
}

export function AddWaveForm({ projectId }: { projectId: string }) {
  const t = useTranslations("waveForms");
  const [state, submit] = useActionState(createWaveAction, initialFormState);
  return (
    <form
      key={state.ok ? state.at : "draft"}
      action={submit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label={t("planWave")}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <WaveFields state={state} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel={t("planning")}>{t("submitPlanWave")}</SubmitButton>
        <FormMessage state={state} success={t("wavePlanned")} />
      </div>
    </form>
  );
}

export function EditWaveDialog({ projectId, wave }: { projectId: string; wave: WaveRow }) {
  const t = useTranslations("waveForms");
  const { open, setOpen, state, submit } = useDialogAction(updateWaveAction);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("editTitle", { name: wave.name })}
      trigger={
        <Button variant="ghost" size="sm" aria-label={t("editAria", { name: wave.name })}>
          {t("edit")}
        </Button>
      }
    >
      <form action={submit} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="waveId" value={wave.id} />
        <input type="hidden" name="expectedVersion" value={wave.version} />
        <WaveFields state={state} wave={wave} />
        <div className="space-y-2 sm:col-span-2">
          <FormMessage state={state} />
          <SubmitButton>{t("save")}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

export function RecordRunDialog({
  projectId,
  wave,
  kinds,
}: {
  projectId: string;
  wave: WaveRow;
  kinds: ("rehearsal" | "production")[];
}) {
  const t = useTranslations("waveForms");
  const format = useFormat();
  const pct = (n: number) => format.percent(n, { maximumFractionDigits: 2 });
  const { open, setOpen, state, submit } = useDialogAction(recordRunAction);
  const value = (name: string, fallback = "") => (state.ok ? undefined : state.values?.[name]) ?? fallback;
  const e = state.fieldErrors ?? {};
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={t("recordRunTitle", { name: wave.name })}
      description={t("recordRunDescription", {
        rehearsal: pct(REJECTION_TOLERANCE.rehearsal),
        production: pct(REJECTION_TOLERANCE.production),
      })}
      trigger={
        <Button variant="secondary" size="sm" aria-label={t("recordRunTitle", { name: wave.name })}>
          {t("recordRun")}
        </Button>
      }
    >
      <form action={submit} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="waveId" value={wave.id} />
        <input type="hidden" name="expectedVersion" value={wave.version} />
        <Select
          label={t("kind")}
          name="kind"
          options={kinds.map((k) => ({
            value: k,
            label: k === "rehearsal" ? t("kindRehearsal") : t("kindProduction"),
          }))}
          defaultValue={value("kind", kinds[0])}
          errors={e.kind}
        />
        <Input
          label={t("ranOn")}
          name="ranOn"
          type="date"
          required
          max={today}
          defaultValue={value("ranOn", today)}
          errors={e.ranOn}
        />
        <Input
          label={t("extracted")}
          name="extracted"
          type="number"
          min={0}
          required
          inputMode="numeric"
          defaultValue={value("extracted")}
          errors={e.extracted}
        />
        <Input
          label={t("loaded")}
          name="loaded"
          type="number"
          min={0}
          required
          inputMode="numeric"
          defaultValue={value("loaded")}
          errors={e.loaded}
        />
        <Input
          label={t("rejected")}
          name="rejected"
          type="number"
          min={0}
          required
          inputMode="numeric"
          defaultValue={value("rejected")}
          errors={e.rejected}
        />
        <Textarea
          label={t("notes")}
          name="notes"
          rows={2}
          className="sm:col-span-2"
          maxLength={2000}
          defaultValue={value("notes")}
          errors={e.notes}
        />
        <div className="space-y-2 sm:col-span-2">
          <FormMessage state={state} />
          <SubmitButton pendingLabel={t("recording")}>{t("recordRun")}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

export function StartMigrationButton({ projectId, wave }: { projectId: string; wave: WaveRow }) {
  const t = useTranslations("waveForms");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <>
      <ConfirmDialog
        variant="primary"
        title={t("startTitle", { name: wave.name })}
        description={t("startDescription")}
        confirmLabel={t("startMigration")}
        onConfirm={() =>
          start(async () => {
            const result = await startMigrationAction({ projectId, waveId: wave.id, expectedVersion: wave.version });
            setMessage(result.ok ? null : (result.message ?? t("startFailed")));
          })
        }
        trigger={
          <Button size="sm" disabled={pending}>
            {t("startMigration")}
          </Button>
        }
      />
      {message ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {message}
        </p>
      ) : null}
    </>
  );
}
