"use client";

// Your vote and the decision form with conditions (the round's votes are in live-votes.tsx).
import { useRef, useState, useTransition, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { useVoteWords, VOTES } from "@/components/gate-words-client";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Input, Select, Textarea } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { GateDetail } from "@/lib/data/gate-views";
import { initialFormState } from "@/lib/form-state";
import { conditionErrors, type ConditionWords } from "@/lib/domain/condition-check";
import type { Check } from "@/lib/domain/gate-readiness";
import { decideAction, voteAction } from "./actions";

type Gate = GateDetail["gate"];

/** The five votes (and decisions) as options, in the workflow's order. */
function useVoteOptions() {
  const voteWord = useVoteWords();
  return VOTES.map((value) => ({ value, label: voteWord(value) }));
}

type YourVote = { vote: string; rationale: string; updatedAt: string } | null;

/**
 * Your vote of this round as recorded (not as typed: `recorded`, rendered on the server by
 * recorded-vote.tsx), then the form to cast or change it.
 */
export function VoteForm({
  projectId,
  gateNumber,
  yourVote,
  recorded,
}: {
  projectId: string;
  gateNumber: number;
  yourVote: YourVote;
  recorded: ReactNode;
}) {
  // No automatic reset: after a vote the fields keep showing the vote just recorded.
  const { state, onSubmit, pending } = useActionForm(voteAction);
  const t = useTranslations("gateReview");
  const voteOptions = useVoteOptions();
  return (
    <div className="space-y-3">
      {recorded}
      <form onSubmit={onSubmit} className="space-y-3">
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="number" value={gateNumber} />
        <Select
          label={yourVote ? t("changeYourVote") : t("yourVote")}
          name="vote"
          required
          defaultValue={state.values?.vote ?? yourVote?.vote ?? ""}
          placeholder={t("choose")}
          options={voteOptions}
          errors={state.fieldErrors?.vote}
        />
        <Textarea
          label={t("rationale")}
          name="rationale"
          rows={3}
          required
          defaultValue={state.values?.rationale ?? yourVote?.rationale}
          errors={state.fieldErrors?.rationale}
        />
        <FormMessage state={state} success={t("voteRecorded")} />
        <SubmitButton pending={pending} pendingLabel={t("voting")}>
          {yourVote ? t("changeVote") : t("castVote")}
        </SubmitButton>
      </form>
    </div>
  );
}

type ConditionRow = {
  key: number;
  text: string;
  ownerId: string;
  dueDate: string;
  errors?: Record<string, string[] | undefined>;
};

/**
 * `checks` is the workflow's own verdict on each decision for the state the page was rendered
 * with (lib/domain/gate-readiness), so a refusal shows before the confirmation, not after it.
 */
export function DecisionForm({
  projectId,
  gate,
  owners,
  checks,
  conditionWords,
}: {
  projectId: string;
  gate: Gate;
  owners: { value: string; label: string }[];
  checks: Record<string, Check>;
  /** The condition checks' sentences in the reader's language (conditionWordsFrom). */
  conditionWords: ConditionWords;
}) {
  const t = useTranslations("gateReview");
  const voteWord = useVoteWords();
  const voteOptions = useVoteOptions();
  const [decision, setDecision] = useState("");
  const [rationale, setRationale] = useState("");
  const [conditions, setConditions] = useState<ConditionRow[]>([]);
  const [state, setState] = useState(initialFormState);
  const [pending, startTransition] = useTransition();
  const nextKey = useRef(1);
  const formRef = useRef<HTMLFormElement>(null);
  // A message answers the gate as it was: when a vote or another change moves it on, the
  // message goes (what was typed stays).
  const [answeredVersion, setAnsweredVersion] = useState(gate.version);
  if (answeredVersion !== gate.version) {
    setAnsweredVersion(gate.version);
    setState(initialFormState);
  }
  const check = decision ? checks[decision] : undefined;
  const refusal = check && !check.ok ? check.refusal.message : null;
  const refusalId = `decision-refusal-${gate.number}`;
  const conditional = decision === "conditional_go";
  const update = (key: number, patch: Partial<ConditionRow>) =>
    setConditions((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  /** The server's rules for a condition, so errors show next to the fields before anything is sent or confirmed. */
  function checkLocally(): boolean {
    const checked = conditional
      ? conditions.map((row) => ({ ...row, errors: conditionErrors(row, conditionWords) }))
      : conditions;
    setConditions(checked);
    const fieldErrors: Record<string, string[]> = {};
    if (!decision) fieldErrors.decision = [t("chooseDecision")];
    if (!rationale.trim()) fieldErrors.rationale = [t("rationaleRequired")];
    if (conditional && conditions.length === 0) fieldErrors.conditions = [t("conditionNeeded")];
    const ok = Object.keys(fieldErrors).length === 0 && !checked.some((r) => r.errors);
    if (!ok) setState({ ok: false, message: t("correctFields"), fieldErrors, at: Date.now() });
    return ok;
  }

  function submit() {
    if (!checkLocally()) return;
    startTransition(async () => {
      const result = await decideAction({
        projectId,
        number: gate.number,
        decision: decision as "go",
        rationale,
        conditions: conditional ? conditions.map(({ text, ownerId, dueDate }) => ({ text, ownerId, dueDate })) : [],
        expectedVersion: gate.version,
      });
      setState(result);
    });
  }

  const irreversible = decision === "kill" || decision === "go" || decision === "conditional_go";
  return (
    <form
      ref={formRef}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!irreversible) submit();
      }}
    >
      <Select
        label={t("decision")}
        name="decision"
        required
        value={decision}
        onChange={(e) => setDecision(e.target.value)}
        placeholder={t("choose")}
        options={voteOptions}
        errors={state.fieldErrors?.decision}
      />
      {refusal ? (
        <p
          id={refusalId}
          role="alert"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {`${t("cannotRecordYet", { decision: voteWord(decision) })} ${refusal}`}
        </p>
      ) : null}
      <Textarea
        label={t("rationale")}
        name="rationale"
        rows={3}
        required
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
        errors={state.fieldErrors?.rationale}
      />
      {conditional ? (
        <fieldset className="space-y-3 rounded-md border border-slate-200 p-3">
          <legend className="px-1 text-sm font-medium text-slate-800">{t("conditionsLegend")}</legend>
          {conditions.map((row, i) => (
            <div key={row.key} className="space-y-2 border-b border-slate-100 pb-3 last:border-b-0">
              <Input
                label={t("condition", { number: i + 1 })}
                value={row.text}
                onChange={(e) => update(row.key, { text: e.target.value })}
                errors={row.errors?.text}
              />
              <div className="grid gap-2 sm:grid-cols-2">
                <Select
                  label={t("owner")}
                  value={row.ownerId}
                  onChange={(e) => update(row.key, { ownerId: e.target.value })}
                  placeholder={t("choose")}
                  options={owners}
                  errors={row.errors?.ownerId}
                />
                <Input
                  label={t("dueDate")}
                  type="date"
                  value={row.dueDate}
                  onChange={(e) => update(row.key, { dueDate: e.target.value })}
                  errors={row.errors?.dueDate}
                />
              </div>
              <Button
                variant="ghost"
                size="sm"
                onClick={() => setConditions((rows) => rows.filter((r) => r.key !== row.key))}
              >
                {t("removeCondition", { number: i + 1 })}
              </Button>
            </div>
          ))}
          {state.fieldErrors?.conditions ? (
            <p className="text-sm text-red-700" role="alert">
              {state.fieldErrors.conditions.join(" ")}
            </p>
          ) : null}
          <Button
            variant="secondary"
            size="sm"
            onClick={() =>
              setConditions((rows) => [...rows, { key: nextKey.current++, text: "", ownerId: "", dueDate: "" }])
            }
          >
            {t("addCondition")}
          </Button>
        </fieldset>
      ) : null}
      <FormMessage state={state} success={t("decisionRecorded")} />
      {irreversible ? (
        <ConfirmDialog
          trigger={
            <Button
              variant={decision === "kill" ? "danger" : "primary"}
              disabled={pending || Boolean(refusal)}
              aria-describedby={refusal ? refusalId : undefined}
              // Refuse to open the confirmation while the form is incomplete (the dialog does not open when the click
              // is prevented).
              onClick={(e) => {
                if (!checkLocally()) e.preventDefault();
              }}
            >
              {pending ? t("recording") : t("recordDecision")}
            </Button>
          }
          title={t("confirmTitle", { decision: voteWord(decision), number: gate.number })}
          description={decision === "kill" ? t("confirmKill") : t("confirmPass", { next: gate.number - 1 || 1 })}
          confirmLabel={t("recordDecision")}
          variant={decision === "kill" ? "danger" : "primary"}
          onConfirm={submit}
        />
      ) : (
        <Button type="submit" disabled={pending || Boolean(refusal)} aria-describedby={refusal ? refusalId : undefined}>
          {pending ? t("recording") : t("recordDecision")}
        </Button>
      )}
    </form>
  );
}
