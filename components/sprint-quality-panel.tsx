// The quality of one sprint (DESIGN.md §3 "Quality selection"): questions, live recommendation,
// chosen level, required activities with their evidence, and what still blocks the review.
// Without a selection of its own the sprint is held to its release's (shown as inherited).
// Presentational: the sprint page loads the view, and the scale and rules only when the form is shown.
import { getTranslations } from "next-intl/server";
import { QualityActivityList, qualityLabelsIn } from "@/components/quality-activity-list";
import { EscapedDefectsForm, EvidenceDialog } from "@/components/quality-evidence-forms";
import { QualitySelectionForm } from "@/components/quality-selection-on-demand";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { QualityAnswers, QualityLevel, QualityRule } from "@/lib/domain/quality-selection";
import { getFormat } from "@/lib/i18n/format-server";
import type { SprintQualityView } from "@/lib/views/quality";

export async function SprintQualityPanel({
  projectId,
  sprintId,
  view,
  levels,
  rules,
  accept,
}: {
  projectId: string;
  sprintId: string;
  view: SprintQualityView;
  /** The scale and its rules; empty unless view.canEdit (only the selection form needs them). */
  levels: QualityLevel[];
  rules: QualityRule[];
  /** The file input's accept attribute for evidence uploads. */
  accept: string;
}) {
  const { selection, sprint, missing, inheritedFrom } = view;
  const t = await getTranslations("sprintQuality");
  const tl = await getTranslations("qualityLabels");
  const labels = qualityLabelsIn(tl);
  const format = await getFormat();

  return (
    <Card
      title={t("title")}
      id="quality"
      actions={
        selection ? (
          <Badge tone={missing.length ? "warning" : "success"}>
            {missing.length ? tl("missingCount", { count: missing.length }) : tl("evidenceComplete")}
          </Badge>
        ) : null
      }
    >
      <div className="space-y-6">
        {selection && inheritedFrom ? (
          <div className="space-y-2">
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800" data-testid="inherited-standard">
              <span>
                {t.rich("inherited", {
                  level: selection.chosenLevel,
                  release: inheritedFrom.number,
                  badge: (chunks) => <Badge tone="info">{chunks}</Badge>,
                  link: (chunks) => (
                    <a
                      className="text-brand-700 underline"
                      href={`/projects/${projectId}/quality#release-${inheritedFrom.number}`}
                    >
                      {chunks}
                    </a>
                  ),
                })}
              </span>
              <span className="text-slate-600">
                {t("inheritedDetails", {
                  release: inheritedFrom.name,
                  recommended: selection.recommendedLevel,
                  name: selection.selectedBy.name,
                  date: format.date(selection.selectedAt),
                })}
              </span>
            </p>
            <p className="text-sm text-slate-600">{t("inheritedExplained")}</p>
            {selection.justification ? (
              <p className="whitespace-pre-line rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <span className="font-medium">{tl("justification")} </span>
                {selection.justification}
              </p>
            ) : null}
          </div>
        ) : selection ? (
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
          <p className="text-sm text-slate-700">
            {t("noneChosen")} {view.canEdit ? t("answerQuestions") : ""}
          </p>
        )}

        {view.canEdit && inheritedFrom ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">{t("chooseForSprint")}</summary>
            <div className="mt-3">
              <QualitySelectionForm
                projectId={projectId}
                sprintId={sprintId}
                levels={levels}
                rules={rules}
                escapedDefects={view.recentEscapedDefects}
                escapedDefectsShown={format.number(view.recentEscapedDefects)}
                current={null}
              />
            </div>
          </details>
        ) : view.canEdit ? (
          <QualitySelectionForm
            projectId={projectId}
            sprintId={sprintId}
            levels={levels}
            rules={rules}
            escapedDefects={view.recentEscapedDefects}
            escapedDefectsShown={format.number(view.recentEscapedDefects)}
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
        ) : selection ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">
              {t("whyRecommended", { level: selection.recommendedLevel })}
            </h3>
            <ul className="mt-1 space-y-1 text-sm text-slate-700">
              {selection.reasons.map((r, i) => (
                <li key={i}>
                  {r.text} <span className="font-medium">(+{r.points})</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {selection ? (
          <div>
            <h3 className="text-sm font-semibold text-slate-900">
              {inheritedFrom
                ? t("requiredActivitiesFromRelease", { level: selection.chosenLevel, release: inheritedFrom.number })
                : tl("requiredActivities", { level: selection.chosenLevel })}
            </h3>
            <QualityActivityList
              activities={selection.activities}
              action={
                view.canEdit
                  ? (activity) => (
                      <EvidenceDialog projectId={projectId} sprintId={sprintId} activity={activity} accept={accept} />
                    )
                  : undefined
              }
            />
          </div>
        ) : null}

        {missing.length ? (
          <div role="status" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
            <p className="font-medium">{t("reviewBlocked")}</p>
            <ul className="mt-1 list-disc pl-5">
              {missing.map((m) => (
                <li key={m.key}>{labels.missing(m)}</li>
              ))}
            </ul>
          </div>
        ) : null}

        {view.canRecordDefects && sprint.status !== "planned" ? (
          <EscapedDefectsForm
            projectId={projectId}
            sprintId={sprintId}
            escapedDefects={sprint.escapedDefects}
            version={sprint.version}
            sprintNumber={sprint.number}
          />
        ) : (
          <p className="text-sm text-slate-700">
            {t("escapedDefects", { count: format.number(sprint.escapedDefects) })}
          </p>
        )}
      </div>
    </Card>
  );
}
