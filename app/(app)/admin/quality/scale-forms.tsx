"use client";

// Admin forms of the quality scale: a level's name and threshold, its activities, the rule table.
import { useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog } from "@/components/ui/dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { QUALITY_QUESTIONS } from "@/lib/domain/quality-selection";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locale";
import { submitWithoutReset } from "@/components/submit-without-reset";
import { initialFormState } from "@/lib/form-state";
import type { PolicyTranslations } from "@/db/enums";
import type { FormState } from "@/lib/guard";
import {
  removeActivityAction,
  removeRuleAction,
  saveActivityAction,
  saveRuleAction,
  updateLevelAction,
} from "./actions";

type Level = {
  id: string;
  level: string;
  name: string;
  purpose: string;
  minPoints: number;
  translations: PolicyTranslations<"name" | "purpose">;
};
type Activity = {
  id: string;
  key: string;
  name: string;
  environment: string;
  timing: string;
  gateNumber: number | null;
  translations: PolicyTranslations<"name">;
};
type Rule = { id: string; question: string; matchValue: string; points: number; reason: string };

/** The scale is written in English; these are the languages an admin may add texts in (optional). */
const OTHER_LANGUAGES = LOCALES.filter((l) => l !== "en");

/** The admin's words for the rule questions (the rule table stores their codes). */
export function useQuestionLabels() {
  const t = useTranslations("adminQuality");
  return {
    changeSize: t("questionChangeSize"),
    touchesRating: t("questionTouchesRating"),
    touchesIntegrations: t("questionTouchesIntegrations"),
    includesMigration: t("questionIncludesMigration"),
    customerFacing: t("questionCustomerFacing"),
    regulatory: t("questionRegulatory"),
    escapedDefects: t("questionEscapedDefects"),
  } as Record<string, string>;
}

export function LevelForm({ level }: { level: Level }) {
  const t = useTranslations("adminQuality");
  const [state, formAction] = useActionState(updateLevelAction, initialFormState);
  const errors = state.fieldErrors ?? {};
  return (
    <form
      action={formAction}
      className="grid content-start gap-3 self-start sm:grid-cols-[1fr_8rem]"
      aria-label={t("levelSettings", { level: level.level })}
    >
      <input type="hidden" name="standardId" value={level.id} />
      <Input label={t("name")} name="name" defaultValue={level.name} errors={errors.name} required />
      <Input
        label={t("minPoints")}
        name="minPoints"
        type="number"
        min={0}
        defaultValue={level.minPoints}
        errors={errors.minPoints}
        required
      />
      <Textarea
        label={t("purpose")}
        name="purpose"
        rows={2}
        defaultValue={level.purpose}
        errors={errors.purpose}
        className="sm:col-span-2"
      />
      {OTHER_LANGUAGES.map((language) => (
        <fieldset key={language} lang={language} className="grid gap-2 sm:col-span-2">
          <legend className="text-xs font-semibold text-slate-700">
            {t("inLanguage", { language: LOCALE_NAMES[language] })}
          </legend>
          <Input
            label={t("nameIn", { language: LOCALE_NAMES[language] })}
            name={`name.${language}`}
            defaultValue={level.translations[language]?.name ?? ""}
            placeholder={level.name}
          />
          <Textarea
            label={t("purposeIn", { language: LOCALE_NAMES[language] })}
            name={`purpose.${language}`}
            rows={2}
            defaultValue={level.translations[language]?.purpose ?? ""}
            placeholder={level.purpose}
          />
        </fieldset>
      ))}
      <div className="flex flex-wrap items-center gap-3 sm:col-span-2">
        <SubmitButton size="sm" variant="secondary">
          {t("saveLevel", { level: level.level })}
        </SubmitButton>
        <FormMessage state={state} success={t("saved")} />
      </div>
    </form>
  );
}

const gateChoices = (top: number, label: (n: number) => string) =>
  Array.from({ length: top }, (_, i) => top - i).map((n) => ({ value: String(n), label: label(n) }));

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
  const t = useTranslations("adminQuality");
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
      title={activity ? t("editActivity", { name: activity.name }) : t("addActivityTo", { level: levelName })}
      trigger={
        activity ? (
          <Button size="sm" variant="ghost" aria-label={t("editActivityOf", { name: activity.name, level: levelName })}>
            {t("edit")}
          </Button>
        ) : (
          <Button size="sm" variant="secondary">
            {t("addActivity")}
          </Button>
        )
      }
    >
      <form onSubmit={submitWithoutReset(formAction)} className="space-y-3">
        <input type="hidden" name="standardId" value={standardId} />
        <input type="hidden" name="activityId" value={activity?.id ?? ""} />
        <Input
          label={t("name")}
          name="name"
          defaultValue={state.values?.name ?? activity?.name}
          errors={errors.name}
          required
        />
        {OTHER_LANGUAGES.map((language) => (
          <Input
            key={language}
            lang={language}
            label={t("nameIn", { language: LOCALE_NAMES[language] })}
            name={`name.${language}`}
            defaultValue={state.values?.[`name.${language}`] ?? activity?.translations[language]?.name ?? ""}
            placeholder={activity?.name}
            hint={t("optional")}
          />
        ))}
        <Input
          label={t("key")}
          name="key"
          defaultValue={state.values?.key ?? activity?.key}
          errors={errors.key}
          hint={t("keyHint")}
          required
        />
        <Select
          label={t("environment")}
          name="environment"
          defaultValue={activity?.environment ?? "homologation"}
          errors={errors.environment}
          options={[
            { value: "development", label: t("envDevelopment") },
            { value: "homologation", label: t("envHomologation") },
            { value: "production", label: t("envProduction") },
          ]}
        />
        <Select
          label={t("timing")}
          name="timing"
          value={timing}
          onChange={(e) => setTiming(e.target.value)}
          errors={errors.timing}
          options={[
            { value: "before_sprint_review", label: t("timingBeforeSprintReview") },
            { value: "before_gate", label: t("timingBeforeNamedGate") },
            { value: "after_deployment", label: t("timingAfterDeployment") },
          ]}
        />
        {timing === "before_gate" ? (
          <Select
            label={t("gate")}
            name="gateNumber"
            defaultValue={String(activity?.gateNumber ?? "")}
            errors={errors.gateNumber}
            placeholder={t("chooseGate")}
            options={gateChoices(Math.max(highestGate, activity?.gateNumber ?? 1), (number) =>
              t("gateNumber", { number }),
            )}
          />
        ) : null}
        <FormMessage state={state} />
        <div className="flex justify-end">
          <Button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? t("saving") : activity ? t("saveActivity") : t("addActivity")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export function RemoveButton({ what, kind, id }: { what: string; kind: "activity" | "rule"; id: string }) {
  const t = useTranslations("adminQuality");
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <ConfirmDialog
        trigger={
          <Button
            size="sm"
            variant="ghost"
            className="text-red-700"
            disabled={pending}
            aria-label={t("removeWhat", { what })}
          >
            {t("remove")}
          </Button>
        }
        title={t("removeTitle", { what })}
        description={kind === "activity" ? t("removeActivityBody") : t("removeRuleBody")}
        confirmLabel={t("remove")}
        onConfirm={() =>
          startTransition(async () => {
            const result =
              kind === "activity"
                ? await removeActivityAction({ activityId: id })
                : await removeRuleAction({ ruleId: id });
            setError(result.ok ? null : (result.message ?? t("couldNotRemove")));
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
  const t = useTranslations("adminQuality");
  const questionLabels = useQuestionLabels();
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
      title={rule ? t("editRule") : t("addARule")}
      description={t("ruleDescription")}
      trigger={
        rule ? (
          <Button size="sm" variant="ghost" aria-label={t("editRuleOf", { reason: rule.reason })}>
            {t("edit")}
          </Button>
        ) : (
          <Button size="sm" variant="secondary">
            {t("addRule")}
          </Button>
        )
      }
    >
      <form action={formAction} className="space-y-3">
        <input type="hidden" name="ruleId" value={rule?.id ?? ""} />
        <Select
          label={t("question")}
          name="question"
          defaultValue={rule?.question ?? "changeSize"}
          errors={errors.question}
          options={QUALITY_QUESTIONS.map((q) => ({ value: q, label: questionLabels[q] }))}
        />
        <Input
          label={t("matchesWhen")}
          name="matchValue"
          defaultValue={state.values?.matchValue ?? rule?.matchValue}
          errors={errors.matchValue}
          hint={t("matchHint")}
          required
        />
        <Input
          label={t("points")}
          name="points"
          type="number"
          defaultValue={state.values?.points ?? rule?.points ?? 1}
          errors={errors.points}
          required
        />
        <Input
          label={t("reason")}
          name="reason"
          defaultValue={state.values?.reason ?? rule?.reason}
          errors={errors.reason}
          required
        />
        <FormMessage state={state} />
        <div className="flex justify-end">
          <SubmitButton>{rule ? t("saveRule") : t("addRule")}</SubmitButton>
        </div>
      </form>
    </Dialog>
  );
}
