// Sign-in throttling (DESIGN.md §7): after MAX_FAILURES failed attempts for one account from
// one address, every attempt in the next LOCK_MINUTES is refused, even with the right password.

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const LOCK_MS = LOCK_MINUTES * 60_000;

export type ThrottleState = { locked: false } | { locked: true; until: Date };

/**
 * @param failures times of failed attempts since the last successful sign-in, any order.
 * Locked when the latest MAX_FAILURES failures fall within LOCK_MINUTES of each other;
 * the lock lasts LOCK_MINUTES from the last of them.
 */
export function throttleState(failures: Date[], now: Date): ThrottleState {
  if (failures.length < MAX_FAILURES) return { locked: false };
  const latest = [...failures].sort((a, b) => b.getTime() - a.getTime()).slice(0, MAX_FAILURES);
  const newest = latest[0].getTime();
  const oldest = latest[MAX_FAILURES - 1].getTime();
  if (newest - oldest > LOCK_MS) return { locked: false };
  const until = new Date(newest + LOCK_MS);
  return now < until ? { locked: true, until } : { locked: false };
}

/** How far back failures can matter: two lock windows. */
export const RELEVANT_WINDOW_MS = 2 * LOCK_MS;
