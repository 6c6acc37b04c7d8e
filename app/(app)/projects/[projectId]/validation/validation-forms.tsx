"use client";

// The interactive parts of the validation page: opening a run, editing its checklist,
// recording results (guardians) and the client owner's closing "OK".
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import {
  addScenarioAction,
  closeRunAction,
  moveScenarioAction,
  openRunAction,
  recordResultAction,
  removeScenarioAction,
} from "./actions";

type Action = (state: FormState, data: FormData) => Promise<FormState>;

function Hidden({ fields }: { fields: Record<string, string | number | undefined> }) {
  return (
    <>
      {Object.entries(fields).map(([name, value]) =>
        value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />,
      )}
    </>
  );
}

/** A one-button form whose refusal is shown right beside the button. */
function ButtonForm({
  action,
  fields,
  label,
  pendingLabel,
  variant = "secondary",
}: {
  action: Action;
  fields: Record<string, string | number | undefined>;
  label: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "ghost";
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  return (
    <form action={formAction} className="inline-flex flex-col items-start gap-1">
      <Hidden fields={fields} />
      <SubmitButton variant={variant} size="sm" pendingLabel={pendingLabel}>
        {label}
      </SubmitButton>
      {!state.ok && state.message ? (
        <span role="alert" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function OpenRunButton({
  projectId,
  environment,
}: {
  projectId: string;
  environment: "homologation" | "production";
}) {
  const [state, formAction] = useActionState(openRunAction, initialFormState);
  const t = useTranslations("validationForms");
  return (
    <form action={formAction} className="space-y-2">
      <Hidden fields={{ projectId, environment }} />
      <SubmitButton pendingLabel={t("opening")}>
        {environment === "production" ? t("openProductionRun") : t("openHomologationRun")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ScenarioTools({
  projectId,
  runId,
  scenarioId,
  version,
  title,
  first,
  last,
  removable,
}: {
  projectId: string;
  runId: string;
  scenarioId: string;
  version: number;
  title: string;
  first: boolean;
  last: boolean;
  removable: boolean;
}) {
  const fields = { projectId, runId, scenarioId, expectedVersion: version };
  const t = useTranslations("validationForms");
  return (
    <div className="flex flex-wrap gap-1" aria-label={t("arrange", { title })} role="group">
      {!first ? (
        <ButtonForm
          action={moveScenarioAction}
          fields={{ ...fields, direction: "up" }}
          label={t("up")}
          pendingLabel="…"
          variant="ghost"
        />
      ) : null}
      {!last ? (
        <ButtonForm
          action={moveScenarioAction}
          fields={{ ...fields, direction: "down" }}
          label={t("down")}
          pendingLabel="…"
          variant="ghost"
        />
      ) : null}
      {removable ? (
        <ButtonForm
          action={removeScenarioAction}
          fields={fields}
          label={t("remove")}
          pendingLabel={t("removing")}
          variant="ghost"
        />
      ) : null}
    </div>
  );
}

export function AddScenarioForm({ projectId, runId, version }: { projectId: string; runId: string; version: number }) {
  const [state, formAction] = useActionState(addScenarioAction, initialFormState);
  const t = useTranslations("validationForms");
  return (
    <form
      key={state.ok ? state.at : "form"}
      action={formAction}
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
    >
      <Hidden fields={{ projectId, runId, expectedVersion: version }} />
      <Input
        label={t("addScenario")}
        name="title"
        className="flex-1"
        placeholder={t("scenarioExample")}
        defaultValue={state.ok ? "" : (state.values?.title ?? "")}
        errors={state.fieldErrors?.title}
      />
      <SubmitButton variant="secondary" pendingLabel={t("adding")}>
        {t("add")}
      </SubmitButton>
      {!state.ok && state.message && !state.fieldErrors?.title ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

export function ScenarioResultForm({
  projectId,
  runId,
  scenario,
}: {
  projectId: string;
  runId: string;
  scenario: { id: string; title: string; result: string; notes: string };
}) {
  const [state, formAction] = useActionState(recordResultAction, initialFormState);
  const t = useTranslations("validationForms");
  // A scenario without a result has nothing chosen: a pre-selected "Pass" would be saved by a stray click.
  const [result, setResult] = useState<"" | "pass" | "fail">(
    scenario.result === "pass" || scenario.result === "fail" ? scenario.result : "",
  );
  const resultErrors = state.fieldErrors?.result;
  const errorId = `result-error-${scenario.id}`;
  return (
    <form action={formAction} className="space-y-2" aria-label={t("resultOf", { title: scenario.title })} noValidate>
      <Hidden fields={{ projectId, runId, scenarioId: scenario.id }} />
      <fieldset
        className="space-y-1"
        aria-invalid={resultErrors?.length ? true : undefined}
        aria-describedby={resultErrors?.length ? errorId : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">{t("result")}</legend>
        <div className="flex gap-4">
          {(["pass", "fail"] as const).map((value) => (
            <label key={value} className="flex items-center gap-1.5 text-sm">
              <input
                type="radio"
                name="result"
                value={value}
                checked={result === value}
                onChange={() => setResult(value)}
              />
              {value === "pass" ? t("pass") : t("fail")}
            </label>
          ))}
        </div>
        {resultErrors?.length ? (
          <p id={errorId} role="alert" className="text-sm text-red-700">
            {resultErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Textarea
        label={t("notes")}
        name="notes"
        rows={2}
        defaultValue={state.values?.notes ?? scenario.notes}
        hint={result === "fail" ? t("sayWhatFailed") : undefined}
        errors={state.fieldErrors?.notes}
      />
      <SubmitButton size="sm" pendingLabel={t("saving")}>
        {t("saveResult")}
      </SubmitButton>
      <FormMessage state={state} success={t("saved")} />
    </form>
  );
}

export function CloseRunForm({
  projectId,
  runId,
  version,
  environment,
  failed,
  pending,
}: {
  projectId: string;
  runId: string;
  version: number;
  environment: string;
  failed: number;
  pending: number;
}) {
  const [state, formAction] = useActionState(closeRunAction, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const outcome = failed > 0 ? "failed" : "passed";
  const t = useTranslations("validationForms");
  return (
    <form ref={form} action={formAction} className="space-y-3">
      <Hidden fields={{ projectId, runId, expectedVersion: version }} />
      <Textarea
        label={failed > 0 ? t("closingNoteRequired") : t("closingNoteOptional")}
        name="note"
        rows={2}
        defaultValue={state.values?.note ?? ""}
        errors={state.fieldErrors?.note}
      />
      <ConfirmDialog
        trigger={
          <Button variant={failed > 0 ? "danger" : "primary"}>
            {failed > 0 ? t("closeAsFailedButton") : t("giveOk")}
          </Button>
        }
        title={t("closeTitle", { environment, outcome })}
        description={
          pending > 0
            ? t("closePending", { count: pending })
            : outcome === "passed"
              ? t("closesAsPassed")
              : t("closesAsFailed")
        }
        confirmLabel={outcome === "passed" ? t("closeAsPassed") : t("closeAsFailed")}
        variant={failed > 0 ? "danger" : "primary"}
        onConfirm={() => form.current?.requestSubmit()}
      />
      <FormMessage state={state} success={t("closed")} />
    </form>
  );
}
