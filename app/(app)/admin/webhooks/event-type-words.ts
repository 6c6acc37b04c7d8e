// Each event type's description in the reader's language: one literal call per type, so the
// catalogue scan sees every key; a type the catalogue does not know shows its English description.
import { getTranslations } from "next-intl/server";
import { PUBLIC_EVENT_TYPES, type EventType } from "@/lib/domain/event-types";

export async function eventTypeWords(): Promise<(type: string) => string> {
  const t = await getTranslations("webhookEvents");
  const words: Record<EventType, string> = {
    "gate.submitted": t("gateSubmitted"),
    "gate.voted": t("gateVoted"),
    "gate.decided": t("gateDecided"),
    "artifact.version_added": t("artifactVersionAdded"),
    "artifact.reviewed": t("artifactReviewed"),
    "sprint.accepted": t("sprintAccepted"),
    "sprint.rejected": t("sprintRejected"),
    "milestone.billable": t("milestoneBillable"),
    "milestone.invoiced": t("milestoneInvoiced"),
    "escalation.raised": t("escalationRaised"),
    "escalation.resolved": t("escalationResolved"),
    "validation_run.closed": t("validationRunClosed"),
    "go_live.signed": t("goLiveSigned"),
    "go_live.completed": t("goLiveCompleted"),
    "helpdesk.handed_over": t("helpdeskHandedOver"),
    "webhook.test": t("webhookTest"),
    "notification.created": t("notificationCreated"),
    "email.message": t("emailMessage"),
  };
  return (type) =>
    (words as Record<string, string>)[type] ?? PUBLIC_EVENT_TYPES.find((e) => e.type === type)?.description ?? type;
}

/** The choices of the register form, in catalogue order. */
export async function eventChoices() {
  const say = await eventTypeWords();
  return PUBLIC_EVENT_TYPES.map((e) => ({ type: e.type, label: say(e.type) }));
}
