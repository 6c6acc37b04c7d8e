"use client";

// The gate's review board: who sits on it and who is required. The PM edits it until the gate
// is submitted; from then on it is fixed for the decision.
import { useActionState, useState, useTransition } from "react";
import { useTranslations } from "next-intl";
import { useVoteWords } from "@/components/gate-words-client";
import { Badge } from "@/components/ui/badge";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Checkbox, Select } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { GateDetail } from "@/lib/data/gate-views";
import { initialFormState } from "@/lib/form-state";
import { boardSeatAction, removeBoardSeatAction, toggleRequiredAction } from "./actions";

type Candidate = { id: string; name: string; email: string; role: string };

export function BoardPanel({
  projectId,
  gateNumber,
  board,
  votes,
  candidates,
  editable,
}: {
  projectId: string;
  gateNumber: number;
  board: GateDetail["gate"]["board"];
  votes: GateDetail["gate"]["votes"];
  candidates: Candidate[];
  editable: boolean;
}) {
  const t = useTranslations("gateBoard");
  const voteWord = useVoteWords();
  const [state, formAction] = useActionState(boardSeatAction, initialFormState);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const seated = new Set(board.map((b) => b.userId));
  const run = (work: () => Promise<{ ok: boolean; message?: string }>) =>
    startTransition(async () => {
      const result = await work();
      setError(result.ok ? null : (result.message ?? t("couldNotChange")));
    });
  return (
    <div className="space-y-4">
      {board.length ? (
        <ul className="divide-y divide-slate-100" aria-label={t("members")}>
          {board.map((b) => {
            const vote = votes.find((v) => v.userId === b.userId);
            return (
              <li key={b.userId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {b.name} {b.required ? <Badge tone="info">{t("required")}</Badge> : null}{" "}
                    <Badge>{b.side === "client" ? t("client") : t("vendor")}</Badge>
                  </p>
                  <p className="truncate text-xs text-slate-600">{b.email}</p>
                </div>
                <div className="flex items-center gap-2">
                  {vote ? (
                    <Badge tone={vote.vote === "go" || vote.vote === "conditional_go" ? "success" : "warning"}>
                      {t("voted", { vote: voteWord(vote.vote).toLowerCase() })}
                    </Badge>
                  ) : null}
                  {editable ? (
                    <>
                      <Checkbox
                        label={<span className="text-xs">{t("required")}</span>}
                        checked={b.required}
                        disabled={pending}
                        aria-label={t("isRequired", { name: b.name })}
                        onChange={(e) =>
                          run(() =>
                            toggleRequiredAction({
                              projectId,
                              number: gateNumber,
                              userId: b.userId,
                              required: e.target.checked,
                            }),
                          )
                        }
                      />
                      <ConfirmDialog
                        trigger={
                          <button
                            type="button"
                            className="rounded px-2 py-1 text-sm text-red-700 hover:bg-red-50"
                            disabled={pending}
                          >
                            {t("remove")}
                            <span className="sr-only"> {t("removeWho", { name: b.name })}</span>
                          </button>
                        }
                        title={t("removeTitle", { name: b.name })}
                        description={t("removeDescription", { name: b.name, number: gateNumber })}
                        confirmLabel={t("remove")}
                        onConfirm={() =>
                          run(() => removeBoardSeatAction({ projectId, number: gateNumber, userId: b.userId }))
                        }
                      />
                    </>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      )}
      {error ? (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {editable ? (
        <form action={formAction} className="space-y-3 border-t border-slate-200 pt-3">
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="number" value={gateNumber} />
          <Select
            label={t("add")}
            name="userId"
            required
            placeholder={t("choosePerson")}
            options={candidates
              .filter((c) => !seated.has(c.id))
              .map((c) => ({
                value: c.id,
                label:
                  c.role === "client"
                    ? t("candidateClient", { name: c.name, email: c.email })
                    : t("candidate", { name: c.name, email: c.email }),
              }))}
            errors={state.fieldErrors?.userId}
          />
          <Checkbox name="required" label={t("requiredHint")} />
          {gateNumber > 1 ? <Checkbox name="alsoOnRemainingGates" label={t("alsoRemaining")} /> : null}
          <FormMessage state={state} success={t("updated")} />
          <SubmitButton size="sm" pendingLabel={t("adding")}>
            {t("addToBoard")}
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
