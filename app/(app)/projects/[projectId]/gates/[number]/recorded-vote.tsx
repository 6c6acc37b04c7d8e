// Your vote of this round as the server recorded it, shown above the vote form (review-panel.tsx):
// rendered here so the form's client code needs no date formatter.
import { getTranslations } from "next-intl/server";
import { voteWords } from "@/components/gate-words";
import { getFormat } from "@/lib/i18n/format-server";

export async function RecordedVote({ vote }: { vote: { vote: string; rationale: string; updatedAt: string } | null }) {
  if (!vote) return null;
  const t = await getTranslations("gateReview");
  const format = await getFormat();
  const voteWord = await voteWords();
  return (
    <section
      className="rounded-md border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-slate-900"
      aria-label={t("recordedVote")}
    >
      <p>
        {t.rich("yourVoteIs", {
          vote: voteWord(vote.vote),
          rationale: vote.rationale,
          strong: (chunks) => <strong>{chunks}</strong>,
        })}
      </p>
      <p className="mt-1 text-xs text-slate-700">{t("castOn", { date: format.date(vote.updatedAt) })}</p>
    </section>
  );
}
