// The words for a board vote or decision in a client component (server components use
// gate-words.ts): the same catalogue entries, read through the client's translator.
import { useTranslations } from "next-intl";

export const VOTES = ["go", "conditional_go", "hold", "recycle", "kill"] as const;

/** A vote or a decision: "conditional_go" → "Conditional go". */
export function useVoteWords(): (vote: string) => string {
  const t = useTranslations("gateVote");
  const words: Record<string, string> = {
    go: t("go"),
    conditional_go: t("conditionalGo"),
    hold: t("hold"),
    recycle: t("recycle"),
    kill: t("kill"),
  };
  return (vote) => words[vote] ?? vote;
}
