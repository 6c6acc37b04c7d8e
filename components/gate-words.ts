// The words for a gate's status and for a board vote or decision, in the reader's language, for
// server components (client components use the hooks in gate-words-client.ts). An unknown value
// is shown as it is stored rather than hidden.
import { getTranslations } from "next-intl/server";

/** "pending" → "Pending" · "Pendiente" · "Oczekuje". */
export async function gateStatusWords(): Promise<(status: string) => string> {
  const status = await getTranslations("gateStatus");
  const words: Record<string, string> = {
    pending: status("pending"),
    in_review: status("inReview"),
    go: status("go"),
    conditional_go: status("conditionalGo"),
    hold: status("hold"),
    recycled: status("recycled"),
    killed: status("killed"),
  };
  return (status) => words[status] ?? status;
}

/** A vote or a decision: "conditional_go" → "Conditional go". */
export async function voteWords(): Promise<(vote: string) => string> {
  const vote = await getTranslations("gateVote");
  const words: Record<string, string> = {
    go: vote("go"),
    conditional_go: vote("conditionalGo"),
    hold: vote("hold"),
    recycle: vote("recycle"),
    kill: vote("kill"),
  };
  return (vote) => words[vote] ?? vote;
}
