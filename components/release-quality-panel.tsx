// The quality standard of one release (DESIGN.md §2 "QualitySelection (per sprint or release)"):
// the same questions and form as a sprint's, the required activities with their evidence, and
// the sprints of the release that inherit it because they have no standard of their own.
import Link from "next/link";
import { QualityActivityList } from "@/components/quality-activity-list";
import { EvidenceDialog } from "@/components/quality-evidence-forms";
import { QualitySelectionForm } from "@/components/quality-selection-form";
import { Badge, StatusBadge } from "@/components/ui/badge";
import type { SelectionView } from "@/lib/views/quality";
import type { QualityAnswers, QualityLevel, QualityRule } from "@/lib/domain/quality-selection";

type ReleaseQualityView = {
  id: string;
  number: number;
  name: string;
  selection: SelectionView | null;
  inheritingSprints: { id: string; number: number; status: string }[];
};

export function ReleaseQualityPanel({
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
  const title = `Release ${release.number}: ${release.name}`;
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
            {selection.missing.length ? `${selection.missing.length} missing` : "Evidence complete"}
          </Badge>
        ) : null}
      </div>
      {selection ? (
        <div className="space-y-2">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
            Chosen: <Badge tone="info">{selection.chosenLevel}</Badge>
            <span>recommended {selection.recommendedLevel}</span>
            <span className="text-slate-600">
              — by {selection.selectedBy.name}, {selection.selectedAt.slice(0, 10)}
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
          No quality standard chosen for this release: each sprint needs its own.
        </p>
      )}

      <p className="text-sm text-slate-700">
        {release.inheritingSprints.length ? (
          <>
            {selection ? "Held to it (no standard of their own): " : "Sprints without a standard of their own: "}
            {release.inheritingSprints.map((s, i) => (
              <span key={s.id}>
                {i ? ", " : ""}
                <Link className="text-brand-700 underline" href={`/projects/${projectId}/sprints/${s.id}`}>
                  Sprint {s.number}
                </Link>{" "}
                <StatusBadge status={s.status} />
              </span>
            ))}
          </>
        ) : (
          "Every sprint of this release has its own standard, or none is planned yet."
        )}
      </p>

      {canEdit ? (
        <details className="rounded-md border border-slate-100 p-3">
          <summary className="cursor-pointer text-sm font-medium text-brand-700">
            {selection
              ? "Change the quality standard for this release"
              : "Choose the quality standard for this release"}
          </summary>
          <div className="mt-3">
            <QualitySelectionForm
              projectId={projectId}
              releaseId={release.id}
              label={`Quality standard of release ${release.number}`}
              levels={levels}
              rules={rules}
              escapedDefects={escapedDefects}
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
        <ul className="text-sm text-slate-600" aria-label="Reasons of the recommendation">
          {selection.reasons.map((r, i) => (
            <li key={i}>
              {r.text} (+{r.points})
            </li>
          ))}
        </ul>
      ) : null}

      {selection ? (
        <div>
          <h4 className="text-sm font-semibold text-slate-900">Required activities ({selection.chosenLevel})</h4>
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
