"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { initialFormState } from "@/lib/form-state";
import { scheduleSessionAction } from "./actions";

type Option = { id: string; name: string };

/** The form's local date-time, as the ISO instant the server stores (in UTC). */
const toIso = (local: string) => (local ? new Date(local).toISOString() : "");

export function SessionForm({
  projectId,
  modules,
  sites,
  trainers,
  guardians,
}: {
  projectId: string;
  modules: Option[];
  sites: Option[];
  trainers: Option[];
  guardians: (Option & { siteName: string })[];
}) {
  const [state, formAction] = useActionState(scheduleSessionAction, initialFormState);
  const t = useTranslations("trainingSessionForm");
  const [mode, setMode] = useState<"on_site" | "remote">(sites.length ? "on_site" : "remote");
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) ref.current?.reset();
  }, [state]);
  // The browser knows the user's time zone: send the instant, not the wall-clock text.
  const submit = (formData: FormData) => {
    formData.set("startsAt", toIso(String(formData.get("startsAtLocal") ?? "")));
    formData.delete("startsAtLocal");
    formAction(formData);
  };
  return (
    <form ref={ref} action={submit} className="space-y-3" aria-label={t("label")}>
      <input type="hidden" name="projectId" value={projectId} />
      <Select
        label={t("module")}
        name="moduleId"
        required
        placeholder={t("chooseModule")}
        options={modules.map((m) => ({ value: m.id, label: m.name }))}
        errors={state.fieldErrors?.moduleId}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <Input
          label={t("startsAt")}
          type="datetime-local"
          name="startsAtLocal"
          required
          errors={state.fieldErrors?.startsAt}
        />
        <Input
          label={t("duration")}
          name="durationMinutes"
          type="number"
          min={15}
          max={600}
          step={15}
          defaultValue="120"
          required
          errors={state.fieldErrors?.durationMinutes}
        />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("where")}</legend>
        <div className="mt-1 flex gap-4">
          {(["on_site", "remote"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              {m === "on_site" ? t("onSite") : t("remote")}
            </label>
          ))}
        </div>
      </fieldset>
      {mode === "on_site" ? (
        <Select
          label={t("site")}
          name="siteId"
          required
          placeholder={t("chooseSite")}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          errors={state.fieldErrors?.siteId}
        />
      ) : (
        <Input
          label={t("meetingLink")}
          name="meetingUrl"
          type="url"
          required
          placeholder="https://…"
          errors={state.fieldErrors?.meetingUrl}
        />
      )}
      <Select
        label={t("trainer")}
        name="trainerId"
        required
        placeholder={t("chooseTrainer")}
        options={trainers.map((trainer) => ({ value: trainer.id, label: trainer.name }))}
        errors={state.fieldErrors?.trainerId}
      />
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t("attendees")}</legend>
        {guardians.length ? (
          <div className="mt-1 max-h-48 space-y-1 overflow-y-auto rounded-md border border-slate-200 p-2">
            {guardians.map((g) => (
              <label key={g.id} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="attendeeIds[]" value={g.id} className="h-4 w-4" />
                {g.name} <span className="text-xs text-slate-500">· {g.siteName}</span>
              </label>
            ))}
          </div>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("noGuardians")}</p>
        )}
        {state.fieldErrors?.attendeeIds ? (
          <p role="alert" className="text-sm text-red-700">
            {state.fieldErrors.attendeeIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Textarea label={t("notes")} name="notes" rows={2} errors={state.fieldErrors?.notes} />
      <FormMessage state={state} success={t("scheduled")} />
      <SubmitButton pendingLabel={t("scheduling")}>{t("submit")}</SubmitButton>
    </form>
  );
}
