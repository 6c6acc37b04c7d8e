import Link from "next/link";
import { Card } from "@/components/ui/card";
import { COUNT_CAP, formatTotal } from "@/lib/data/my-reviews";
import type { ReviewQueue } from "@/lib/data/review-queue";
import { formatDate } from "@/lib/display-format";
import { ArtifactsToReview, GatesToVote } from "./review-queue-items";

export function ReviewQueueCard({ queue }: { queue: ReviewQueue }) {
  const empty = queue.gateTotal === 0 && queue.artifactTotal === 0;
  const more = (shown: number, total: number) =>
    total > shown ? (
      <p className="mt-2 text-sm">
        <Link href="/reviews" className="text-brand-700 underline">
          {total >= COUNT_CAP ? "More" : `${total - shown} more`} in My reviews
        </Link>
      </p>
    ) : null;
  return (
    <Card
      title="Waiting for your review"
      id="review-queue"
      actions={
        <Link href="/reviews" className="text-sm text-brand-700 underline">
          All my reviews
        </Link>
      }
    >
      {empty ? (
        <p className="text-sm text-slate-600">
          Nothing waits for you: no gate in review needs your vote and no submitted artifact needs your review.
        </p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby="queue-gates">
            <h3 id="queue-gates" className="mb-2 text-sm font-semibold text-slate-800">
              Gates to vote on ({formatTotal(queue.gateTotal)})
            </h3>
            {queue.gates.length === 0 ? (
              <p className="text-sm text-slate-600">No gate waits for your vote.</p>
            ) : (
              <>
                <GatesToVote
                  items={queue.gates.map(({ submittedAt, ...g }) => ({
                    ...g,
                    submitted: submittedAt ? formatDate(submittedAt) : null,
                  }))}
                />
                {more(queue.gates.length, queue.gateTotal)}
              </>
            )}
          </section>
          <section aria-labelledby="queue-artifacts">
            <h3 id="queue-artifacts" className="mb-2 text-sm font-semibold text-slate-800">
              Artifacts to review ({formatTotal(queue.artifactTotal)})
            </h3>
            {queue.artifacts.length === 0 ? (
              <p className="text-sm text-slate-600">No submitted artifact waits for you.</p>
            ) : (
              <>
                <ArtifactsToReview
                  items={queue.artifacts.map(({ submittedAt, ...a }) => ({ ...a, submitted: formatDate(submittedAt) }))}
                />
                {more(queue.artifacts.length, queue.artifactTotal)}
              </>
            )}
          </section>
        </div>
      )}
    </Card>
  );
}
