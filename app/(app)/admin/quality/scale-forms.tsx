"use client";

// Admin forms of the quality scale: a level's name and threshold, its activities, the rule table.
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { QUALITY_QUESTIONS, QUESTION_LABELS } from "@/lib/domain/quality-selection";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { initialFormState } from "@/lib/form-state";
import type { FormState } from "@/lib/guard";
import {
  removeActivityAction,
  removeRuleAction,
  saveActivityAction,
  saveRuleAction,
  updateLevelAction,
} from "./actions";

type Level = { id: string; level: string; name: string; purpose: string; minPoints: number };
type Activity = {
  id: string;
  key: string;
  name: string;
  environment: string;
  timing: string;
  gateNumber: number | null;
};
type Rule = { id: string; question: string; matchValue: string; points: number; reason: string };

export function LevelForm({ level }: { level: Level }) {
  const [state, formAction] = useActionState(updateLevelAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      className="grid content-start gap-3 self-start sm:grid-cols-[1fr_8rem]"
      aria-label={`${level.level} settings`}
    >
      <input type="hidden" name="standardId" value={level.id} />
      <Input label="Name" name="name" defaultValue={level.name} errors={errors.name} required />
      <Input
        label="Min. points"
        name="minPoints"
        type="number"
        min={0}
        defaultValue={level.minPoints}
        errors={errors.minPoints}
        required
      />
      <Textarea
        label="Purpose"
        name="purpose"
        rows={2}
        defaultValue={level.purpose}
        errors={errors.purpose}
        className="sm:col-span-2"
      />
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton size="sm" variant="secondary">
          Save {level.level}
        </SubmitButton>
        <FormMessage state={state} success="Saved." />
      </div>
    </form>
  );
}

const gateChoices = (top: number) =>
  Array.from({ length: top }, (_, i) => top - i).map((n) => ({ value: String(n), label: `Gate ${n}` }));

/** `highestGate`: the largest gate number of the current policies (the scale serves every policy). */
export function ActivityDialog({
  standardId,
  levelName,
  activity,
  highestGate = 7,
}: {
  standardId: string;
  levelName: string;
  activity?: Activity;
  highestGate?: number;
}) {
  const [open, setOpen] = useState(false);
  const [state, formAction, pending] = useActionState(async (previous: FormState, data: FormData) => {
    // Close the dialog once saved; errors keep it open beside the fields.
    const next = await saveActivityAction(previous, data);
    if (next.ok) setOpen(false);
    return next;
  }, initialFormState);
  const [timing, setTiming] = useState(activity?.timing ?? "before_sprint_review");
  const errors = state.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={activity ? `Edit ${activity.name}` : `Add an activity to ${levelName}`}
      trigger={
        activity ? (
          <Button size="sm" variant="ghost" aria-label={`Edit ${activity.name} of ${levelName}`}>
            Edit
          </Button>
        ) : (
          <Button size="sm" variant="secondary">
            Add activity
          </Button>
        )
      }
    >
      <form onSubmit={submitWithoutReset(formAction)} className="space-y-3">
        <input type="hidden" name="standardId" value={standardId} />
        <input type="hidden" name="activityId" value={activity?.id ?? ""} />
        <Input
          label="Name"
          name="name"
          defaultValue={state.values?.name ?? activity?.name}
          errors={errors.name}
          required
        />
        <Input
          label="Key"
          name="key"
          defaultValue={state.values?.key ?? activity?.key}
          errors={errors.key}
          hint="Stable identifier used by evidence, e.g. load_test_2x_peak."
          required
        />
        <Select
          label="Environment"
          name="environment"
          defaultValue={activity?.environment ?? "homologation"}
          errors={errors.environment}
          options={[
            { value: "development", label: "Development" },
            { value: "homologation", label: "Homologation" },
            { value: "production", label: "Production" },
          ]}
        />
        <Select
          label="Timing"
          name="timing"
          value={timing}
          onChange={(e) => setTiming(e.target.value)}
          errors={errors.timing}
          options={[
            { value: "before_sprint_review", label: "Before the sprint review" },
            { value: "before_gate", label: "Before a named gate" },
            { value: "after_deployment", label: "After deployment" },
          ]}
        />
        {timing === "before_gate" ? (
          <Select
            label="Gate"
            name="gateNumber"
            defaultValue={String(activity?.gateNumber ?? "")}
            errors={errors.gateNumber}
            placeholder="Choose a gate…"
            options={gateChoices(Math.max(highestGate, activity?.gateNumber ?? 1))}
          />
        ) : null}
        <FormMessage state={state} />
        <div className="flex justify-end">
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? "Saving…" : activity ? "Save activity" : "Add activity"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function RemoveButton({ what, kind, id }: { what: string; kind: "activity" | "rule"; id: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button size="sm" variant="ghost" className="text-red-700" disabled={pending} aria-label={`Remove ${what}`}>
            Remove
          </Button>
        }
        title={`Remove ${what}?`}
        description={
          kind === "activity"
            ? "Sprints that already chose this level keep their copy of the activities; new selections will not " +
              "require it."
            : "New recommendations will no longer count this rule; past selections keep their reasons."
        }
        confirmLabel="Remove"
        onConfirm={() =>
          startTransition(async () => {
            const result =
              kind === "activity"
                ? await removeActivityAction({ activityId: id })
                : await removeRuleAction({ ruleId: id });
            setError(result.ok ? null : (result.message ?? "Could not remove."));
          })
        }
      />
      {error ? (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      ) : null}
    </>
  );
}

export function RuleDialog({ rule }: { rule?: Rule }) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(async (previous: FormState, data: FormData) => {
    // Close the dialog once saved; errors keep it open beside the fields.
    const next = await saveRuleAction(previous, data);
    if (next.ok) setOpen(false);
    return next;
  }, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={rule ? "Edit rule" : "Add a rule"}
      description={
        "When the answer to the question matches the value, the points are added, with the reason " +
        "shown to the team."
      }
      trigger={
        rule ? (
          <Button size="sm" variant="ghost" aria-label={`Edit rule: ${rule.reason}`}>
            Edit
          </Button>
        ) : (
          <Button size="sm" variant="secondary">
            Add rule
          </Button>
        )
      }
    >
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="ruleId" value={rule?.id ?? ""} />
        <Select
          label="Question"
          name="question"
          defaultValue={rule?.question ?? "changeSize"}
          errors={errors.question}
          options={QUALITY_QUESTIONS.map((q) => ({ value: q, label: QUESTION_LABELS[q] }))}
        />
        <Input
          label="Matches when the answer is"
          name="matchValue"
          defaultValue={state.values?.matchValue ?? rule?.matchValue}
          errors={errors.matchValue}
          hint="small, medium or large for the size; true or false for yes/no questions; >=N for escaped defects."
          required
        />
        <Input
          label="Points"
          name="points"
          type="number"
          defaultValue={state.values?.points ?? rule?.points ?? 1}
          errors={errors.points}
          required
        />
        <Input
          label="Reason"
          name="reason"
          defaultValue={state.values?.reason ?? rule?.reason}
          errors={errors.reason}
          required
        />
        <FormMessage state={state} />
        <div className="flex justify-end">
          <SubmitButton>{rule ? "Save rule" : "Add rule"}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
