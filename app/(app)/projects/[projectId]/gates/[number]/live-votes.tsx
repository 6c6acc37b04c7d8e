// The votes of the current review round, rendered on the server (no JavaScript to hydrate but the
// small poller, which is there only while the gate is in review).
import { useTranslations } from "next-intl";
import { useVoteWords } from "@/components/gate-words-client";
import type { GateDetail } from "@/lib/data/gate-views";
import { IN_FAVOUR, type Vote } from "@/lib/domain/gate";
import { VotePollerLazy } from "./vote-poller-lazy";

type Gate = GateDetail["gate"];

/**
 * The decision rule's verdict (lib/domain/gate evaluateRule: `met` and who is missing) said in the
 * reader's language; the counts are those of the votes on this page, the verdict is the workflow's.
 */
function useRuleWords(gate: Gate): string | null {
  const say = useTranslations("gateRule");
  if (!gate.rule) return null;
  const seated = new Set(gate.board.map((b) => b.userId));
  const counted = gate.votes.filter((v) => seated.has(v.userId));
  const inFavour = counted.filter((v) => IN_FAVOUR.has(v.vote as Vote)).length;
  const requiredMissing = gate.rule.missing.length;
  const { met } = gate.rule;
  if (gate.decisionRule === "unanimous") {
    const against = counted.length - inFavour;
    if (met) return say("unanimousMet");
    if (against) return say("unanimousAgainst", { count: against });
    if (inFavour === 0) return say("unanimousNone");
    return say("unanimousRequired", { count: requiredMissing });
  }
  if (gate.decisionRule === "quorum") {
    const needed = Math.max(1, gate.quorum ?? 1);
    if (met) return say("quorumMet", { inFavour, needed });
    return requiredMissing
      ? say("quorumRequired", { inFavour, needed, count: requiredMissing })
      : say("quorum", { inFavour, needed });
  }
  const board = gate.board.length;
  const needed = Math.floor(board / 2) + 1;
  return met ? say("majorityMet", { inFavour, board }) : say("majority", { inFavour, board, needed });
}

export function LiveVotes({ projectId, gate, youId }: { projectId: string; gate: Gate; youId: string }) {
  const t = useTranslations("gateVotes");
  const voteWord = useVoteWords();
  const ruleWords = useRuleWords(gate);
  const names = new Map(gate.board.map((b) => [b.userId, b.name]));
  return (
    <div className="space-y-3">
      {gate.status === "in_review" ? (
        <VotePollerLazy projectId={projectId} gateNumber={gate.number} version={gate.version} status={gate.status} />
      ) : null}
      {gate.rule ? (
        <p
          className={
            `rounded-md px-3 py-2 ` +
            `text-sm ${gate.rule.met ? "bg-green-50 text-green-900" : "bg-slate-50 text-slate-800"}`
          }
          role="status"
          aria-live="polite"
        >
          {ruleWords}
        </p>
      ) : null}
      {gate.votes.length ? (
        <ul className="divide-y divide-slate-100" aria-label={t("ofRound", { round: gate.round })}>
          {gate.votes.map((v) => (
            <li key={v.userId} className="py-2 text-sm">
              <span className="font-medium text-slate-900">
                {names.get(v.userId) ?? v.name}
                {v.userId === youId ? ` ${t("you")}` : ""}
              </span>
              : {voteWord(v.vote)}
              <span className="block text-slate-700">“{v.rationale}”</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{gate.status === "in_review" ? t("none") : t("opensOnSubmit")}</p>
      )}
    </div>
  );
}
