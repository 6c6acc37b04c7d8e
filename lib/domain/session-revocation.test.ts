import { describe, expect, it } from "vitest";
import {
  isSessionActive,
  LAST_SEEN_INTERVAL_MS,
  type RevocationScope,
  revocationCovers,
  sessionsToEnd,
  sessionVerdict,
  shouldRecordLastSeen,
  type SessionFacts,
} from "./session-revocation";

const NOW = new Date("2026-11-30T10:00:00.000Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();
const session = (id: string, patch: Partial<SessionFacts> = {}): SessionFacts => ({
  id,
  userId: "u1",
  lastSeenAt: ago(0),
  revokedAt: null,
  ...patch,
});

describe("shouldRecordLastSeen", () => {
  it.each([
    ["just written", ago(0), false],
    ["59 s ago", ago(59_000), false],
    ["exactly the interval ago", ago(LAST_SEEN_INTERVAL_MS), true],
    ["an hour ago", ago(3_600_000), true],
    ["unreadable", "not a time", true],
  ])("%s → %s", (_, lastSeenAt, expected) => {
    expect(shouldRecordLastSeen(lastSeenAt, NOW)).toBe(expected);
  });
});

describe("isSessionActive", () => {
  const lifetime = 8 * 3_600_000;
  it.each([
    ["seen now", session("a"), true],
    ["seen just inside its lifetime", session("a", { lastSeenAt: ago(lifetime - 1000) }), true],
    ["seen a lifetime ago", session("a", { lastSeenAt: ago(lifetime) }), false],
    ["revoked", session("a", { revokedAt: ago(10) }), false],
  ])("%s → %s", (_, facts, expected) => {
    expect(isSessionActive(facts, NOW, lifetime)).toBe(expected);
  });
});

describe("sessionVerdict", () => {
  it.each([
    ["an open row of the account", { sessionId: "a", userId: "u1" }, session("a"), "accepted"],
    [
      "a token without a session id (issued before sessions had rows)",
      { sessionId: null, userId: "u1" },
      null,
      "missing",
    ],
    ["a row that does not exist", { sessionId: "a", userId: "u1" }, null, "missing"],
    ["another account's row", { sessionId: "a", userId: "u2" }, session("a"), "foreign"],
    ["a revoked row", { sessionId: "a", userId: "u1" }, session("a", { revokedAt: ago(1) }), "revoked"],
  ])("%s → %s", (_, claim, row, expected) => {
    expect(sessionVerdict(claim, row)).toBe(expected);
  });
});

describe("revocationCovers", () => {
  const cases: [string, RevocationScope, SessionFacts, boolean][] = [
    ["one: that session", { kind: "one", sessionId: "a" }, session("a"), true],
    ["one: another session", { kind: "one", sessionId: "a" }, session("b"), false],
    ["one: already revoked", { kind: "one", sessionId: "a" }, session("a", { revokedAt: ago(1) }), false],
    ["others: the current one is kept", { kind: "others", currentSessionId: "a" }, session("a"), false],
    ["others: another one ends", { kind: "others", currentSessionId: "a" }, session("b"), true],
    ["others without a current session: all end", { kind: "others", currentSessionId: null }, session("a"), true],
    [
      "others: already revoked stays as it was",
      { kind: "others", currentSessionId: "a" },
      session("b", { revokedAt: ago(1) }),
      false,
    ],
    ["all: any open one", { kind: "all" }, session("a"), true],
    ["all: not the revoked ones", { kind: "all" }, session("a", { revokedAt: ago(1) }), false],
  ];
  it.each(cases)("%s → %s", (_, scope, facts, expected) => {
    expect(revocationCovers(scope, facts)).toBe(expected);
  });

  it("sessionsToEnd keeps only those covered, in order", () => {
    const list = [session("a"), session("b"), session("c", { revokedAt: ago(1) }), session("d")];
    expect(sessionsToEnd(list, { kind: "others", currentSessionId: "b" }).map((s) => s.id)).toEqual(["a", "d"]);
  });
});
