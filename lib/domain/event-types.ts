// The domain events that leave the app (issue 16): their stable dotted names, what each reports,
// and which of them a webhook may subscribe to. Payloads use the API's field names
// (lib/contract), so an integrator reads a delivery as they read the API.

export type PublicEventType = (typeof PUBLIC_EVENT_TYPES)[number]["type"];

/** What an integrator may subscribe to (`"*"` means all of them): `GET /api/v1/webhooks/event-types`. */
export const PUBLIC_EVENT_TYPES = [
  { type: "gate.submitted", description: "A gate was submitted to its review board." },
  { type: "gate.voted", description: "A review board member voted on a gate." },
  { type: "gate.decided", description: "A gate was decided: passed, passed with conditions, or sent back." },
  { type: "artifact.version_added", description: "A new version of an artifact was uploaded or linked." },
  { type: "artifact.reviewed", description: "A reviewer approved an artifact or asked for changes." },
  { type: "sprint.accepted", description: "The client accepted a sprint's delivery." },
  { type: "sprint.rejected", description: "The client rejected a sprint's delivery." },
  { type: "milestone.billable", description: "A billing milestone became billable." },
  { type: "milestone.invoiced", description: "A billing milestone was invoiced." },
  { type: "escalation.raised", description: "An escalation was raised." },
  { type: "escalation.resolved", description: "An escalation was resolved." },
  { type: "validation_run.closed", description: "A client validation run was closed with its results." },
  { type: "go_live.signed", description: "A signer signed the go-live." },
  { type: "go_live.completed", description: "Every signature is in: the project went live." },
  { type: "helpdesk.handed_over", description: "The project was handed over to the helpdesk." },
] as const;

/**
 * Events only the app's own channels read: a notification to email, an email to one address
 * (invitations, password resets), and a webhook's test event (sent to that one endpoint).
 */
export const INTERNAL_EVENT_TYPES = ["notification.created", "email.message", "webhook.test"] as const;
export type InternalEventType = (typeof INTERNAL_EVENT_TYPES)[number];

export type EventType = PublicEventType | InternalEventType;

const publicTypes = new Set<string>(PUBLIC_EVENT_TYPES.map((e) => e.type));

export function isPublicEventType(type: string): type is PublicEventType {
  return publicTypes.has(type);
}

/** Whether an endpoint subscribed to `subscribed` (types or "*") receives an event of `type`. */
export function subscribesTo(subscribed: readonly string[], type: string): boolean {
  if (!isPublicEventType(type)) return false;
  return subscribed.includes("*") || subscribed.includes(type);
}

/** The names in `requested` that are neither an event type nor "*": a 422 names them. */
export function unknownEventTypes(requested: readonly string[]): string[] {
  return requested.filter((type) => type !== "*" && !publicTypes.has(type));
}
