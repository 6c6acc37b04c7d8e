"use client";

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
  const value = (name: keyof WaveRow) =>
    (state.ok ? undefined : state.values?.[name]) ?? (wave ? String(wave[name] ?? "") : "");
  const e = state.fieldErrors ?? {};
  return (
    <>
      <Input label="Name" name="name" required maxLength={120} defaultValue={value("name")} errors={e.name} />
      <Input
        label="Segment"
        name="segment"
        required
        maxLength={120}
        hint="e.g. Residential, SME"
        defaultValue={value("segment")}
        errors={e.segment}
      />
      <Input
        label="Source system"
        name="sourceSystem"
        required
        maxLength={120}
        defaultValue={value("sourceSystem")}
        errors={e.sourceSystem}
      />
      <Input label="Module" name="module" maxLength={120} defaultValue={value("module")} errors={e.module} />
      <Input
        label="Planned date"
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
  const [state, submit] = useActionState(createWaveAction, initialFormState);
  return (
    <form
      key={state.ok ? state.at : "draft"}
      action={submit}
      className="grid gap-3 sm:grid-cols-2"
      aria-label="Plan a wave"
    >
      <input type="hidden" name="projectId" value={projectId} />
      <WaveFields state={state} />
      <div className="flex items-end gap-3 sm:col-span-2">
        <SubmitButton pendingLabel="Planning…">Plan wave</SubmitButton>
        <FormMessage state={state} success="Wave planned." />
      </div>
    </form>
  );
}

export function EditWaveDialog({ projectId, wave }: { projectId: string; wave: WaveRow }) {
  const { open, setOpen, state, submit } = useDialogAction(updateWaveAction);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Edit ${wave.name}`}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Edit wave ${wave.name}`}>
          Edit
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
          <SubmitButton>Save</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

const pct = (n: number) => `${(n * 100).toLocaleString("en", { maximumFractionDigits: 2 })}%`;

export function RecordRunDialog({
  projectId,
  wave,
  kinds,
}: {
  projectId: string;
  wave: WaveRow;
  kinds: ("rehearsal" | "production")[];
}) {
  const { open, setOpen, state, submit } = useDialogAction(recordRunAction);
  const value = (name: string, fallback = "") => (state.ok ? undefined : state.values?.[name]) ?? fallback;
  const e = state.fieldErrors ?? {};
  const today = new Date().toISOString().slice(0, 10);
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Record a run of ${wave.name}`}
      description={
        `Reconciliation passes when every extracted record was loaded or rejected and rejections ` +
        `stay within ${pct(REJECTION_TOLERANCE.rehearsal)} (rehearsal) ` +
        `or ${pct(REJECTION_TOLERANCE.production)} (production).`
      }
      trigger={
        <Button variant="secondary" size="sm" aria-label={`Record a run of ${wave.name}`}>
          Record run
        </Button>
      }
    >
      <form action={submit} className="grid gap-3 sm:grid-cols-2">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="waveId" value={wave.id} />
        <input type="hidden" name="expectedVersion" value={wave.version} />
        <Select
          label="Kind"
          name="kind"
          options={kinds.map((k) => ({ value: k, label: k === "rehearsal" ? "Rehearsal" : "Production run" }))}
          defaultValue={value("kind", kinds[0])}
          errors={e.kind}
        />
        <Input
          label="Ran on"
          name="ranOn"
          type="date"
          required
          max={today}
          defaultValue={value("ranOn", today)}
          errors={e.ranOn}
        />
        <Input
          label="Records extracted"
          name="extracted"
          type="number"
          min={0}
          required
          inputMode="numeric"
          defaultValue={value("extracted")}
          errors={e.extracted}
        />
        <Input
          label="Records loaded"
          name="loaded"
          type="number"
          min={0}
          required
          inputMode="numeric"
          defaultValue={value("loaded")}
          errors={e.loaded}
        />
        <Input
          label="Records rejected"
          name="rejected"
          type="number"
          min={0}
          required
          inputMode="numeric"
          defaultValue={value("rejected")}
          errors={e.rejected}
        />
        <Textarea
          label="Notes"
          name="notes"
          rows={2}
          className="sm:col-span-2"
          maxLength={2000}
          defaultValue={value("notes")}
          errors={e.notes}
        />
        <div className="space-y-2 sm:col-span-2">
          <FormMessage state={state} />
          <SubmitButton pendingLabel="Recording…">Record run</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}

export function StartMigrationButton({ projectId, wave }: { projectId: string; wave: WaveRow }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <>
      <ConfirmDialog
        variant="primary"
        title={`Start the production migration of ${wave.name}?`}
        description="The wave is marked as migrating: no more rehearsals; the next run recorded is the production run."
        confirmLabel="Start migration"
        onConfirm={() =>
          start(async () => {
            const result = await startMigrationAction({ projectId, waveId: wave.id, expectedVersion: wave.version });
            setMessage(result.ok ? null : (result.message ?? "Could not start the migration."));
          })
        }
        trigger={
          <Button size="sm" disabled={pending}>
            Start migration
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
