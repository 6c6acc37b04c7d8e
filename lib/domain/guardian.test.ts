import { describe, expect, it } from "vitest";
import {
  decideGuardian,
  deriveGuardianStatus,
  describeMissing,
  missingForCertification,
  moduleProgress,
  type GuardianStatus,
  type ModuleRequirement,
  type TrainingRecord,
} from "./guardian";

const usage: ModuleRequirement = { id: "usage", name: "Usage", required: true, passMark: 70 };
const admin: ModuleRequirement = { id: "admin", name: "Administration", required: true, passMark: 70 };
const config: ModuleRequirement = { id: "config", name: "Configuration", required: false, passMark: 80 };
const modules = [usage, admin, config];

const rec = (moduleId: string, attended: boolean | null, score: number | null): TrainingRecord => ({
  moduleId,
  attended,
  score,
});

describe("deriveGuardianStatus", () => {
  it.each<{
    name: string;
    current: GuardianStatus;
    records: TrainingRecord[];
    mods?: ModuleRequirement[];
    expected: GuardianStatus;
  }>([
    { name: "no enrolment", current: "nominated", records: [], expected: "nominated" },
    {
      name: "enrolled in a future session",
      current: "nominated",
      records: [rec("usage", null, null)],
      expected: "in_training",
    },
    { name: "attended one module", current: "nominated", records: [rec("usage", true, 90)], expected: "in_training" },
    {
      name: "both required passed",
      current: "in_training",
      records: [rec("usage", true, 70), rec("admin", true, 85)],
      expected: "certified",
    },
    {
      name: "score exactly at the pass mark passes",
      current: "in_training",
      records: [rec("usage", true, 70), rec("admin", true, 70)],
      expected: "certified",
    },
    {
      name: "one score below the pass mark",
      current: "in_training",
      records: [rec("usage", true, 90), rec("admin", true, 69)],
      expected: "in_training",
    },
    {
      name: "retake passes: best attended score counts",
      current: "in_training",
      records: [rec("usage", true, 90), rec("admin", true, 50), rec("admin", true, 75)],
      expected: "certified",
    },
    {
      name: "a score without attendance does not count",
      current: "in_training",
      records: [rec("usage", true, 90), rec("admin", false, 95)],
      expected: "in_training",
    },
    {
      name: "attended but not yet scored",
      current: "in_training",
      records: [rec("usage", true, 90), rec("admin", true, null)],
      expected: "in_training",
    },
    {
      name: "optional module not needed",
      current: "in_training",
      records: [rec("usage", true, 90), rec("admin", true, 90), rec("config", true, 10)],
      expected: "certified",
    },
    {
      name: "corrected score takes certification back",
      current: "certified",
      records: [rec("usage", true, 60), rec("admin", true, 90)],
      expected: "in_training",
    },
    {
      name: "withdrawn stays withdrawn even when all passed",
      current: "withdrawn",
      records: [rec("usage", true, 90), rec("admin", true, 90)],
      expected: "withdrawn",
    },
    {
      name: "no required module certifies nobody",
      current: "in_training",
      records: [rec("config", true, 99)],
      mods: [config],
      expected: "in_training",
    },
    { name: "no module at all", current: "nominated", records: [], mods: [], expected: "nominated" },
  ])("$name → $expected", ({ current, records, mods, expected }) => {
    expect(deriveGuardianStatus(current, mods ?? modules, records)).toBe(expected);
  });
});

describe("moduleProgress", () => {
  it.each([
    {
      name: "nothing",
      records: [],
      expected: { enrolled: false, attended: false, absent: false, bestScore: null, passed: false },
    },
    {
      name: "enrolled only",
      records: [rec("usage", null, null)],
      expected: { enrolled: true, attended: false, absent: false, bestScore: null, passed: false },
    },
    {
      name: "absent",
      records: [rec("usage", false, null)],
      expected: { enrolled: true, attended: false, absent: true, bestScore: null, passed: false },
    },
    {
      name: "absent then passed",
      records: [rec("usage", false, null), rec("usage", true, 71)],
      expected: { enrolled: true, attended: true, absent: false, bestScore: 71, passed: true },
    },
  ])("$name", ({ records, expected }) => {
    expect(moduleProgress([usage], records)[0]).toMatchObject(expected);
  });
});

describe("missingForCertification", () => {
  it("names each required module not passed, with why", () => {
    const missing = missingForCertification(modules, [rec("usage", true, null), rec("admin", true, 55)]);
    expect(missing).toEqual([
      { moduleId: "usage", name: "Usage", passMark: 70, bestScore: null, reason: "not_scored" },
      { moduleId: "admin", name: "Administration", passMark: 70, bestScore: 55, reason: "below_pass_mark" },
    ]);
    expect(describeMissing(missing)).toBe(
      "Usage (attended, not assessed yet, pass mark 70) and Administration (score 55, pass mark 70)",
    );
  });
  it("reports modules never attended", () => {
    expect(describeMissing(missingForCertification([admin], []))).toBe(
      "Administration (not attended yet, pass mark 70)",
    );
  });
});

describe("decideGuardian", () => {
  const active = { status: "in_training" as const, siteId: "s1" };
  const withdrawn = { status: "withdrawn" as const, siteId: "s1" };
  it.each([
    {
      name: "nominate a new guardian",
      current: null,
      command: { type: "nominate", siteId: "s1", modules, records: [] },
      status: "nominated",
      action: "guardian.nominate",
    },
    {
      name: "re-nominate keeps training on record",
      current: withdrawn,
      command: { type: "nominate", siteId: "s2", modules, records: [rec("usage", true, 90), rec("admin", true, 90)] },
      status: "certified",
      action: "guardian.renominate",
    },
    {
      name: "withdraw an active guardian",
      current: active,
      command: { type: "withdraw" },
      status: "withdrawn",
      action: "guardian.withdraw",
    },
    {
      name: "recompute to certified",
      current: active,
      command: { type: "recompute", modules, records: [rec("usage", true, 90), rec("admin", true, 90)] },
      status: "certified",
      action: "guardian.certify",
    },
    {
      name: "recompute loses certification",
      current: { status: "certified" as const, siteId: "s1" },
      command: { type: "recompute", modules, records: [rec("usage", true, 10)] },
      status: "in_training",
      action: "guardian.decertify",
    },
    {
      name: "move to another site",
      current: active,
      command: { type: "move", siteId: "s9" },
      status: "in_training",
      action: "guardian.move",
    },
  ] as const)("$name", ({ current, command, status, action }) => {
    const outcome = decideGuardian(current, command as never);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.next.status).toBe(status);
    expect(outcome.events.map((e) => e.action)).toEqual([action]);
  });

  it.each([
    {
      name: "nominate someone already active",
      current: active,
      command: { type: "nominate", siteId: "s1", modules, records: [] },
      reason: "already_guardian",
    },
    { name: "withdraw twice", current: withdrawn, command: { type: "withdraw" }, reason: "already_withdrawn" },
    { name: "withdraw a non-guardian", current: null, command: { type: "withdraw" }, reason: "not_guardian" },
    {
      name: "move a withdrawn guardian",
      current: withdrawn,
      command: { type: "move", siteId: "s2" },
      reason: "guardian_withdrawn",
    },
    {
      name: "recompute a non-guardian",
      current: null,
      command: { type: "recompute", modules, records: [] },
      reason: "not_guardian",
    },
  ] as const)("refuses: $name", ({ current, command, reason }) => {
    const outcome = decideGuardian(current, command as never);
    expect(outcome).toMatchObject({ ok: false, refusal: { code: reason } });
  });

  it("recompute without change records nothing", () => {
    const outcome = decideGuardian(active, { type: "recompute", modules, records: [rec("usage", true, 10)] });
    expect(outcome).toEqual({ ok: true, next: active, events: [] });
  });
});
