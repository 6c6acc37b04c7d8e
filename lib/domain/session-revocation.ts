// The rules of signed-in sessions: which one a request may use, which ones a revocation ends, which
// still count as active, and when "last seen" is worth a write. Pure; lib/data/sessions.ts applies them.
import type { SESSION_END_REASONS } from "@/db/enums";

export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** What the rules need of a session row. */
export type SessionFacts = { id: string; userId: string; lastSeenAt: string; revokedAt: string | null };

/** "Last seen" is written at most this often per session: a read-mostly app must not write on every request. */
export const LAST_SEEN_INTERVAL_MS = 60_000;

export function shouldRecordLastSeen(lastSeenAt: string, now: Date): boolean {
  const seen = Date.parse(lastSeenAt);
  return !Number.isFinite(seen) || now.getTime() - seen >= LAST_SEEN_INTERVAL_MS;
}

/**
 * A session still open: not ended, and seen within its lifetime (its token cannot outlive that, so an
 * older one is over even though nobody ended it).
 */
export function isSessionActive(session: SessionFacts, now: Date, lifetimeMs: number): boolean {
  return !session.revokedAt && Date.parse(session.lastSeenAt) + lifetimeMs > now.getTime();
}

export type SessionVerdict = "accepted" | "missing" | "foreign" | "revoked";

/** Whether a request's session token may be used: its row must exist, be the token's account's, and be open. */
export function sessionVerdict(claim: { sessionId: string | null; userId: string }, row: SessionFacts | null) {
  if (!claim.sessionId || !row) return "missing" satisfies SessionVerdict;
  if (row.userId !== claim.userId) return "foreign" satisfies SessionVerdict;
  if (row.revokedAt) return "revoked" satisfies SessionVerdict;
  return "accepted" satisfies SessionVerdict;
}

/** What a revocation ends: one session, every one but the caller's own, or all of an account's. */
export type RevocationScope =
  { kind: "one"; sessionId: string } | { kind: "others"; currentSessionId: string | null } | { kind: "all" };

export function revocationCovers(scope: RevocationScope, session: SessionFacts): boolean {
  if (session.revokedAt) return false;
  switch (scope.kind) {
    case "one":
      return session.id === scope.sessionId;
    case "others":
      return session.id !== scope.currentSessionId;
    case "all":
      return true;
  }
}

/** The sessions of one account a revocation ends, in the order given. */
export function sessionsToEnd<S extends SessionFacts>(sessions: S[], scope: RevocationScope): S[] {
  return sessions.filter((session) => revocationCovers(scope, session));
}
