// The required activities of a selection with the status and history of their evidence.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Badge, StatusBadge, humanize } from "@/components/ui/badge";
import { getFormat } from "@/lib/i18n/format-server";
import type { SelectionView } from "@/lib/views/quality";
import { PolicyText } from "@/components/policy-text";

type Labels = Awaited<ReturnType<typeof getTranslations<"qualityLabels">>>;

/**
 * The reader's words for the values a quality panel shows: environments, timings, evidence results,
 * sprint statuses and what blocks a review. Explicit calls, so the catalogue test sees every key.
 */
export function qualityLabelsIn(tl: Labels) {
  const environment: Record<string, string> = {
    development: tl("environmentDevelopment"),
    homologation: tl("environmentHomologation"),
    production: tl("environmentProduction"),
  };
  const result: Record<string, string> = {
    passed: tl("resultPassed"),
    failed: tl("resultFailed"),
    waived: tl("resultWaived"),
  };
  const sprintStatus: Record<string, string> = {
    planned: tl("sprintPlanned"),
    active: tl("sprintActive"),
    in_review: tl("sprintInReview"),
    accepted: tl("sprintAccepted"),
    rejected: tl("sprintRejected"),
  };
  // lib/domain/quality-selection.ts missingEvidence() says why an item blocks, in English.
  const missingReason: Record<string, string> = {
    "No quality standard selected": tl("missingNoStandard"),
    "Latest evidence: failed": tl("missingLatestFailed"),
    "No evidence recorded": tl("missingNoEvidence"),
  };
  return {
    environment: (value: string) => environment[value] ?? humanize(value),
    result: (value: string) => result[value] ?? humanize(value),
    sprintStatus: (value: string) => sprintStatus[value] ?? humanize(value),
    timing: (activity: { timing: string; gateNumber?: number | null }) =>
      activity.timing === "before_gate"
        ? activity.gateNumber
          ? tl("beforeGate", { gate: activity.gateNumber })
          : tl("beforeAGate")
        : activity.timing === "after_deployment"
          ? tl("afterDeployment")
          : activity.timing === "before_sprint_review"
            ? tl("beforeSprintReview")
            : humanize(activity.timing),
    missing: (item: { key: string; name: string; reason: string }) =>
      `${item.key === "quality_level" ? tl("missingLevel") : item.name}: ${missingReason[item.reason] ?? item.reason}`,
  };
}

export async function QualityActivityList({
  activities,
  action,
  showHistory = true,
}: {
  activities: SelectionView["activities"];
  /** Rendered beside each activity (e.g. the "record evidence" dialog). */
  action?: (activity: { key: string; name: string }) => ReactNode;
  showHistory?: boolean;
}) {
  const t = await getTranslations("qualityActivities");
  const tl = await getTranslations("qualityLabels");
  const labels = qualityLabelsIn(tl);
  const format = await getFormat();
  const when = (iso: string) => format.dateTime(iso);
  const formatSize = (bytes: number) =>
    bytes < 1024
      ? t("sizeBytes", { size: format.number(bytes) })
      : bytes < 1048576
        ? t("sizeKilobytes", { size: format.number(Math.round(bytes / 1024)) })
        : t("sizeMegabytes", { size: bytes / 1048576 });
  return (
    <ul className="divide-y divide-slate-100" aria-label={t("label")}>
      {activities.map((activity) => (
        <li key={activity.key} className="py-3">
          <div className="flex flex-wrap items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                <PolicyText text={activity.name} untranslated={activity.nameUntranslated} />
              </p>
              <p className="text-xs text-slate-600">
                {labels.environment(activity.environment)} · {labels.timing(activity)}
              </p>
            </div>
            <div className="flex items-center gap-2">
              {activity.latest ? (
                <StatusBadge status={activity.latest.result} label={labels.result(activity.latest.result)} />
              ) : (
                <Badge>{t("noEvidence")}</Badge>
              )}
              {action?.(activity)}
            </div>
          </div>
          {showHistory && activity.history.length ? (
            <ol
              className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-sm"
              aria-label={t("evidenceFor", { activity: activity.name })}
            >
              {activity.history.map((e) => (
                <li key={e.id} className="text-slate-700">
                  <span className="font-medium">{labels.result(e.result)}</span> — {e.recordedBy.name},{" "}
                  {when(e.recordedAt)}
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
                      <span className="sr-only">{t("sha256", { hash: e.file.sha256 })}</span>
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
