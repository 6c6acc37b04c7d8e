// The required activities of a selection with the status and history of their evidence.
import type { ReactNode } from "react";
import { Badge, StatusBadge, humanize } from "@/components/ui/badge";
import type { SelectionView } from "@/lib/views/quality";
import { formatDateTime } from "@/lib/display-format";
import { PolicyText } from "@/components/policy-text";

export function timingLabel(activity: { timing: string; gateNumber?: number | null }): string {
  if (activity.timing === "before_gate")
    return activity.gateNumber ? `Before gate ${activity.gateNumber}` : "Before a gate";
  return humanize(activity.timing);
}

const formatSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1048576
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1048576).toFixed(1)} MB`;
const when = (iso: string) => formatDateTime(iso);

export function QualityActivityList({
  activities,
  action,
  showHistory = true,
}: {
  activities: SelectionView["activities"];
  /** Rendered beside each activity (e.g. the "record evidence" dialog). */
  action?: (activity: { key: string; name: string }) => ReactNode;
  showHistory?: boolean;
}) {
  return (
    <ul className="divide-y divide-slate-100" aria-label="Required activities">
      {activities.map((activity) => (
        <li key={activity.key} className="py-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                <PolicyText text={activity.name} untranslated={activity.nameUntranslated} />
              </p>
              <p className="text-xs text-slate-600">
                {humanize(activity.environment)} · {timingLabel(activity)}
              </p>
            </div>
            <div className="flex items-center gap-2">
              {activity.latest ? <StatusBadge status={activity.latest.result} /> : <Badge>No evidence</Badge>}
              {action?.(activity)}
            </div>
          </div>
          {showHistory && activity.history.length ? (
            <ol
              className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-sm"
              aria-label={`Evidence for ${activity.name}`}
            >
              {activity.history.map((e) => (
                <li key={e.id} className="text-slate-700">
                  <span className="font-medium">{humanize(e.result)}</span> — {e.recordedBy.name}, {when(e.recordedAt)}
                  {e.reason ? <span className="block whitespace-pre-line text-slate-600">{e.reason}</span> : null}
                  {e.link ? (
                    <a
                      className="block break-all text-brand-700 underline"
                      href={e.link}
                      target="_blank"
                      rel="noopener noreferrer nofollow"
                    >
                      {e.link}
                    </a>
                  ) : null}
                  {e.file ? (
                    <a className="block break-all text-brand-700 underline" href={e.file.href} download>
                      {e.file.name} ({formatSize(e.file.size)})
                      <span className="sr-only">, SHA-256 {e.file.sha256}</span>
                    </a>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
