import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatTotal, myReviews } from "@/lib/data/my-reviews";
import { requireActor } from "@/lib/session";
import { formatDate } from "@/lib/display-format";

export const metadata: Metadata = { title: "My reviews" };

const LIST_LIMIT = 100;
const shownOf = (shown: number, total: number) => (total > shown ? `${shown} of ${formatTotal(total)}` : `${total}`);

export default async function MyReviewsPage() {
  const actor = await requireActor();
  // A very large queue is cut to a readable length, with the total shown.
  const { votesNeeded, artifactsToReview, votesNeededTotal, artifactsToReviewTotal } = await myReviews(getDb(), actor, {
    limit: LIST_LIMIT,
  });
  const nothing = !votesNeeded.length && !artifactsToReview.length;
  return (
    <div className="space-y-6">
      <PageHeader
        title="My reviews"
        description={
          "Gates in review where you sit on the board and have not voted, and artifact versions " +
          "waiting for your review."
        }
      />
      {nothing ? (
        <EmptyState title="Nothing waits for you">
          When a gate you sit on is submitted, or a new artifact version needs a board review, it appears here.
        </EmptyState>
      ) : (
        <>
          <Card title={`Votes needed (${shownOf(votesNeeded.length, votesNeededTotal)})`}>
            {votesNeeded.length ? (
              <ul className="divide-y divide-slate-100">
                {votesNeeded.map((g) => (
                  <li
                    key={`${g.projectId}-${g.number}`}
                    className="flex flex-wrap items-center justify-between gap-2 py-2"
                  >
                    <div className="min-w-0">
                      <Link
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                        href={`/projects/${g.projectId}/gates/${g.number}`}
                      >
                        Gate {g.number}: {g.name}
                      </Link>
                      <p className="text-sm text-slate-600">
                        {g.projectName} · submitted {formatDate(g.submittedAt)}
                        {g.round > 1 ? ` · round ${g.round}` : ""}
                      </p>
                    </div>
                    {g.required ? <Badge tone="info">Your vote is required</Badge> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No gate is waiting for your vote.</p>
            )}
          </Card>
          <Card title={`Artifacts to review (${shownOf(artifactsToReview.length, artifactsToReviewTotal)})`}>
            {artifactsToReview.length ? (
              <ul className="divide-y divide-slate-100">
                {artifactsToReview.map((a) => (
                  <li key={a.artifactId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                    <div className="min-w-0">
                      <Link
                        className="font-medium text-brand-700 underline-offset-2 hover:underline"
                        href={`/projects/${a.projectId}/gates/${a.gateNumber}`}
                      >
                        {a.title}
                      </Link>
                      <p className="text-sm text-slate-600">
                        {a.projectName} · gate {a.gateNumber} · version {a.versionNumber} by {a.submittedBy},{" "}
                        {formatDate(a.submittedAt)}
                      </p>
                    </div>
                    <Badge tone={a.requirement === "must" ? "info" : "neutral"}>
                      {a.requirement === "must" ? "Required" : "Recommended"}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">No artifact version is waiting for your review.</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
