import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { COUNT_CAP, formatTotal } from "@/lib/data/my-reviews";
import type { ReviewQueue } from "@/lib/data/review-queue";
import { formatDate } from "@/lib/display-format";

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
        <p className="text-sm text-slate-600">Nothing waits for you: no gate in review needs your vote and no submitted artifact needs your review.</p>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          <section aria-labelledby="queue-gates">
            <h3 id="queue-gates" className="mb-2 text-sm font-semibold text-slate-800">Gates to vote on ({formatTotal(queue.gateTotal)})</h3>
            {queue.gates.length === 0 ? (
              <p className="text-sm text-slate-600">No gate waits for your vote.</p>
            ) : (
              <>
              <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                {queue.gates.map((g) => (
                  <li key={`${g.projectId}-${g.gateNumber}`} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                    <div className="min-w-0">
                      <Link href={`/projects/${g.projectId}/gates/${g.gateNumber}`} className="font-medium text-brand-700 hover:underline">
                        Gate {g.gateNumber}: {g.gateName}
                      </Link>
                      <div className="text-slate-600">{g.projectName}</div>
                    </div>
                    <div className="flex items-center gap-2 text-xs text-slate-600">
                      {g.required ? <Badge tone="warning">Required vote</Badge> : null}
                      {g.submittedAt ? <span>submitted {formatDate(g.submittedAt)}</span> : null}
                    </div>
                  </li>
                ))}
              </ul>
                {more(queue.gates.length, queue.gateTotal)}
              </>
            )}
          </section>
          <section aria-labelledby="queue-artifacts">
            <h3 id="queue-artifacts" className="mb-2 text-sm font-semibold text-slate-800">Artifacts to review ({formatTotal(queue.artifactTotal)})</h3>
            {queue.artifacts.length === 0 ? (
              <p className="text-sm text-slate-600">No submitted artifact waits for you.</p>
            ) : (
              <>
              <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
                {queue.artifacts.map((a) => (
                  <li key={a.artifactId} className="px-3 py-2 text-sm">
                    <Link href={`/projects/${a.projectId}/gates/${a.gateNumber}`} className="font-medium text-brand-700 hover:underline">
                      {a.title}
                    </Link>{" "}
                    <span className="text-slate-600">v{a.versionNumber}</span>
                    <div className="text-slate-600">
                      {a.projectName} · gate {a.gateNumber} · submitted {formatDate(a.submittedAt)}
                    </div>
                  </li>
                ))}
              </ul>
                {more(queue.artifacts.length, queue.artifactTotal)}
              </>
            )}
          </section>
        </div>
      )}
    </Card>
  );
}
