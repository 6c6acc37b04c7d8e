"use client";

// The selection questions with the live recommendation. The recommendation is computed in the
// browser by the same pure rule module the server runs again on submit (lib/domain).
import { useTranslations } from "next-intl";
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
  "touchesRating",
  "touchesIntegrations",
  "includesMigration",
  "customerFacing",
  "regulatory",
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
  label,
  levels,
  rules,
  escapedDefects,
  escapedDefectsShown,
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
  /** `escapedDefects` as the server formatted it for the reader, so this form loads no formatter. */
  escapedDefectsShown: string;
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
  const t = useTranslations("qualitySelection");
  const question = {
    touchesRating: t("touchesRating"),
    touchesIntegrations: t("touchesIntegrations"),
    includesMigration: t("includesMigration"),
    customerFacing: t("customerFacing"),
    regulatory: t("regulatory"),
  };
  const changeSize = { small: t("sizeSmall"), medium: t("sizeMedium"), large: t("sizeLarge") };

  return (
    <form onSubmit={submitWithoutReset(formAction)} className="space-y-4" aria-label={label ?? t("label")}>
      <input type="hidden" name="projectId" value={projectId} />
      {releaseId ? (
        <input type="hidden" name="releaseId" value={releaseId} />
      ) : (
        <input type="hidden" name="sprintId" value={sprintId} />
      )}
      <input type="hidden" name="expectedSelectedAt" value={current?.selectedAt ?? ""} />
      <div className="grid gap-4 md:grid-cols-2">
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-900">{t("questions")}</legend>
          <Select
            label={t("changeSize")}
            name="changeSize"
            value={answers.changeSize}
            onChange={(e) => setAnswers({ ...answers, changeSize: e.target.value as QualityAnswers["changeSize"] })}
            errors={errors.changeSize}
            options={CHANGE_SIZES.map((s) => ({ value: s, label: changeSize[s] }))}
          />
          {BOOLEAN_QUESTIONS.map((key) => (
            <Checkbox
              key={key}
              name={key}
              label={question[key]}
              checked={answers[key]}
              onChange={(e) => setAnswers({ ...answers, [key]: e.target.checked })}
            />
          ))}
          <p className="text-xs text-slate-600">
            {t.rich("escapedDefects", {
              count: escapedDefectsShown,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
        </fieldset>
        <section
          aria-live="polite"
          aria-atomic="true"
          className="self-start rounded-md border border-brand-100 bg-brand-50/40 p-3"
          aria-label={t("recommendation")}
        >
          <p className="text-sm text-slate-700">{t("recommendedStandard")}</p>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-lg font-semibold text-slate-900">
            <Badge tone="info">{recommendation.level.level}</Badge>
            {recommendation.level.name}
            <span className="text-sm font-normal text-slate-600">{t("points", { count: recommendation.total })}</span>
          </p>
          {recommendation.reasons.length ? (
            <ul className="mt-2 space-y-1 text-sm text-slate-800" aria-label={t("reasons")}>
              {recommendation.reasons.map((r, i) => (
                <li key={i} className="flex justify-between gap-3">
                  <span>{r.text}</span>
                  <span className="shrink-0 font-medium tabular-nums">+{r.points}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-slate-600">{t("noPoints")}</p>
          )}
        </section>
      </div>
      <div className="grid gap-4 md:grid-cols-[18rem_1fr]">
        <Select
          label={t("chosenLevel")}
          name="chosenLevel"
          value={chosenLevel}
          onChange={(e) => setPicked(e.target.value)}
          errors={errors.chosenLevel}
          options={levels.map((l) => ({
            value: l.level,
            label:
              l.level === recommendation.level.level
                ? t("levelOptionRecommended", { level: l.level, name: l.name })
                : t("levelOption", { level: l.level, name: l.name }),
          }))}
        />
        <Textarea
          label={t("justification")}
          name="justification"
          rows={2}
          defaultValue={state.values?.justification ?? current?.justification ?? ""}
          errors={errors.justification}
          hint={
            below
              ? t("justificationRequired", { chosen: chosenLevel, recommended: recommendation.level.level })
              : t("justificationHint")
          }
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? t("saving") : current ? t("change") : t("choose")}
        </Button>
      </div>
      <FormMessage state={state} success={t("saved")} />
    </form>
  );
}
