// The quality standard of one release (DESIGN.md §2 "QualitySelection (per sprint or release)"):
// the same questions and form as a sprint's, the required activities with their evidence, and
// the sprints of the release that inherit it because they have no standard of their own.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { QualityActivityList, qualityLabelsIn } from "@/components/quality-activity-list";
import { EvidenceDialog } from "@/components/quality-evidence-forms";
import { QualitySelectionForm } from "@/components/quality-selection-on-demand";
import { Badge, StatusBadge } from "@/components/ui/badge";
import type { SelectionView } from "@/lib/views/quality";
import type { QualityAnswers, QualityLevel, QualityRule } from "@/lib/domain/quality-selection";
import { getFormat } from "@/lib/i18n/format-server";

type ReleaseQualityView = {
  id: string;
  number: number;
  name: string;
  selection: SelectionView | null;
  inheritingSprints: { id: string; number: number; status: string }[];
};

export async function ReleaseQualityPanel({
  projectId,
  release,
  canEdit,
  levels,
  rules,
  escapedDefects,
  accept,
}: {
  projectId: string;
  release: ReleaseQualityView;
  canEdit: boolean;
  levels: QualityLevel[];
  rules: QualityRule[];
  escapedDefects: number;
  accept: string;
}) {
  const { selection } = release;
  const t = await getTranslations("releaseQuality");
  const tl = await getTranslations("qualityLabels");
  const labels = qualityLabelsIn(tl);
  const format = await getFormat();
  const title = t("title", { number: release.number, name: release.name });
  return (
    <section
      id={`release-${release.number}`}
      aria-labelledby={`release-${release.number}-title`}
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`release-${release.number}-title`} className="font-semibold text-slate-900">
          {title}
        </h3>
        {selection ? (
          <Badge tone={selection.missing.length ? "warning" : "success"}>
            {selection.missing.length
              ? tl("missingCount", { count: selection.missing.length })
              : tl("evidenceComplete")}
          </Badge>
        ) : null}
      </div>
      {selection ? (
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
            {tl("chosen")} <Badge tone="info">{selection.chosenLevel}</Badge>
            <span>{tl("recommendedLevel", { level: selection.recommendedLevel })}</span>
            <span className="text-slate-600">
              {tl("selectedBy", { name: selection.selectedBy.name, date: format.date(selection.selectedAt) })}
            </span>
          </p>
          {selection.justification ? (
            <p className="whitespace-pre-line rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <span className="font-medium">{tl("justification")} </span>
              {selection.justification}
            </p>
          ) : null}
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t("noneChosen")}</p>
      )}

      <p className="text-sm text-slate-700">
        {release.inheritingSprints.length ? (
          <>
            {selection ? t("heldToIt") : t("withoutStandard")}{" "}
            {release.inheritingSprints.map((s, i) => (
              <span key={s.id}>
                {i ? ", " : ""}
                <Link className="text-brand-700 underline" href={`/projects/${projectId}/sprints/${s.id}`}>
                  {t("sprint", { number: s.number })}
                </Link>{" "}
                <StatusBadge status={s.status} label={labels.sprintStatus(s.status)} />
              </span>
            ))}
          </>
        ) : (
          t("everySprintHasOwn")
        )}
      </p>

      {canEdit ? (
        <details className="rounded-md border border-slate-100 p-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {selection ? t("change") : t("choose")}
          </summary>
          <div className="mt-3">
            <QualitySelectionForm
              projectId={projectId}
              releaseId={release.id}
              label={t("formLabel", { number: release.number })}
              levels={levels}
              rules={rules}
              escapedDefects={escapedDefects}
              escapedDefectsShown={format.number(escapedDefects)}
              current={
                selection
                  ? {
                      answers: selection.answers as QualityAnswers,
                      chosenLevel: selection.chosenLevel,
                      justification: selection.justification,
                      selectedAt: selection.selectedAt,
                    }
                  : null
              }
            />
          </div>
        </details>
      ) : selection ? (
        <ul className="text-sm text-slate-600" aria-label={tl("reasons")}>
          {selection.reasons.map((r, i) => (
            <li key={i}>
              {r.text} (+{r.points})
            </li>
          ))}
        </ul>
      ) : null}

      {selection ? (
        <div>
          <h4 className="text-sm font-semibold text-slate-900">
            {tl("requiredActivities", { level: selection.chosenLevel })}
          </h4>
          <QualityActivityList
            activities={selection.activities}
            action={
              canEdit
                ? (activity) => (
                    <EvidenceDialog projectId={projectId} releaseId={release.id} activity={activity} accept={accept} />
                  )
                : undefined
            }
          />
        </div>
      ) : null}
    </section>
  );
}
