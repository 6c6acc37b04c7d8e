// A gate's decision-rule verdict in the reader's language. The verdict (met, who is missing) is
// the workflow's (lib/domain/gate evaluateRule); the counts in the sentence are those of the
// round's votes, and in English the sentence is exactly the workflow's explanation (the test checks).
import { useTranslations } from "next-intl";
import { IN_FAVOUR, type BoardSeat, type CastVote, type DecisionRule, type RuleVerdict } from "@/lib/domain/gate";

export type RuleTranslator = ReturnType<typeof useTranslations<"gateRule">>;
export type RuleFacts = {
  decisionRule: DecisionRule;
  quorum: number | null;
  board: BoardSeat[];
  votes: { userId: string; vote: string }[];
  verdict: Pick<RuleVerdict, "met" | "missing">;
};

/** In a component: the verdict of a gate in review, or null when there is none. */
export function useRuleWords(facts: Omit<RuleFacts, "verdict"> & { verdict: RuleFacts["verdict"] | null }) {
  const say = useTranslations("gateRule");
  return facts.verdict ? sayRuleVerdict(say, { ...facts, verdict: facts.verdict }) : null;
}

export function sayRuleVerdict(say: RuleTranslator, facts: RuleFacts): string {
  const { decisionRule, quorum, board, verdict } = facts;
  const seated = new Set(board.map((b) => b.userId));
  const counted = facts.votes.filter((v) => seated.has(v.userId)) as CastVote[];
  const inFavour = new Set(counted.filter((v) => IN_FAVOUR.has(v.vote)).map((v) => v.userId)).size;
  const requiredMissing = verdict.missing.length;
  if (decisionRule === "unanimous") {
    const against = counted.filter((v) => !IN_FAVOUR.has(v.vote)).length;
    if (verdict.met) return say("unanimousMet");
    if (against) return say("unanimousAgainst", { count: against });
    if (inFavour === 0) return say("unanimousNone");
    return say("unanimousRequired", { count: requiredMissing });
  }
  if (decisionRule === "quorum") {
    const needed = Math.max(1, quorum ?? 1);
    if (verdict.met) return say("quorumMet", { inFavour, needed });
    return requiredMissing
      ? say("quorumRequired", { inFavour, needed, count: requiredMissing })
      : say("quorum", { inFavour, needed });
  }
  const seats = board.length;
  const needed = Math.floor(seats / 2) + 1;
  return verdict.met
    ? say("majorityMet", { inFavour, board: seats })
    : say("majority", { inFavour, board: seats, needed });
}
