// Each person's calendar feed: the rules that need no database. A feed's secret is not stored: the
// URL's token is the feed's id and an HMAC of it under the server's secret, so a leaked database
// gives no working feed URL and revoking a feed (a new id) kills the old URL at once.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

const TOKEN_PREFIX = "lgcal_";

function mac(feedId: string, secret: string): string {
  return createHmac("sha256", secret).update(`calendar-feed:${feedId}`).digest("base64url");
}

export function feedToken(feedId: string, secret: string): string {
  return `${TOKEN_PREFIX}${feedId}.${mac(feedId, secret)}`;
}

/** The feed id a token names, or null when the token is malformed or its MAC is wrong. */
export function feedIdOfToken(token: string, secret: string): string | null {
  const match = /^lgcal_([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, feedId, given] = match;
  const expected = Buffer.from(mac(feedId, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? feedId : null;
}

/** What a subscriber's copy of an event depends on: any change to it must raise its SEQUENCE. */
export type EntryShape = {
  kind: string;
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  cancelled: boolean;
};

export function entryFingerprint(shape: EntryShape): string {
  const canonical = JSON.stringify([shape.kind, shape.title, shape.start, shape.end, shape.allDay, shape.cancelled]);
  return createHash("sha256").update(canonical).digest("hex").slice(0, 32);
}

/**
 * The SEQUENCE to publish for an event now: 0 the first time it is seen, the stored one while
 * nothing changed, one more whenever it changed (RFC 5545 §3.8.7.4). `write` says whether the
 * stored entry must be written.
 */
export function nextSequence(
  stored: { fingerprint: string; sequence: number } | undefined,
  fingerprint: string,
): { sequence: number; write: boolean } {
  if (!stored) return { sequence: 0, write: true };
  if (stored.fingerprint === fingerprint) return { sequence: stored.sequence, write: false };
  return { sequence: stored.sequence + 1, write: true };
}

/** How long a cancelled event stays in the feed, so every subscriber's client sees the cancellation. */
export const CANCELLED_VISIBLE_DAYS = 60;

/** The day after a YYYY-MM-DD date (the exclusive end of a whole-day event). */
export function dayAfter(date: string): string {
  const next = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}
