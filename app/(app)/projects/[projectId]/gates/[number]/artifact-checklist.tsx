// The gate's artifact checklist: status and version history, rendered on the server. Adding a
// version (file, link or text) and reviewing the latest version are the client dialogs of
// artifact-dialogs.tsx; the version under review is rendered here and handed to its dialog.
import { getTranslations } from "next-intl/server";
import { StatusBadge } from "@/components/ui/badge";
import type { GateDetail } from "@/lib/data/gate-views";
import { getFormat } from "@/lib/i18n/format-server";
import { ApprovalProgress } from "./approval-progress";
import { AddVersionDialog, ReviewDialog } from "./artifact-dialogs";
import { VersionContent } from "./version-content";

type ArtifactItem = GateDetail["gate"]["artifacts"][number];
type Props = {
  projectId: string;
  gateNumber: number;
  artifacts: ArtifactItem[];
  you: GateDetail["you"];
  gateOpen: boolean;
  accept: string;
};

export async function ArtifactChecklist({ projectId, gateNumber, artifacts, you, gateOpen, accept }: Props) {
  const t = await getTranslations("gateArtifacts");
  if (!artifacts.length) return <p className="text-sm text-slate-600">{t("none")}</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("label")}>
      {artifacts.map((a) => (
        <li key={a.id} className="py-3">
          <ArtifactRow
            projectId={projectId}
            gateNumber={gateNumber}
            artifact={a}
            you={you}
            gateOpen={gateOpen}
            accept={accept}
          />
        </li>
      ))}
    </ul>
  );
}

async function ArtifactRow({
  projectId,
  gateNumber,
  artifact,
  you,
  gateOpen,
  accept,
}: {
  projectId: string;
  gateNumber: number;
  artifact: ArtifactItem;
  you: GateDetail["you"];
  gateOpen: boolean;
  accept: string;
}) {
  const t = await getTranslations("gateArtifacts");
  const format = await getFormat();
  const kindWords: Record<string, string> = { file: t("kindFile"), url: t("kindUrl"), markdown: t("kindMarkdown") };
  const latest = artifact.versions[0];
  const canReview = you.onBoard && gateOpen && latest && latest.submittedBy !== you.id;
  const reviewedByYou = Boolean(
    latest && artifact.reviews.some((r) => r.versionId === latest.id && r.reviewerId === you.id && !r.dismissed),
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h3 className="font-medium text-slate-900">{artifact.title}</h3>
          <p className="text-xs text-slate-600">
            {artifact.requirement === "must" ? t("required") : t("recommended")}
            {artifact.ownerName ? ` · ${t("owner", { name: artifact.ownerName })}` : ""}
            {latest ? ` · ${t("version", { number: latest.number })}` : ""}
          </p>
          <ApprovalProgress artifact={artifact} />
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <StatusBadge status={artifact.status} label={artifact.status === "missing" ? t("missing") : undefined} />
          {you.canSubmitArtifacts && gateOpen ? (
            <AddVersionDialog
              projectId={projectId}
              gateNumber={gateNumber}
              artifactId={artifact.id}
              artifactTitle={artifact.title}
              accept={accept}
            />
          ) : null}
          {canReview ? (
            <ReviewDialog
              projectId={projectId}
              gateNumber={gateNumber}
              artifactId={artifact.id}
              artifactTitle={artifact.title}
              again={reviewedByYou}
              description={t("reviewDescription", {
                number: String(latest.number),
                name: String(latest.submittedByName),
                date: format.date(latest.submittedAt),
              })}
            >
              <section
                aria-label={t("versionOf", { number: latest.number, title: artifact.title })}
                className="mb-4 space-y-2"
              >
                <VersionContent projectId={projectId} artifactId={artifact.id} version={latest} preview />
                {latest.note ? (
                  <p className="text-sm text-slate-700">
                    {t("noteFrom", { name: latest.submittedByName, note: latest.note })}
                  </p>
                ) : null}
              </section>
            </ReviewDialog>
          ) : null}
        </div>
      </div>
      {latest && you.onBoard && latest.submittedBy === you.id && gateOpen ? (
        <p className="text-xs text-slate-600">{t("yourVersion")}</p>
      ) : null}
      {artifact.versions.length ? (
        <details className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
          <summary className="cursor-pointer text-sm text-slate-800">
            {t("history", { versions: artifact.versions.length, reviews: artifact.reviews.length })}
          </summary>
          <ol className="mt-2 space-y-3">
            {artifact.versions.map((v) => (
              <li key={v.id} className="text-sm">
                <p className="text-slate-900">
                  <span className="font-medium">{t("versionHeading", { number: v.number })}</span> ·{" "}
                  {[kindWords[v.kind] ?? v.kind, v.submittedByName, format.dateTime(v.submittedAt)].join(" · ")}
                </p>
                <div className="mt-1">
                  <VersionContent projectId={projectId} artifactId={artifact.id} version={v} />
                </div>
                {v.note ? <p className="text-xs text-slate-700">{t("note", { note: v.note })}</p> : null}
                <ul className="mt-1 space-y-1">
                  {artifact.reviews
                    .filter((r) => r.versionId === v.id)
                    .map((r) => (
                      <li key={r.id} className="text-xs text-slate-700">
                        <StatusBadge
                          status={r.decision === "approve" ? "approved" : "changes_requested"}
                          label={r.decision === "approve" ? t("approved") : t("changesRequested")}
                        />{" "}
                        {t("by", { name: r.reviewerName })}
                        {r.dismissed ? ` ${t("dismissed")}` : ""}
                        {r.comment ? `: “${r.comment}”` : ""}
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
