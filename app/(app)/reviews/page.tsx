import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/db/client";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatTotal, myReviews } from "@/lib/data/my-reviews";
import { requireActor } from "@/lib/session";
import { getFormat } from "@/lib/i18n/format-server";
import { getTranslations } from "next-intl/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reviewsPage");
  return { title: t("title") };
}

const LIST_LIMIT = 100;

export default async function MyReviewsPage() {
  const actor = await requireActor();
  const t = await getTranslations("reviewsPage");
  const format = await getFormat();
  const shownOf = (shown: number, total: number) =>
    total > shown ? t("shownOf", { shown, total: formatTotal(total) }) : `${total}`;
  // A very large queue is cut to a readable length, with the total shown.
  const { votesNeeded, artifactsToReview, votesNeededTotal, artifactsToReviewTotal } = await myReviews(getDb(), actor, {
    limit: LIST_LIMIT,
  });
  const nothing = !votesNeeded.length && !artifactsToReview.length;
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      {nothing ? (
        <EmptyState title={t("nothingTitle")}>{t("nothingBody")}</EmptyState>
      ) : (
        <>
          <Card title={t("votesNeeded", { count: shownOf(votesNeeded.length, votesNeededTotal) })}>
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
                        {t("gate", { number: g.number, name: g.name })}
                      </Link>
                      <p className="text-sm text-slate-600">
                        {g.projectName} · {t("submittedOn", { date: format.date(g.submittedAt) })}
                        {g.round > 1 ? ` · ${t("round", { round: g.round })}` : ""}
                      </p>
                    </div>
                    {g.required ? <Badge tone="info">{t("voteRequired")}</Badge> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("noVotes")}</p>
            )}
          </Card>
          <Card title={t("artifactsToReview", { count: shownOf(artifactsToReview.length, artifactsToReviewTotal) })}>
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
                        {a.projectName} ·{" "}
                        {t("artifactLine", {
                          gate: a.gateNumber,
                          version: a.versionNumber,
                          name: a.submittedBy,
                          date: format.date(a.submittedAt),
                        })}
                      </p>
                    </div>
                    <Badge tone={a.requirement === "must" ? "info" : "neutral"}>
                      {a.requirement === "must" ? t("required") : t("recommended")}
                    </Badge>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("noArtifacts")}</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
