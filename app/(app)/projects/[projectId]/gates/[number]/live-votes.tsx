// The votes of the current review round, rendered on the server (no JavaScript to hydrate but the
// small poller, which is there only while the gate is in review).
import { useTranslations } from "next-intl";
import { useVoteWords } from "@/components/gate-words-client";
import type { GateDetail } from "@/lib/data/gate-views";
import { useRuleWords } from "@/lib/gate-rule-words";
import { VotePollerLazy } from "./vote-poller-lazy";

type Gate = GateDetail["gate"];

export function LiveVotes({ projectId, gate, youId }: { projectId: string; gate: Gate; youId: string }) {
  const t = useTranslations("gateVotes");
  const voteWord = useVoteWords();
  const ruleWords = useRuleWords({
    decisionRule: gate.decisionRule,
    quorum: gate.quorum,
    board: gate.board,
    votes: gate.votes,
    verdict: gate.rule,
  });
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
              <span className="block text-slate-700">{t("rationale", { rationale: v.rationale })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">{gate.status === "in_review" ? t("none") : t("opensOnSubmit")}</p>
      )}
    </div>
  );
}
