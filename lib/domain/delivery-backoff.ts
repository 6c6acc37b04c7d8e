// When a failed delivery is tried again (issue 16): exponential backoff with jitter, so a receiver
// that is down is not hammered and many deliveries failing together do not all come back at once.

/** The first retry waits about this long; each further one twice as long, up to the cap. */
export const FIRST_RETRY_MS = 5_000;
export const LONGEST_WAIT_MS = 60 * 60_000;
/** The share of each wait that is random (±): 0.2 spreads a wait of 10 s over 8–12 s. */
export const JITTER = 0.2;

/**
 * How long to wait before the attempt after `attempt` (1 = the first attempt just failed).
 * `random` is in [0, 1): Math.random in production, fixed in tests.
 */
export function retryDelayMs(attempt: number, random: number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const base = Math.min(FIRST_RETRY_MS * 2 ** exponent, LONGEST_WAIT_MS);
  return Math.round(base * (1 - JITTER + 2 * JITTER * random));
}

export type RetryVerdict = { retry: true; nextAttemptAt: string } | { retry: false };

/**
 * After a failed attempt: try again at a jittered time, or give up once the delivery has been
 * retried for `retryForMs` since it was created (the last retry is not scheduled past that).
 */
export function afterFailure(input: {
  attempt: number;
  createdAt: string;
  now: Date;
  retryForMs: number;
  random: number;
}): RetryVerdict {
  const deadline = Date.parse(input.createdAt) + input.retryForMs;
  if (input.now.getTime() >= deadline) return { retry: false };
  const next = Math.min(input.now.getTime() + retryDelayMs(input.attempt, input.random), deadline);
  return { retry: true, nextAttemptAt: new Date(next).toISOString() };
}

/** Attempts a delivery gets within `retryForMs` if every one fails (without jitter): for the docs. */
export function attemptsWithin(retryForMs: number): number {
  let elapsed = 0;
  let attempt = 1;
  while (elapsed + retryDelayMs(attempt, 0.5) < retryForMs) {
    elapsed += retryDelayMs(attempt, 0.5);
    attempt += 1;
  }
  return attempt;
}
