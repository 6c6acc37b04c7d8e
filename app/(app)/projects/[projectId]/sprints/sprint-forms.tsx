"use client";

// Interactive parts of the sprint pages: planning (committed items against capacity, live),
// workflow commands, deployments and the client owner's acceptance.
import Link from "next/link";
import { useActionState, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { checkCapacity } from "@/lib/domain/sprint";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import {
  acceptanceAction,
  planSprintAction,
  recordDeploymentAction,
  reopenSprintAction,
  startSprintAction,
  submitReviewAction,
  updateSprintPlanAction,
} from "./actions";

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

const fmt = (n: number) => String(Math.round(n * 10) / 10);

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
          label="Sprint goal"
          rows={2}
          required
          maxLength={500}
          defaultValue={values?.goal ?? plan?.goal ?? ""}
          errors={state.fieldErrors?.goal}
        />
        <Input
          name="startDate"
          label="Start"
          type="date"
          required
          defaultValue={values?.startDate ?? plan?.startDate ?? defaults?.startDate}
          errors={state.fieldErrors?.startDate}
        />
        <Input
          name="endDate"
          label="End"
          type="date"
          required
          defaultValue={values?.endDate ?? plan?.endDate ?? defaults?.endDate}
          errors={state.fieldErrors?.endDate}
        />
        <Input
          name="capacityDays"
          label="Capacity (person-days)"
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
          label="Release"
          placeholder="None"
          options={releases.map((r) => ({ value: r.id, label: r.label }))}
          defaultValue={values?.releaseId ?? plan?.releaseId ?? releases[0]?.id ?? ""}
        />
      </div>
      <fieldset className="rounded-lg border border-slate-200 p-3" aria-describedby="commitment-status">
        <legend className="px-1 text-sm font-medium text-slate-800">Committed scope items</legend>
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
                    · {i.estimateDays} d · {i.priority === "wont" ? "won't" : i.priority}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">
            No open scope items to commit.{" "}
            <Link className="text-brand-700 underline" href={`/projects/${projectId}/roadmap`}>
              Add scope on the roadmap
            </Link>
            .
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
          Committed {fmt(committed)} of {fmt(cap)} person-days
          {over ? ": over capacity, the plan will be refused." : near ? ": close to the capacity." : "."}
        </p>
        {state.fieldErrors?.scopeItemIds ? (
          <p role="alert" className="mt-1 text-sm text-red-700">
            {state.fieldErrors.scopeItemIds.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <FormMessage
        state={state}
        success={plan ? "Plan saved." : data?.number ? `Sprint ${data.number} planned.` : "Sprint planned."}
      />
      {state.ok && data?.warnings?.length ? (
        <p role="status" className="text-sm text-amber-800">
          {data.warnings.join(" ")}
        </p>
      ) : null}
      {state.ok && data?.sprintId ? (
        <p>
          <Link className="text-sm text-brand-700 underline" href={`/projects/${projectId}/sprints/${data.sprintId}`}>
            Open sprint {data.number}
          </Link>
        </p>
      ) : null}
      <SubmitButton pendingLabel="Saving…">{plan ? "Save plan" : "Plan sprint"}</SubmitButton>
    </form>
  );
}

type Command = (state: FormState, data: FormData) => Promise<FormState>;

function CommandButton({
  action,
  projectId,
  sprintId,
  version,
  label,
  confirm,
}: {
  action: Command;
  projectId: string;
  sprintId: string;
  version: number;
  label: string;
  confirm?: { title: string; description: string };
}) {
  const [state, formAction] = useActionState(action, initialFormState);
  const formRef = useRef<HTMLFormElement>(null);
  const warnings = (state.data as { warnings?: string[] } | undefined)?.warnings;
  return (
    <form ref={formRef} action={formAction} className="space-y-2">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="sprintId" value={sprintId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {confirm ? (
        <ConfirmDialog
          variant="primary"
          trigger={<Button>{label}</Button>}
          title={confirm.title}
          description={confirm.description}
          confirmLabel={label}
          onConfirm={() => formRef.current?.requestSubmit()}
        />
      ) : (
        <SubmitButton>{label}</SubmitButton>
      )}
      <FormMessage state={state} />
      {state.ok && warnings?.length ? (
        <p role="status" className="text-sm text-amber-800">
          {warnings.join(" ")}
        </p>
      ) : null}
    </form>
  );
}

export function StartSprintButton(props: { projectId: string; sprintId: string; version: number }) {
  return <CommandButton {...props} action={startSprintAction} label="Start sprint" />;
}

export function SubmitReviewButton(props: { projectId: string; sprintId: string; version: number }) {
  return (
    <CommandButton
      {...props}
      action={submitReviewAction}
      label="Submit for review"
      confirm={{
        title: "Submit the sprint for the client's review?",
        description:
          "The client owner is notified. The plan can no longer change; the acceptance needs the quality " +
          "evidence and a production deployment.",
      }}
    />
  );
}

export function ReopenSprintButton(props: { projectId: string; sprintId: string; version: number }) {
  return <CommandButton {...props} action={reopenSprintAction} label="Reopen for rework" />;
}

export function DeploymentForm({ projectId, sprintId, today }: { projectId: string; sprintId: string; today: string }) {
  const [state, action] = useActionState(recordDeploymentAction, initialFormState);
  const values = state.ok ? undefined : state.values;
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="sprintId" value={sprintId} />
      <Input
        name="releaseVersion"
        label="Version"
        required
        maxLength={80}
        placeholder="2026.7.0"
        defaultValue={values?.releaseVersion}
        errors={state.fieldErrors?.releaseVersion}
      />
      <Select
        name="environment"
        label="Environment"
        defaultValue={values?.environment ?? "production"}
        options={[
          { value: "production", label: "Production" },
          { value: "homologation", label: "Homologation" },
          { value: "development", label: "Development" },
        ]}
        errors={state.fieldErrors?.environment}
      />
      <Input
        name="deployedOn"
        label="Deployed on"
        type="date"
        required
        defaultValue={values?.deployedOn ?? today}
        errors={state.fieldErrors?.deployedOn}
      />
      <SubmitButton variant="secondary" pendingLabel="Recording…">
        Record deployment
      </SubmitButton>
      <div className="sm:col-span-4">
        <FormMessage state={state} success="Deployment recorded." />
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
        label="Comment (required to reject)"
        rows={3}
        maxLength={2000}
        defaultValue={state.ok ? "" : state.values?.comment}
        errors={state.fieldErrors?.comment}
      />
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          variant="primary"
          trigger={<Button>Accept sprint</Button>}
          title="Accept this sprint?"
          description={
            blocked
              ? "Some required items are still missing; the acceptance will be refused until they are recorded."
              : "The increment is accepted as delivered and its payment milestone becomes billable. This cannot " +
                "be undone."
          }
          confirmLabel="Accept sprint"
          onConfirm={() => submit("accept")}
        />
        <ConfirmDialog
          trigger={<Button variant="danger">Reject sprint</Button>}
          title="Reject this sprint?"
          description="The team reworks the increment and submits it again. Your comment tells them why."
          confirmLabel="Reject sprint"
          onConfirm={() => submit("reject")}
        />
      </div>
      <FormMessage
        state={state}
        success={
          (state.data as { decision?: string } | undefined)?.decision === "reject"
            ? "Sprint rejected."
            : "Sprint accepted."
        }
      />
    </form>
  );
}
