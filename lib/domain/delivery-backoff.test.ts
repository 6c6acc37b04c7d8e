import { describe, expect, it } from "vitest";
import { afterFailure, attemptsWithin, retryDelayMs } from "./delivery-backoff";

const DAY = 24 * 60 * 60_000;

describe("retryDelayMs", () => {
  it.each([
    // attempt, random, expected
    [1, 0.5, 5_000],
    [2, 0.5, 10_000],
    [3, 0.5, 20_000],
    [6, 0.5, 160_000],
    [10, 0.5, 2_560_000],
    [11, 0.5, 3_600_000], // capped at an hour
    [40, 0.5, 3_600_000],
    [1, 0, 4_000], // jitter low end: -20 %
    [1, 0.999_999, 6_000], // high end: +20 %
    [0, 0.5, 5_000], // a nonsense attempt number still waits the first step
  ])("attempt %i with random %f waits %i ms", (attempt, random, expected) => {
    expect(retryDelayMs(attempt, random)).toBe(expected);
  });

  it("spreads deliveries that fail together", () => {
    const waits = new Set([0.1, 0.3, 0.6, 0.9].map((r) => retryDelayMs(4, r)));
    expect(waits.size).toBe(4);
  });
});

describe("afterFailure", () => {
  const createdAt = "2026-11-30T08:00:00.000Z";
  it.each([
    ["soon after creation: retried", "2026-11-30T08:00:01.000Z", 1, "2026-11-30T08:00:06.000Z"],
    ["the seventh attempt waits 320 s", "2026-11-30T09:00:00.000Z", 7, "2026-11-30T09:05:20.000Z"],
    ["near the end: the last retry lands on the deadline", "2026-12-01T07:59:00.000Z", 20, "2026-12-01T08:00:00.000Z"],
  ])("%s", (_, now, attempt, next) => {
    expect(afterFailure({ attempt, createdAt, now: new Date(now), retryForMs: DAY, random: 0.5 })).toEqual({
      retry: true,
      nextAttemptAt: next,
    });
  });

  it.each([
    ["a day after creation", "2026-12-01T08:00:00.000Z"],
    ["later still", "2026-12-03T08:00:00.000Z"],
  ])("gives up %s", (_, now) => {
    expect(afterFailure({ attempt: 30, createdAt, now: new Date(now), retryForMs: DAY, random: 0.5 })).toEqual({
      retry: false,
    });
  });

  it("retries for about a day in some thirty attempts", () => {
    expect(attemptsWithin(DAY)).toBeGreaterThan(25);
    expect(attemptsWithin(DAY)).toBeLessThan(40);
  });
});
