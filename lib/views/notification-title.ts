// A notification's title in the reader's language, rendered when it is read: the row keeps its
// kind and the values of its message (names as they were when it was written, numbers, machine
// statuses), one message per kind in messages/<locale>/notifications.json. A row written before
// params existed, an unknown kind or params that lack a value show the stored English title.
import type { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import type { NotificationParams } from "@/lib/data/notifications";

export type NotificationWords = ReturnType<typeof useTranslations<"notificationTitle">>;
export type TitledNotification = { kind: string; title: string; params: NotificationParams | null };

export function notificationTitle(t: NotificationWords, row: TitledNotification): string {
  const p = row.params;
  if (!p) return row.title;
  /** Whether every named value is there (a message missing one would show its key, not a title). */
  const has = (...keys: string[]) => keys.every((k) => typeof p[k] === "string" || typeof p[k] === "number");
  const text = (k: string) => String(p[k]);
  const num = (k: string) => Number(p[k]);
  switch (row.kind) {
    case "artifact_needs_review":
      if (!has("artifact", "version", "project")) break;
      return t("artifactNeedsReview", {
        artifact: text("artifact"),
        version: num("version"),
        project: text("project"),
      });
    case "artifact_approved":
      if (!has("artifact", "project")) break;
      return t("artifactApproved", { artifact: text("artifact"), project: text("project") });
    case "artifact_changes_requested":
      if (!has("artifact", "project")) break;
      return t("artifactChangesRequested", { artifact: text("artifact"), project: text("project") });
    case "escalation.raised":
      if (!has("severity", "project", "title")) break;
      return t("escalationRaised", {
        blocking: p.blocking === true ? "yes" : "no",
        severity: text("severity"),
        project: text("project"),
        title: text("title"),
      });
    case "escalation.status":
      if (!has("title", "status")) break;
      return t("escalationStatus", { title: text("title"), status: text("status") });
    case "gate_submitted":
      if (!has("number", "name", "project")) break;
      return t("gateSubmitted", { number: num("number"), name: text("name"), project: text("project") });
    case "gate_decided":
      if (!has("number", "project", "decision")) break;
      return t("gateDecided", { number: num("number"), project: text("project"), decision: text("decision") });
    case "golive.signers":
      if (!has("project")) break;
      return t("goLiveSigners", { project: text("project") });
    case "golive.complete":
      if (!has("project")) break;
      return t("goLiveComplete", { project: text("project") });
    case "project.live":
      if (!has("project")) break;
      return t("projectLive", { project: text("project") });
    case "quality_below_recommendation": {
      if (!has("chosen", "recommended")) break;
      const levels = { chosen: text("chosen"), recommended: text("recommended") };
      if (has("sprint")) return t("qualityBelowSprint", { ...levels, number: num("sprint") });
      if (has("release")) return t("qualityBelowRelease", { ...levels, number: num("release") });
      break;
    }
    case "scope.baseline":
      if (!has("version", "project")) break;
      return t("scopeBaseline", { version: num("version"), project: text("project") });
    case "sprint.review":
      if (!has("number", "project")) break;
      return t("sprintReview", { number: num("number"), project: text("project") });
    case "sprint.accept":
      if (!has("number", "project")) break;
      return t("sprintAccepted", { number: num("number"), project: text("project") });
    case "sprint.reject":
      if (!has("number", "project")) break;
      return t("sprintRejected", { number: num("number"), project: text("project") });
    case "status_report.generated":
      if (!has("week", "project")) break;
      return t("statusReport", { week: text("week"), project: text("project") });
    case "webhook.disabled":
      if (!has("url", "reason")) break;
      return t("webhookDisabled", { url: text("url"), reason: text("reason") });
    case "validation.opened":
      if (!has("environment", "project")) break;
      return t("validationOpened", { environment: text("environment"), project: text("project") });
    case "validation.closed":
      if (!has("environment", "status", "project")) break;
      return t("validationClosed", {
        environment: text("environment"),
        status: text("status"),
        project: text("project"),
      });
  }
  return row.title;
}

/** The reader's titler, in a server component or route. */
export async function notificationTitles(): Promise<(row: TitledNotification) => string> {
  const t = await getTranslations("notificationTitle");
  return (row) => notificationTitle(t, row);
}
