"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox, Input, Select } from "@/components/ui/field";
import type { FormState } from "@/lib/guard";
import { registerWebhookAction } from "./actions";
import { SecretOnce } from "./secret-once";

export type EventChoice = { type: string; label: string };

/**
 * Registers an endpoint: URL, description, event types ("all events" or some), and the project
 * (chosen by an administrator, fixed on a project's page). The secret is shown once afterwards.
 */
export function RegisterWebhookForm({
  events,
  projects,
  projectId,
}: {
  events: EventChoice[];
  /** An administrator's choice of project ("" = every project); absent on a project's page. */
  projects?: { value: string; label: string }[];
  projectId?: string;
}) {
  const t = useTranslations("webhooks");
  const router = useRouter();
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [state, setState] = useState<FormState<{ id: string; secret: string }> | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const errors = state?.fieldErrors ?? {};

  if (secret) {
    return (
      <SecretOnce
        secret={secret}
        onDone={() => {
          setSecret(null);
          router.refresh();
        }}
      />
    );
  }

  const submit = (form: FormData) =>
    startTransition(async () => {
      const project = projectId ?? String(form.get("projectId") ?? "");
      const result = await registerWebhookAction({
        url: String(form.get("url") ?? ""),
        description: String(form.get("description") ?? ""),
        events: all ? ["*"] : [...chosen],
        projectId: project || null,
      });
      setState(result);
      if (result.ok && result.data) setSecret(result.data.secret);
    });

  return (
    <form action={submit} className="space-y-4" aria-label={t("registerTitle")} noValidate>
      <Input
        name="url"
        type="url"
        label={t("url")}
        hint={t("urlHint")}
        placeholder="https://hooks.example.com/lightgate"
        defaultValue={state?.values?.url}
        errors={errors.url}
        required
      />
      <Input
        name="description"
        label={t("description")}
        hint={t("descriptionHint")}
        defaultValue={state?.values?.description}
        errors={errors.description}
        maxLength={500}
      />
      {projects ? (
        <Select
          name="projectId"
          label={t("project")}
          options={[{ value: "", label: t("everyProject") }, ...projects]}
          errors={errors.projectId}
        />
      ) : errors.projectId ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.projectId.join(" ")}
        </p>
      ) : null}
      <fieldset className="space-y-2" aria-describedby={errors.events ? "webhook-events-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">{t("eventsLegend")}</legend>
        <Checkbox name="all" label={t("allEvents")} checked={all} onChange={(e) => setAll(e.currentTarget.checked)} />
        <div className="grid gap-1.5 pl-6 sm:grid-cols-2">
          {events.map((e) => (
            <Checkbox
              key={e.type}
              label={
                <>
                  <span className="font-mono text-xs">{e.type}</span> <span className="text-slate-600">{e.label}</span>
                </>
              }
              disabled={all}
              checked={all || chosen.has(e.type)}
              onChange={(change) => {
                const next = new Set(chosen);
                if (change.currentTarget.checked) next.add(e.type);
                else next.delete(e.type);
                setChosen(next);
              }}
            />
          ))}
        </div>
        {errors.events ? (
          <p id="webhook-events-error" role="alert" className="text-sm text-red-700">
            {errors.events.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {state && !state.ok && state.message && !Object.values(errors).flat().includes(state.message) ? (
        <p role="alert" className="text-sm text-red-700">
          {state.message}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? t("registering") : t("register")}
      </Button>
    </form>
  );
}
