import { describe, expect, it } from "vitest";
import { createModuleSchema, raiseEscalationSchema, scheduleSessionSchema, triageEscalationSchema } from "./readiness";

const id = "6f1f7a4e-8c55-4c1e-9a43-2f5a8f0d1b11";
const base = {
  projectId: id,
  moduleId: id,
  startsAt: "2026-12-01T09:30:00+01:00",
  durationMinutes: "90",
  trainerId: id,
};

describe("scheduleSessionSchema", () => {
  it.each([
    { name: "on site with a site", input: { ...base, mode: "on_site", siteId: id }, errors: null },
    {
      name: "remote with a link",
      input: { ...base, mode: "remote", meetingUrl: "https://meet.example/x" },
      errors: null,
    },
    { name: "on site without a site", input: { ...base, mode: "on_site", siteId: "" }, errors: ["siteId"] },
    { name: "remote without a link", input: { ...base, mode: "remote", meetingUrl: "" }, errors: ["meetingUrl"] },
    {
      name: "remote with a javascript: link",
      input: { ...base, mode: "remote", meetingUrl: "javascript:alert(1)" },
      errors: ["meetingUrl"],
    },
    {
      name: "no time zone",
      input: { ...base, startsAt: "2026-12-01T09:30", mode: "remote", meetingUrl: "https://m.example" },
      errors: ["startsAt"],
    },
    {
      name: "too short",
      input: { ...base, durationMinutes: "5", mode: "remote", meetingUrl: "https://m.example" },
      errors: ["durationMinutes"],
    },
  ])("$name", ({ input, errors }) => {
    const parsed = scheduleSessionSchema.safeParse(input);
    if (errors === null) {
      expect(parsed.success).toBe(true);
      if (parsed.success) {
        expect(parsed.data.startsAt).toBe("2026-12-01T08:30:00.000Z");
        expect(parsed.data.attendeeIds).toEqual([]);
      }
    } else {
      expect(parsed.success).toBe(false);
      if (!parsed.success) expect(parsed.error.issues.map((i) => i.path[0])).toEqual(errors);
    }
  });
});

describe("form values", () => {
  it.each([
    [["false", "true"], true],
    [["false"], false],
    ["false", false],
    [undefined, undefined],
  ])("triage blocking %j → %j", (blocking, expected) => {
    expect(triageEscalationSchema.parse({ projectId: id, escalationId: id, blocking }).blocking).toBe(expected);
  });

  it.each([
    ["on", true],
    [undefined, false],
  ])("escalation blocking checkbox %j → %j", (blocking, expected) => {
    expect(
      raiseEscalationSchema.parse({ projectId: id, title: "t", description: "d", severity: "low", blocking }).blocking,
    ).toBe(expected);
  });

  it.each([
    ["70", true],
    ["101", false],
    ["-1", false],
    ["7.5", false],
  ])("pass mark %s valid: %s", (passMark, ok) => {
    expect(createModuleSchema.safeParse({ projectId: id, kind: "usage", name: "Usage", passMark }).success).toBe(ok);
  });
});
