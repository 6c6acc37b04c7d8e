import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  dayAfter,
  entryFingerprint,
  feedIdOfToken,
  feedToken,
  nextSequence,
  type EntryShape,
} from "@/lib/domain/calendar-feed";

describe("feed tokens", () => {
  const id = randomUUID();
  const token = feedToken(id, "server-secret");
  const cases: { name: string; token: string; secret: string; expected: string | null }[] = [
    { name: "its own token", token, secret: "server-secret", expected: id },
    { name: "under another server's secret", token, secret: "other-secret", expected: null },
    {
      name: "another feed's id with this MAC",
      token: token.replace(id, randomUUID()),
      secret: "server-secret",
      expected: null,
    },
    { name: "a truncated MAC", token: token.slice(0, -1), secret: "server-secret", expected: null },
    { name: "garbage", token: "lgcal_../../etc/passwd", secret: "server-secret", expected: null },
    { name: "empty", token: "", secret: "server-secret", expected: null },
  ];
  it.each(cases)("$name", ({ token: given, secret, expected }) => {
    expect(feedIdOfToken(given, secret)).toBe(expected);
  });
});

describe("sequence", () => {
  const shape: EntryShape = {
    kind: "gate",
    title: "Gate 5",
    start: "2026-12-04",
    end: "2026-12-05",
    allDay: true,
    cancelled: false,
  };
  const first = entryFingerprint(shape);
  const cases: {
    name: string;
    change: Partial<EntryShape> | null;
    stored?: number;
    expected: number;
    write: boolean;
  }[] = [
    { name: "first seen: 0", change: null, expected: 0, write: true },
    { name: "unchanged: the stored one", change: {}, stored: 3, expected: 3, write: false },
    {
      name: "moved: one more",
      change: { start: "2026-12-11", end: "2026-12-12" },
      stored: 3,
      expected: 4,
      write: true,
    },
    { name: "renamed: one more", change: { title: "Gate 5 (again)" }, stored: 0, expected: 1, write: true },
    { name: "cancelled: one more", change: { cancelled: true }, stored: 1, expected: 2, write: true },
  ];
  it.each(cases)("$name", ({ change, stored, expected, write }) => {
    const now = entryFingerprint({ ...shape, ...change });
    const before = change === null ? undefined : { fingerprint: first, sequence: stored ?? 0 };
    expect(nextSequence(before, now)).toEqual({ sequence: expected, write });
  });
});

describe("dayAfter", () => {
  it.each([
    ["2026-12-04", "2026-12-05"],
    ["2026-12-31", "2027-01-01"],
    ["2028-02-28", "2028-02-29"],
    ["2026-12-04T09:00:00Z", "2026-12-05"],
  ])("%s → %s", (date, expected) => expect(dayAfter(date)).toBe(expected));
});
