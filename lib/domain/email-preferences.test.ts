import { describe, expect, it } from "vitest";
import {
  DEFAULT_EMAIL_MODES,
  digestDue,
  EMAIL_KINDS,
  effectiveModes,
  emailKindOf,
  latestDigestSlot,
  NOTIFICATION_EMAIL_KINDS,
  notificationKindsOf,
  readUnsubscribeToken,
  unsubscribeToken,
} from "./email-preferences";

describe("email kinds", () => {
  it.each([
    ["gate_submitted", "reviews"],
    ["artifact_needs_review", "reviews"],
    ["artifact_changes_requested", "review_outcomes"],
    ["gate_decided", "gate_decisions"],
    ["sprint.review", "sprints"],
    ["golive.signers", "go_live"],
    ["escalation.raised", "escalations"],
    ["validation.closed", "validation"],
    ["status_report.generated", "reports"],
    ["something.new", "reports"],
  ])("%s is emailed as %s", (notification, kind) => {
    expect(emailKindOf(notification)).toBe(kind);
  });

  it("gives every kind a default and at least one notification kind", () => {
    for (const kind of EMAIL_KINDS) {
      expect(DEFAULT_EMAIL_MODES[kind]).toMatch(/^(immediately|daily|off)$/);
      expect(notificationKindsOf(kind).length).toBeGreaterThan(0);
    }
    expect(new Set(Object.values(NOTIFICATION_EMAIL_KINDS))).toEqual(new Set(EMAIL_KINDS));
  });

  it("takes the stored choice over the default and ignores unknown kinds", () => {
    const modes = effectiveModes([
      { kind: "reviews", mode: "off" },
      { kind: "retired_kind", mode: "daily" },
    ]);
    expect(modes.reviews).toBe("off");
    expect(modes.reports).toBe(DEFAULT_EMAIL_MODES.reports);
    expect(Object.keys(modes)).toEqual([...EMAIL_KINDS]);
  });
});

describe("the daily digest's time", () => {
  it.each([
    // now (UTC), zone, latest 07:00 local in UTC
    ["2026-11-30T08:00:00Z", "UTC", "2026-11-30T07:00:00.000Z"],
    ["2026-11-30T06:59:59Z", "UTC", "2026-11-29T07:00:00.000Z"],
    ["2026-11-30T06:30:00Z", "Europe/Warsaw", "2026-11-30T06:00:00.000Z"],
    ["2026-11-30T05:59:00Z", "Europe/Warsaw", "2026-11-29T06:00:00.000Z"],
    ["2026-07-01T05:00:00Z", "Europe/Warsaw", "2026-07-01T05:00:00.000Z"],
    ["2026-11-30T11:00:00Z", "America/Bogota", "2026-11-29T12:00:00.000Z"],
    ["2026-11-30T12:00:00Z", "America/Bogota", "2026-11-30T12:00:00.000Z"],
    ["2026-11-30T08:00:00Z", "Not/A_Zone", "2026-11-30T07:00:00.000Z"],
    ["2026-11-30T08:00:00Z", null, "2026-11-30T07:00:00.000Z"],
    // The day summer time starts in Warsaw (29 March 2026): 07:00 is already CEST (UTC+2).
    ["2026-03-29T06:00:00Z", "Europe/Warsaw", "2026-03-29T05:00:00.000Z"],
  ])("at %s in %s the latest slot is %s", (now, zone, slot) => {
    expect(latestDigestSlot(new Date(now), zone).toISOString()).toBe(slot);
  });

  it.each([
    // coveredUntil, due?
    [null, { due: true, from: "2026-11-29T07:00:00.000Z", until: "2026-11-30T07:00:00.000Z" }],
    ["2026-11-29T07:00:00.000Z", { due: true, from: "2026-11-29T07:00:00.000Z", until: "2026-11-30T07:00:00.000Z" }],
    ["2026-11-30T07:00:00.000Z", { due: false }],
    ["2026-11-27T07:00:00.000Z", { due: true, from: "2026-11-27T07:00:00.000Z", until: "2026-11-30T07:00:00.000Z" }],
  ])("covered until %s: %j", (coveredUntil, expected) => {
    expect(digestDue(new Date("2026-11-30T09:15:00Z"), "UTC", coveredUntil)).toEqual(expected);
  });
});

describe("the unsubscribe token", () => {
  const user = "0b7f3c1e-9a4d-4c55-8f1e-2d3c4b5a6978";
  const secret = "a-server-secret";

  it("names the person and the kind it was made for", () => {
    expect(readUnsubscribeToken(unsubscribeToken(user, "reviews", secret), secret)).toEqual({
      userId: user,
      kind: "reviews",
    });
  });

  it.each([
    ["another secret", (t: string) => t, "another-secret"],
    ["another kind", (t: string) => t.replace(".reviews.", ".sprints."), secret],
    ["another person", (t: string) => t.replace(user.slice(0, 8), "11111111"), secret],
    ["a cut token", (t: string) => t.slice(0, -2), secret],
    ["an unknown kind", (t: string) => t.replace(".reviews.", ".everything."), secret],
  ])("refuses %s", (_what, change, readWith) => {
    expect(readUnsubscribeToken(change(unsubscribeToken(user, "reviews", secret)), readWith)).toBeNull();
  });
});
