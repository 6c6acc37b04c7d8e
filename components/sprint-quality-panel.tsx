// The quality of one sprint (DESIGN.md §3 "Quality selection"): questions, live recommendation,
// chosen level, required activities with their evidence, and what still blocks the review.
// Without a selection of its own the sprint is held to its release's (shown as inherited).
// Presentational: the sprint page loads the view, and the scale and rules only when the form is shown.
import { QualityActivityList } from "@/components/quality-activity-list";
import { EscapedDefectsForm, EvidenceDialog } from "@/components/quality-evidence-forms";
import { QualitySelectionForm } from "@/components/quality-selection-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { QualityAnswers, QualityLevel, QualityRule } from "@/lib/domain/quality-selection";
import { formatDate } from "@/lib/display-format";
import type { SprintQualityView } from "@/lib/views/quality";

export function SprintQualityPanel({
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

  return (
    <Card
      title="Quality standard"
      id="quality"
      actions={
        selection ? (
          <Badge tone={missing.length ? "warning" : "success"}>
            {missing.length ? `${missing.length} missing` : "Evidence complete"}
          </Badge>
        ) : null
      }
    >
      <div className="space-y-6">
        {selection && inheritedFrom ? (
          <div className="space-y-2">
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800" data-testid="inherited-standard">
              <span>
                Quality standard <Badge tone="info">{selection.chosenLevel}</Badge>, chosen for{" "}
                <a
                  className="text-brand-700 underline"
                  href={`/projects/${projectId}/quality#release-${inheritedFrom.number}`}
                >
                  Release {inheritedFrom.number}
                </a>
              </span>
              <span className="text-slate-600">
                ({inheritedFrom.name}; recommended {selection.recommendedLevel}, by {selection.selectedBy.name},{" "}
                {selection.selectedAt.slice(0, 10)})
              </span>
            </p>
            <p className="text-sm text-slate-600">
              This sprint has no standard of its own, so its review needs the evidence of the release&apos;s standard;
              evidence recorded here counts for every sprint of the release.
            </p>
            {selection.justification ? (
              <p className="whitespace-pre-line rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <span className="font-medium">Justification: </span>
                {selection.justification}
              </p>
            ) : null}
          </div>
        ) : selection ? (
          <div className="space-y-2">
            <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
              Chosen: <Badge tone="info">{selection.chosenLevel}</Badge>
              <span>recommended {selection.recommendedLevel}</span>
              <span className="text-slate-600">
                — by {selection.selectedBy.name}, {formatDate(selection.selectedAt)}
              </span>
            </p>
            {selection.justification ? (
              <p className="whitespace-pre-line rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
                <span className="font-medium">Justification: </span>
                {selection.justification}
              </p>
            ) : null}
          </div>
        ) : (
          <p className="text-sm text-slate-700">
            No quality standard chosen yet. {view.canEdit ? "Answer the questions below to get a recommendation." : ""}
          </p>
        )}

        {view.canEdit && inheritedFrom ? (
          <details>
            <summary className="cursor-pointer text-sm font-medium text-brand-700">
              Choose a standard for this sprint only
            </summary>
            <div className="mt-3">
              <QualitySelectionForm
                projectId={projectId}
                sprintId={sprintId}
                levels={levels}
                rules={rules}
                escapedDefects={view.recentEscapedDefects}
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
            <h3 className="text-sm font-semibold text-slate-900">Why {selection.recommendedLevel} was recommended</h3>
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
              Required activities ({selection.chosenLevel}
              {inheritedFrom ? `, from Release ${inheritedFrom.number}` : ""})
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
            <p className="font-medium">The sprint review is blocked until these have passed or waived evidence:</p>
            <ul className="mt-1 list-disc pl-5">
              {missing.map((m) => (
                <li key={m.key}>
                  {m.name}: {m.reason}
                </li>
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
          <p className="text-sm text-slate-700">Escaped defects after this sprint: {sprint.escapedDefects}</p>
        )}
      </div>
    </Card>
  );
}
