import { describe, expect, it } from "vitest";
import { DEFAULT_QUALITY_RULES, expandedDefaultLevels } from "./default-quality-scale";
import {
  decideEvidence,
  decideReleaseSelection,
  decideSelection,
  governingSelection,
  missingEvidence,
  recommend,
  ruleMatches,
  type QualityAnswers,
} from "./quality-selection";

const levels = expandedDefaultLevels().map(({ level, rank, name, minPoints }) => ({ level, rank, name, minPoints }));
const base: QualityAnswers = {
  changeSize: "small",
  touchesRating: false,
  touchesIntegrations: false,
  includesMigration: false,
  customerFacing: false,
  regulatory: false,
};

describe("recommend (default rule table)", () => {
  const cases: [string, Partial<QualityAnswers>, number | null, string, number][] = [
    ["a small config change", {}, 0, "QS0", 1],
    ["small, customer-facing", { customerFacing: true }, 0, "QS1", 3],
    ["medium change", { changeSize: "medium" }, null, "QS1", 3],
    ["medium touching integrations", { changeSize: "medium", touchesIntegrations: true }, 0, "QS2", 5],
    ["medium touching rating", { changeSize: "medium", touchesRating: true }, 0, "QS3", 7],
    ["large with migration", { changeSize: "large", includesMigration: true }, 0, "QS3", 9],
    [
      "large rating + migration + regulatory",
      { changeSize: "large", touchesRating: true, includesMigration: true, regulatory: true },
      0,
      "QS4",
      16,
    ],
    ["small with one escaped defect", {}, 1, "QS1", 3],
    ["small with three escaped defects", {}, 3, "QS2", 5],
    ["escaped defects unknown (no project)", {}, null, "QS0", 1],
  ];
  it.each(cases)("%s", (_name, answers, defects, level, total) => {
    const result = recommend(levels, DEFAULT_QUALITY_RULES, { ...base, ...answers }, defects);
    expect(result.level.level).toBe(level);
    expect(result.total).toBe(total);
    expect(result.reasons.reduce((s, r) => s + r.points, 0)).toBe(total);
  });

  it("gives the reason of every matching rule", () => {
    const result = recommend(levels, DEFAULT_QUALITY_RULES, { ...base, touchesRating: true }, 3);
    expect(result.reasons.map((r) => r.text)).toEqual([
      "Small change: one area touched",
      "Touches rating/charging: an error reaches every invoice",
      "Defects escaped to production in the project's last 3 sprints",
      "Three or more escaped defects recently: testing must tighten",
    ]);
  });

  it("falls back to the lowest level when no threshold is reached", () => {
    const shifted = levels.map((l) => ({ ...l, minPoints: l.minPoints + 5 }));
    expect(recommend(shifted, DEFAULT_QUALITY_RULES, base, 0).level.level).toBe("QS0");
  });
});

describe("ruleMatches", () => {
  const cases: [string, string, Partial<QualityAnswers>, number | null, boolean][] = [
    ["touchesRating", "true", { touchesRating: true }, null, true],
    ["touchesRating", "true", {}, null, false],
    ["touchesRating", "false", {}, null, true],
    ["changeSize", "large", { changeSize: "large" }, null, true],
    ["changeSize", "large", {}, null, false],
    ["escapedDefects", ">=1", {}, 0, false],
    ["escapedDefects", ">=1", {}, 1, true],
    ["escapedDefects", ">= 3", {}, 4, true],
    ["escapedDefects", ">=1", {}, null, false],
    ["escapedDefects", "2", {}, 2, true],
    ["unknownQuestion", "true", {}, null, false],
  ];
  it.each(cases)("%s %s", (question, matchValue, answers, defects, expected) => {
    expect(ruleMatches({ question, matchValue, points: 1, reason: "r" }, { ...base, ...answers }, defects)).toBe(
      expected,
    );
  });
});

describe("decideSelection", () => {
  const cases: [
    string,
    { status?: string; recommended?: string; chosen?: string; justification?: string },
    string | null,
  ][] = [
    ["same level", { chosen: "QS2" }, null],
    ["higher level", { chosen: "QS3" }, null],
    ["lower level without justification", { chosen: "QS1" }, "justification_required"],
    ["lower level with blank justification", { chosen: "QS1", justification: "   " }, "justification_required"],
    ["lower level with justification", { chosen: "QS1", justification: "Only a label changed" }, null],
    ["unknown level", { chosen: "QS9" }, "unknown_level"],
    ["sprint in review", { status: "in_review" }, "sprint_not_open"],
    ["sprint accepted", { status: "accepted" }, "sprint_not_open"],
    ["rejected sprint reopens", { status: "rejected" }, null],
  ];
  it.each(cases)("%s", (_name, c, refusal) => {
    const decision = decideSelection({
      sprintStatus: c.status ?? "active",
      levels,
      recommended: c.recommended ?? "QS2",
      chosen: c.chosen ?? "QS2",
      justification: c.justification ?? "",
    });
    expect(decision.ok ? null : decision.refusal.code).toBe(refusal);
  });

  it("names the justification field when refusing", () => {
    const d = decideSelection({ sprintStatus: "active", levels, recommended: "QS3", chosen: "QS0", justification: "" });
    expect(d).toMatchObject({ ok: false, refusal: { fieldErrors: { justification: [expect.any(String)] } } });
  });
});

describe("decideEvidence", () => {
  const keys = ["peer_review", "smoke_test"];
  const cases: [
    string,
    { status?: string; key?: string; result?: "passed" | "failed" | "waived"; reason?: string; proof?: boolean },
    string | null,
  ][] = [
    ["passed with proof", {}, null],
    ["passed without proof", { proof: false }, "proof_required"],
    ["failed without proof", { result: "failed", proof: false }, null],
    ["waived with reason", { result: "waived", reason: "Covered by vendor release tests", proof: false }, null],
    ["waived without reason", { result: "waived", proof: false }, "waiver_reason_required"],
    ["activity not required", { key: "load_test_2x_peak" }, "activity_not_required"],
    ["accepted sprint", { status: "accepted" }, "sprint_not_open"],
  ];
  it.each(cases)("%s", (_name, c, refusal) => {
    const decision = decideEvidence({
      sprintStatus: c.status ?? "active",
      activityKeys: keys,
      activityKey: c.key ?? "smoke_test",
      result: c.result ?? "passed",
      reason: c.reason ?? "",
      hasProof: c.proof ?? true,
    });
    expect(decision.ok ? null : decision.refusal.code).toBe(refusal);
  });
});

describe("missingEvidence", () => {
  const selection = {
    activities: [
      { key: "peer_review", name: "Peer review" },
      { key: "smoke_test", name: "Smoke test" },
    ],
  };
  const at = (n: number) => `2026-05-0${n}T10:00:00.000Z`;

  it("asks for a level when none is selected", () => {
    expect(missingEvidence(null, [])).toEqual([
      { key: "quality_level", name: "Quality level", reason: "No quality standard selected" },
    ]);
  });

  const cases: [
    string,
    { activityKey: string; result: "passed" | "failed" | "waived"; recordedAt: string }[],
    string[],
  ][] = [
    ["nothing recorded", [], ["peer_review", "smoke_test"]],
    ["one passed", [{ activityKey: "peer_review", result: "passed", recordedAt: at(1) }], ["smoke_test"]],
    [
      "passed and waived",
      [
        { activityKey: "peer_review", result: "passed", recordedAt: at(1) },
        { activityKey: "smoke_test", result: "waived", recordedAt: at(1) },
      ],
      [],
    ],
    [
      "failed then passed",
      [
        { activityKey: "peer_review", result: "failed", recordedAt: at(1) },
        { activityKey: "peer_review", result: "passed", recordedAt: at(2) },
        { activityKey: "smoke_test", result: "passed", recordedAt: at(1) },
      ],
      [],
    ],
    [
      "passed then failed",
      [
        { activityKey: "peer_review", result: "passed", recordedAt: at(1) },
        { activityKey: "peer_review", result: "failed", recordedAt: at(2) },
        { activityKey: "smoke_test", result: "passed", recordedAt: at(1) },
      ],
      ["peer_review"],
    ],
  ];
  it.each(cases)("%s", (_name, evidence, missing) => {
    expect(missingEvidence(selection, evidence).map((m) => m.key)).toEqual(missing);
  });

  it("says why an activity is missing", () => {
    const items = missingEvidence(selection, [{ activityKey: "peer_review", result: "failed", recordedAt: at(1) }]);
    expect(items).toEqual([
      { key: "peer_review", name: "Peer review", reason: "Latest evidence: failed" },
      { key: "smoke_test", name: "Smoke test", reason: "No evidence recorded" },
    ]);
  });
});

describe("default scale", () => {
  it("is cumulative: each level includes every activity of the levels below", () => {
    const expanded = expandedDefaultLevels();
    for (let i = 1; i < expanded.length; i++) {
      const below = expanded[i - 1].activities.map((a) => a.key);
      expect(expanded[i].activities.map((a) => a.key).slice(0, below.length)).toEqual(below);
      expect(expanded[i].activities.length).toBeGreaterThan(below.length);
    }
    expect(expanded.map((l) => l.level)).toEqual(["QS0", "QS1", "QS2", "QS3", "QS4"]);
  });
});

describe("governingSelection: a sprint's own selection, else its release's", () => {
  const own = { id: "own" };
  const released = { id: "release" };
  const release1 = { id: "r1", number: 1, name: "MVP" };
  const cases: [
    string,
    { id: string } | null,
    (typeof release1 & { selection: { id: string } | null }) | null,
    string,
    string | null,
    number | null,
  ][] = [
    ["own selection only", own, null, "sprint", "own", null],
    ["own selection wins over the release's", own, { ...release1, selection: released }, "sprint", "own", null],
    ["no own selection: the release's", null, { ...release1, selection: released }, "release", "release", 1],
    ["release without a selection", null, { ...release1, selection: null }, "none", null, null],
    ["sprint outside any release", null, null, "none", null, null],
  ];
  it.each(cases)("%s", (_name, sprintSelection, release, source, selectionId, releaseNumber) => {
    const governing = governingSelection(sprintSelection, release);
    expect(governing.source).toBe(source);
    expect(governing.selection?.id ?? null).toBe(selectionId);
    expect(governing.release?.number ?? null).toBe(releaseNumber);
  });

  it("missing evidence of an inheriting sprint is counted against the release's activities and evidence", () => {
    const releaseSelection = { activities: [{ key: "peer_review", name: "Peer review" }] };
    const governing = governingSelection(null, { ...release1, selection: releaseSelection });
    expect(
      missingEvidence(governing.selection, [
        { activityKey: "peer_review", result: "passed", recordedAt: "2026-01-01" },
      ]),
    ).toEqual([]);
  });
});

describe("decideReleaseSelection", () => {
  const cases: [
    string,
    { sprints?: { number: number; status: string }[]; chosen?: string; justification?: string },
    string | null,
  ][] = [
    ["no sprints yet", {}, null],
    [
      "inheriting sprints still open",
      {
        sprints: [
          { number: 1, status: "active" },
          { number: 2, status: "planned" },
        ],
      },
      null,
    ],
    ["a rejected sprint reopens", { sprints: [{ number: 1, status: "rejected" }] }, null],
    ["an inheriting sprint in review", { sprints: [{ number: 1, status: "in_review" }] }, "release_standard_in_use"],
    [
      "an inheriting sprint accepted",
      {
        sprints: [
          { number: 3, status: "accepted" },
          { number: 4, status: "active" },
        ],
      },
      "release_standard_in_use",
    ],
    ["lower level without justification", { chosen: "QS1" }, "justification_required"],
    ["lower level with justification", { chosen: "QS1", justification: "Labels only" }, null],
    ["unknown level", { chosen: "QS9" }, "unknown_level"],
  ];
  it.each(cases)("%s", (_name, c, refusal) => {
    const decision = decideReleaseSelection({
      inheritingSprints: c.sprints ?? [],
      levels,
      recommended: "QS2",
      chosen: c.chosen ?? "QS2",
      justification: c.justification ?? "",
    });
    expect(decision.ok ? null : decision.refusal.code).toBe(refusal);
  });

  it("names the reviewed sprints in the refusal", () => {
    const d = decideReleaseSelection({
      inheritingSprints: [
        { number: 2, status: "accepted" },
        { number: 1, status: "accepted" },
      ],
      levels,
      recommended: "QS2",
      chosen: "QS2",
      justification: "",
    });
    expect(d).toMatchObject({
      ok: false,
      refusal: { message: expect.stringContaining("sprint 1, sprint 2 were reviewed") },
    });
  });
});
