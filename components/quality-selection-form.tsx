"use client";

// The selection questions with the live recommendation. The recommendation is computed in the
// browser by the same pure rule module the server runs again on submit (lib/domain).
import { useActionState, useMemo, useState } from "react";
import { selectQualityAction, selectReleaseQualityAction } from "@/app/(app)/projects/[projectId]/quality/actions";
import { Badge } from "@/components/ui/badge";
import { Checkbox, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { Button } from "@/components/ui/button";
import {
  CHANGE_SIZES,
  recommend,
  type QualityAnswers,
  type QualityLevel,
  type QualityRule,
} from "@/lib/domain/quality-selection";
import { initialFormState } from "@/lib/form-state";

const BOOLEAN_QUESTIONS = [
  ["touchesRating", "Touches rating or charging logic"],
  ["touchesIntegrations", "Touches integrations (interfaces with other systems)"],
  ["includesMigration", "Includes a data migration"],
  ["customerFacing", "Customer-facing (end customers see the change)"],
  ["regulatory", "Regulatory (tariffs, taxes, legal notices)"],
] as const;

const DEFAULT_ANSWERS: QualityAnswers = {
  changeSize: "medium",
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

export function QualitySelectionForm({
  projectId,
  sprintId,
  releaseId,
  label = "Quality standard selection",
  levels,
  rules,
  escapedDefects,
  current,
}: {
  projectId: string;
  /** The form chooses for a sprint, or (with releaseId instead) for a release. */
  sprintId?: string;
  releaseId?: string;
  label?: string;
  levels: QualityLevel[];
  rules: QualityRule[];
  escapedDefects: number;
  current: { answers: QualityAnswers; chosenLevel: string; justification: string | null; selectedAt: string } | null;
}) {
  const [state, formAction, pending] = useActionState(
    releaseId ? selectReleaseQualityAction : selectQualityAction,
    initialFormState,
  );
  const [answers, setAnswers] = useState<QualityAnswers>(current?.answers ?? DEFAULT_ANSWERS);
  // Follows the recommendation until the user picks a level themselves.
  const [picked, setPicked] = useState<string | null>(current?.chosenLevel ?? null);
  const recommendation = useMemo(
    () => recommend(levels, rules, answers, escapedDefects),
    [levels, rules, answers, escapedDefects],
  );
  const chosenLevel = picked ?? recommendation.level.level;
  const chosen = levels.find((l) => l.level === chosenLevel);
  const below = chosen ? chosen.rank < recommendation.level.rank : false;
  const errors = state.fieldErrors ?? {};

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-4" aria-label={label}>
      <input type="hidden" name="projectId" value={projectId} />
      {releaseId ? (
        <input type="hidden" name="releaseId" value={releaseId} />
      ) : (
        <input type="hidden" name="sprintId" value={sprintId} />
      )}
      <input type="hidden" name="expectedSelectedAt" value={current?.selectedAt ?? ""} />
      <div className="grid gap-4 md:grid-cols-2">
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">Selection questions</legend>
          <Select
            label="Size of the change"
            name="changeSize"
            value={answers.changeSize}
            onChange={(e) => setAnswers({ ...answers, changeSize: e.target.value as QualityAnswers["changeSize"] })}
            errors={errors.changeSize}
            options={CHANGE_SIZES.map((s) => ({ value: s, label: s[0].toUpperCase() + s.slice(1) }))}
          />
          {BOOLEAN_QUESTIONS.map(([key, label]) => (
            <Checkbox
              key={key}
              name={key}
              label={label}
              checked={answers[key]}
              onChange={(e) => setAnswers({ ...answers, [key]: e.target.checked })}
            />
          ))}
          <p className="text-xs text-slate-600">
            Defects escaped to production in the project&apos;s last 3 sprints: <strong>{escapedDefects}</strong>
          </p>
        </fieldset>
        <section
          aria-live="polite"
          aria-atomic="true"
          className="self-start rounded-md border border-brand-100 bg-brand-50/40 p-3"
          aria-label="Recommendation"
        >
          <p className="text-sm text-slate-700">Recommended standard</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            <Badge tone="info">{recommendation.level.level}</Badge>
            {recommendation.level.name}
            <span className="text-sm font-normal text-slate-600">({recommendation.total} points)</span>
          </p>
          {recommendation.reasons.length ? (
            <ul className="mt-2 space-y-1 text-sm text-slate-800" aria-label="Reasons">
              {recommendation.reasons.map((r, i) => (
                <li key={i} className="flex justify-between gap-3">
                  <span>{r.text}</span>
                  <span className="shrink-0 font-medium tabular-nums">+{r.points}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">No rule adds points to these answers.</p>
          )}
        </section>
      </div>
      <div className="grid gap-4 md:grid-cols-[14rem_1fr]">
        <Select
          label="Chosen level"
          name="chosenLevel"
          value={chosenLevel}
          onChange={(e) => setPicked(e.target.value)}
          errors={errors.chosenLevel}
          options={levels.map((l) => ({
            value: l.level,
            label: `${l.level} — ${l.name}${l.level === recommendation.level.level ? " (recommended)" : ""}`,
          }))}
        />
        <Textarea
          label="Justification"
          name="justification"
          rows={2}
          defaultValue={state.values?.justification ?? current?.justification ?? ""}
          errors={errors.justification}
          hint={
            below
              ? `Required: ${chosenLevel} is below the recommended ${recommendation.level.level}. Say why the ` +
                `lower level is enough.`
              : "Only required when choosing a level below the recommendation."
          }
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? "Saving…" : current ? "Change quality standard" : "Choose quality standard"}
        </Button>
      </div>
      <FormMessage state={state} success="Quality standard saved." />
    </form>
  );
}
