"use client";

// Interactive parts of the sprint pages: planning (committed items against capacity, live),
// deployments and the client owner's acceptance (the workflow's buttons: sprint-commands.tsx).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkCapacity } from "@/lib/domain/sprint";
import { useFormat } from "@/lib/i18n/use-format";
import { initialFormState } from "@/lib/form-state";
import { acceptanceAction, planSprintAction, recordDeploymentAction, updateSprintPlanAction } from "./actions";

type PlannableItem = { id: string; title: string; estimateDays: number; priority: string; category: string };
type Plan = {
  sprintId: string;
  version: number;
  goal: string;
  startDate: string;
  endDate: string;
  capacityDays: number;
  releaseId: string | null;
  committedIds: string[];
};

/** Plan a new sprint, or change the plan of a planned/active one. */
export function SprintPlanForm({
  projectId,
  items,
  releases,
  plan,
  defaults,
}: {
  projectId: string;
  items: PlannableItem[];
  releases: { id: string; label: string }[];
  plan?: Plan;
  defaults?: { startDate: string; endDate: string };
}) {
  const t = useTranslations("sprintForms");
  const format = useFormat();
  const fmt = (n: number) => format.number(n, { maximumFractionDigits: 1 });
  const priorityLabel = (priority: string) =>
    ({ must: t("priorityMust"), should: t("priorityShould"), could: t("priorityCould"), wont: t("priorityWont") })[
      priority
    ] ?? priority;
  const [state, action] = useActionState(plan ? updateSprintPlanAction : planSprintAction, initialFormState);
  const [selected, setSelected] = useState<Set<string>>(new Set(plan?.committedIds ?? []));
  const [capacity, setCapacity] = useState(String(plan?.capacityDays ?? 10));
  const committed = useMemo(
    () => items.filter((i) => selected.has(i.id)).reduce((a, i) => a + i.estimateDays, 0),
    [items, selected],
  );
  const cap = Number(capacity) || 0;
  // The sprint rule itself judges the commitment, so the form warns and refuses as the server will.
  const capacityCheck = checkCapacity(committed, cap);
  const over = !capacityCheck.ok;
  const near = capacityCheck.ok && capacityCheck.warning !== null;
  const values = state.ok ? undefined : state.values;
  const data = state.data as { sprintId?: string; number?: number; warnings?: string[] } | undefined;
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="projectId" value={projectId} />
      {plan ? (
        <>
          <input type="hidden" name="sprintId" value={plan.sprintId} />
          <input type="hidden" name="expectedVersion" value={plan.version} />
        </>
      ) : null}
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Textarea
          className="sm:col-span-2 lg:col-span-4"
          name="goal"
          label={t("goal")}
          rows={2}
          required
          maxLength={500}
          defaultValue={values?.goal ?? plan?.goal ?? ""}
          errors={state.fieldErrors?.goal}
        />
        <Input
          name="startDate"
          label={t("start")}
          type="date"
          required
          defaultValue={values?.startDate ?? plan?.startDate ?? defaults?.startDate}
          errors={state.fieldErrors?.startDate}
        />
        <Input
          name="endDate"
          label={t("end")}
          type="date"
          required
          defaultValue={values?.endDate ?? plan?.endDate ?? defaults?.endDate}
          errors={state.fieldErrors?.endDate}
        />
        <Input
          name="capacityDays"
          label={t("capacity")}
          type="number"
          min={0}
          step={0.5}
          required
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          errors={state.fieldErrors?.capacityDays}
        />
        <Select
          name="releaseId"
          label={t("release")}
          placeholder={t("releaseNone")}
          options={releases.map((r) => ({ value: r.id, label: r.label }))}
          defaultValue={values?.releaseId ?? plan?.releaseId ?? releases[0]?.id ?? ""}
        />
      </div>
      <fieldset className="rounded-lg border border-slate-200 p-3" aria-describedby="commitment-status">
        <legend className="px-1 text-sm font-medium text-slate-800">{t("committedItems")}</legend>
        {items.length ? (
          <ul className="max-h-72 space-y-1 overflow-y-auto pr-1">
            {items.map((i) => (
              <li key={i.id} className="flex items-start gap-2 text-sm">
                <input
                  id={`item-${i.id}`}
                  type="checkbox"
                  name="scopeItemIds[]"
                  value={i.id}
                  checked={selected.has(i.id)}
                  onChange={() => toggle(i.id)}
                  className="mt-0.5 h-4 w-4 rounded border-slate-400"
                />
                <label htmlFor={`item-${i.id}`} className="flex-1 text-slate-800">
                  {i.title}{" "}
                  <span className="text-slate-600">
                    · {t("estimateDays", { days: format.number(i.estimateDays) })} · {priorityLabel(i.priority)}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            {t.rich("noOpenItems", {
              link: (chunks) => (
                <Link className="text-brand-700 underline" href={`/projects/${projectId}/roadmap`}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
        <p
          id="commitment-status"
          role="status"
          className={
            over
              ? "mt-2 text-sm font-medium text-red-700"
              : near
                ? "mt-2 text-sm text-amber-800"
                : "mt-2 text-sm text-slate-700"
          }
        >
          {t("commitment", { committed: fmt(committed), capacity: fmt(cap) })}
          {over ? t("overCapacity") : near ? t("nearCapacity") : "."}
        </p>
        {state.fieldErrors?.scopeItemIds ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.scopeItemIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <FormMessage
        state={state}
        success={
          plan ? t("planSaved") : data?.number ? t("sprintNumberPlanned", { number: data.number }) : t("sprintPlanned")
        }
      />
      {state.ok && data?.warnings?.length ? (
        <p role="status" className="text-sm text-amber-800">
          {data.warnings.join(" ")}
        </p>
      ) : null}
      {state.ok && data?.sprintId ? (
        <p>
          <Link className="text-sm text-brand-700 underline" href={`/projects/${projectId}/sprints/${data.sprintId}`}>
            {t("openSprint", { number: data.number ?? "" })}
          </Link>
        </p>
      ) : null}
      <SubmitButton pendingLabel={t("saving")}>{plan ? t("savePlan") : t("planSprint")}</SubmitButton>
    </form>
  );
}

export function DeploymentForm({ projectId, sprintId, today }: { projectId: string; sprintId: string; today: string }) {
  const t = useTranslations("sprintForms");
  const [state, action] = useActionState(recordDeploymentAction, initialFormState);
  const values = state.ok ? undefined : state.values;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="sprintId" value={sprintId} />
      <Input
        name="releaseVersion"
        label={t("version")}
        required
        maxLength={80}
        placeholder="2026.7.0"
        defaultValue={values?.releaseVersion}
        errors={state.fieldErrors?.releaseVersion}
      />
      <Select
        name="environment"
        label={t("environment")}
        defaultValue={values?.environment ?? "production"}
        options={[
          { value: "production", label: t("environmentProduction") },
          { value: "homologation", label: t("environmentHomologation") },
          { value: "development", label: t("environmentDevelopment") },
        ]}
        errors={state.fieldErrors?.environment}
      />
      <Input
        name="deployedOn"
        label={t("deployedOn")}
        type="date"
        required
        defaultValue={values?.deployedOn ?? today}
        errors={state.fieldErrors?.deployedOn}
      />
      <SubmitButton variant="secondary" pendingLabel={t("recording")}>
        {t("recordDeployment")}
      </SubmitButton>
      <div className="sm:col-span-4">
        <FormMessage state={state} success={t("deploymentRecorded")} />
      </div>
    </form>
  );
}

/** The client owner's decision: accept (confirmed) or reject with a comment. */
export function AcceptanceForm({
  projectId,
  sprintId,
  version,
  blocked,
}: {
  projectId: string;
  sprintId: string;
  version: number;
  blocked: boolean;
}) {
  const t = useTranslations("sprintForms");
  const [state, action] = useActionState(acceptanceAction, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const decisionRef = useRef<HTMLInputElement>(null);
  const submit = (decision: "accept" | "reject") => {
    if (decisionRef.current) decisionRef.current.value = decision;
    formRef.current?.requestSubmit();
  };
  return (
    <form ref={formRef} action={action} className="space-y-3">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="sprintId" value={sprintId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <input ref={decisionRef} type="hidden" name="decision" defaultValue="accept" />
      <Textarea
        name="comment"
        label={t("comment")}
        rows={3}
        maxLength={2000}
        defaultValue={state.ok ? "" : state.values?.comment}
        errors={state.fieldErrors?.comment}
      />
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          variant="primary"
          trigger={<Button>{t("acceptSprint")}</Button>}
          title={t("acceptConfirmTitle")}
          description={blocked ? t("acceptConfirmBlocked") : t("acceptConfirmBody")}
          confirmLabel={t("acceptSprint")}
          onConfirm={() => submit("accept")}
        />
        <ConfirmDialog
          trigger={<Button variant="danger">{t("rejectSprint")}</Button>}
          title={t("rejectConfirmTitle")}
          description={t("rejectConfirmBody")}
          confirmLabel={t("rejectSprint")}
          onConfirm={() => submit("reject")}
        />
      </div>
      <FormMessage
        state={state}
        success={
          (state.data as { decision?: string } | undefined)?.decision === "reject"
            ? t("sprintRejected")
            : t("sprintAccepted")
        }
      />
    </form>
  );
}
