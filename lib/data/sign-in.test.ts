import { describe, expect, it } from "vitest";
import { minutesLeft } from "./sign-in";

describe("minutes left of a sign-in pause", () => {
  const now = new Date("2026-11-30T09:30:00.000Z");
  it.each([
    ["15 minutes exactly", "2026-11-30T09:45:00.000Z", 15],
    ["a part of a minute rounds up", "2026-11-30T09:44:00.001Z", 15],
    ["under a minute is still 1", "2026-11-30T09:30:20.000Z", 1],
    ["a pause that just ended says 1, never 0", "2026-11-30T09:30:00.000Z", 1],
    ["over an hour stays in minutes", "2026-11-30T10:31:00.000Z", 61],
  ])("%s", (_, until, minutes) => {
    expect(minutesLeft(new Date(until), now)).toBe(minutes);
  });
});
