// Email preferences (issue 16): the app's notification kinds grouped into a handful of kinds a person
// understands, how each is sent by default, and when a person's daily digest is due. Pure rules.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EMAIL_MODES } from "@/db/enums";

export type EmailMode = (typeof EMAIL_MODES)[number];

/** The kinds a person chooses for, in the order Settings lists them. */
export const EMAIL_KINDS = [
  "reviews",
  "review_outcomes",
  "gate_decisions",
  "sprints",
  "go_live",
  "escalations",
  "validation",
  "reports",
] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

/**
 * Which email kind each notification kind (the `kind` of every notify() call in lib/data) belongs to.
 * A notification kind missing here (a new one) falls under "reports", sent in the daily digest.
 */
export const NOTIFICATION_EMAIL_KINDS: Record<string, EmailKind> = {
  gate_submitted: "reviews",
  artifact_needs_review: "reviews",
  artifact_approved: "review_outcomes",
  artifact_changes_requested: "review_outcomes",
  gate_decided: "gate_decisions",
  "scope.baseline": "gate_decisions",
  "sprint.review": "sprints",
  "sprint.accept": "sprints",
  "sprint.reject": "sprints",
  "golive.signers": "go_live",
  "golive.complete": "go_live",
  "project.live": "go_live",
  "escalation.raised": "escalations",
  "escalation.status": "escalations",
  "validation.opened": "validation",
  "validation.closed": "validation",
  quality_below_recommendation: "validation",
  "status_report.generated": "reports",
};

/** What waits on the person (a review, a signature, an escalation) comes at once; the rest once a day. */
export const DEFAULT_EMAIL_MODES: Record<EmailKind, EmailMode> = {
  reviews: "immediately",
  review_outcomes: "immediately",
  gate_decisions: "daily",
  sprints: "immediately",
  go_live: "immediately",
  escalations: "immediately",
  validation: "daily",
  reports: "daily",
};

export function emailKindOf(notificationKind: string): EmailKind {
  return NOTIFICATION_EMAIL_KINDS[notificationKind] ?? "reports";
}

export function isEmailKind(value: string): value is EmailKind {
  return (EMAIL_KINDS as readonly string[]).includes(value);
}

/** The notification kinds of one email kind (the digest and the unsubscribe link read them). */
export function notificationKindsOf(kind: EmailKind): string[] {
  return Object.entries(NOTIFICATION_EMAIL_KINDS)
    .filter(([, k]) => k === kind)
    .map(([n]) => n);
}

/** The person's mode for each kind: what they stored, else the default. */
export function effectiveModes(stored: readonly { kind: string; mode: EmailMode }[]): Record<EmailKind, EmailMode> {
  const modes = { ...DEFAULT_EMAIL_MODES };
  for (const row of stored) if (isEmailKind(row.kind)) modes[row.kind] = row.mode;
  return modes;
}

// ─── The daily digest ───

/** The digest leaves at this hour of the person's own day. */
export const DIGEST_HOUR = 7;

/** The wall-clock parts of an instant in a time zone. */
function zoned(at: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return {
    year: n("year"),
    month: n("month"),
    day: n("day"),
    hour: n("hour"),
    minute: n("minute"),
    second: n("second"),
  };
}

/** The instant a wall-clock time of a day occurs in a zone (the later of two in a repeated hour). */
function instantOf(year: number, month: number, day: number, hour: number, timeZone: string): Date {
  let guess = Date.UTC(year, month - 1, day, hour);
  // Two corrections settle the offset, also across a change of daylight-saving time.
  for (let i = 0; i < 2; i++) {
    const z = zoned(new Date(guess), timeZone);
    const shown = Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second);
    guess += Date.UTC(year, month - 1, day, hour) - shown;
  }
  return new Date(guess);
}

export function isTimeZoneName(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The latest digest time at or before `now`: DIGEST_HOUR on the person's today, else yesterday. */
export function latestDigestSlot(now: Date, timeZone: string | null | undefined): Date {
  const zone = isTimeZoneName(timeZone) ? timeZone : "UTC";
  const today = zoned(now, zone);
  const slot = instantOf(today.year, today.month, today.day, DIGEST_HOUR, zone);
  if (slot.getTime() <= now.getTime()) return slot;
  const yesterday = zoned(new Date(Date.UTC(today.year, today.month - 1, today.day) - 86_400_000), "UTC");
  return instantOf(yesterday.year, yesterday.month, yesterday.day, DIGEST_HOUR, zone);
}

/**
 * Whether a digest is due, and up to when it covers: a digest is due once per slot, when what was
 * covered ends before the latest slot. A person with no digest yet starts a day before that slot.
 */
export function digestDue(
  now: Date,
  timeZone: string | null | undefined,
  coveredUntil: string | null,
): { due: false } | { due: true; from: string; until: string } {
  const until = latestDigestSlot(now, timeZone);
  const from = coveredUntil ?? new Date(until.getTime() - 86_400_000).toISOString();
  if (new Date(from).getTime() >= until.getTime()) return { due: false };
  return { due: true, from, until: until.toISOString() };
}

// ─── One-click unsubscribe (RFC 8058) ───

// The link names the person and the kind and carries an HMAC of both under the server's secret, so
// no table of links is needed and nobody can turn off another person's email.
const UNSUBSCRIBE_PREFIX = "lgun_";

function unsubscribeMac(userId: string, kind: EmailKind, secret: string): string {
  return createHmac("sha256", secret).update(`email-unsubscribe:${userId}:${kind}`).digest("base64url");
}

export function unsubscribeToken(userId: string, kind: EmailKind, secret: string): string {
  return `${UNSUBSCRIBE_PREFIX}${userId}.${kind}.${unsubscribeMac(userId, kind, secret)}`;
}

/** The person and kind a token names, or null when it is malformed or its MAC is wrong. */
export function readUnsubscribeToken(token: string, secret: string): { userId: string; kind: EmailKind } | null {
  const match = /^lgun_([0-9a-f-]{36})\.([a-z_]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, userId, kind, given] = match;
  if (!isEmailKind(kind)) return null;
  const expected = Buffer.from(unsubscribeMac(userId, kind, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? { userId, kind } : null;
}
