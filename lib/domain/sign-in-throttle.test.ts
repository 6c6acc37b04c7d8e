import { describe, expect, it } from "vitest";
import { LOCK_MINUTES, throttleState } from "./sign-in-throttle";

const now = new Date("2026-11-22T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("throttleState", () => {
  it.each([
    { name: "no failures", failures: [], locked: false },
    { name: "four failures", failures: [1, 2, 3, 4].map(minutesAgo), locked: false },
    { name: "five failures just now", failures: [0, 1, 2, 3, 4].map(minutesAgo), locked: true },
    { name: "five failures, the last 14 minutes ago", failures: [14, 15, 16, 17, 18].map(minutesAgo), locked: true },
    { name: "five failures, the last 16 minutes ago", failures: [16, 17, 18, 19, 20].map(minutesAgo), locked: false },
    { name: "five failures spread over 20 minutes", failures: [0, 5, 10, 15, 20].map(minutesAgo), locked: false },
    { name: "six failures, latest five close together", failures: [0, 1, 2, 3, 4, 60].map(minutesAgo), locked: true },
  ])("$name → locked=$locked", ({ failures, locked }) => {
    expect(throttleState(failures, now).locked).toBe(locked);
  });

  it("locks for the full window from the last failure", () => {
    const state = throttleState([0, 1, 2, 3, 4].map(minutesAgo), now);
    expect(state).toEqual({ locked: true, until: new Date(now.getTime() + LOCK_MINUTES * 60_000) });
  });
});
