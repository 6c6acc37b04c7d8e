import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { ClientLinks } from "@/components/ui/client-links";
import { COUNT_CAP, formatTotal } from "@/lib/data/my-reviews";
import type { ReviewQueue } from "@/lib/data/review-queue";

const LIST = "divide-y divide-slate-100 rounded-md border border-slate-200";

/** `items`: the queue's gates and artifacts as markup (review-queue-items.ts). */
export async function ReviewQueueCard({
  queue,
  items,
}: {
  queue: ReviewQueue;
  items: { gates: string; artifacts: string };
}) {
  const t = await getTranslations("reviewQueue");
  const list = (html: string) => <ul className={LIST} dangerouslySetInnerHTML={{ __html: html }} />;
  const empty = queue.gateTotal === 0 && queue.artifactTotal === 0;
  const more = (shown: number, total: number) =>
    total > shown ? (
      <p className="mt-2 text-sm">
        <Link href="/reviews" className="text-brand-700 underline">
          {total >= COUNT_CAP ? t("moreCapped") : t("more", { count: total - shown })}
        </Link>
      </p>
    ) : null;
  return (
    <Card
      title={t("title")}
      id="review-queue"
      actions={
        <Link href="/reviews" className="text-sm text-brand-700 underline">
          {t("allReviews")}
        </Link>
      }
    >
      {empty ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ClientLinks className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby="queue-gates">
            <h3 id="queue-gates" className="mb-2 text-sm font-semibold text-slate-800">
              {t("gatesToVote", { total: formatTotal(queue.gateTotal) })}
            </h3>
            {queue.gates.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noGate")}</p>
            ) : (
              <>
                {list(items.gates)}
                {more(queue.gates.length, queue.gateTotal)}
              </>
            )}
          </section>
          <section aria-labelledby="queue-artifacts">
            <h3 id="queue-artifacts" className="mb-2 text-sm font-semibold text-slate-800">
              {t("artifactsToReview", { total: formatTotal(queue.artifactTotal) })}
            </h3>
            {queue.artifacts.length === 0 ? (
              <p className="text-sm text-slate-600">{t("noArtifact")}</p>
            ) : (
              <>
                {list(items.artifacts)}
                {more(queue.artifacts.length, queue.artifactTotal)}
              </>
            )}
          </section>
        </ClientLinks>
      )}
    </Card>
  );
}
