import { describe, expect, it } from "vitest";
import type { PolicyGate } from "@/db/enums";
import { DEFAULT_POLICY_GATES } from "@/lib/domain/default-policy";
import { describePolicyChanges, planPublication, validatePolicy } from "@/lib/domain/policy";
import { SIX_STEP_POLICY_GATES } from "@/lib/domain/six-step-policy";

// A JSON copy: the seed shares one board array between gates, which structuredClone would keep shared.
const clone = (): PolicyGate[] => JSON.parse(JSON.stringify(DEFAULT_POLICY_GATES));
/** The default policy with one edit applied to gate `number`. */
const edited = (number: number, edit: (g: PolicyGate) => void): PolicyGate[] => {
  const gates = clone();
  edit(gates.find((g) => g.number === number)!);
  return gates;
};

describe("validatePolicy", () => {
  it("accepts the default policy and orders it 7 → 1", () => {
    const shuffled = clone().reverse();
    const result = validatePolicy(shuffled);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.gates.map((g) => g.number)).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  const refusals: [string, PolicyGate[], string, RegExp][] = [
    ["a missing gate", clone().filter((g) => g.number !== 3), "gates", /Gate 3 is missing/],
    ["a repeated gate", [...clone(), clone()[0]], "gates", /Gate 7 appears more than once/],
    [
      "an unknown gate number",
      [...clone().slice(0, 6), { ...clone()[6], number: 0 }],
      "gates",
      /Gate 0 is not a gate number/,
    ],
    ["an empty name", edited(7, (g) => (g.name = "  ")), "gates.0.name", /needs a name/],
    ["empty objectives", edited(5, (g) => (g.objectives = "")), "gates.2.objectives", /needs its objectives/],
    [
      "a duplicate artifact key",
      edited(6, (g) => g.artifactTypes.push({ ...g.artifactTypes[0], title: "Again" })),
      "gates.1.artifactTypes.3.key",
      /used twice in gate 6/,
    ],
    [
      "a malformed artifact key",
      edited(4, (g) => (g.artifactTypes[0].key = "Test Plan")),
      "gates.3.artifactTypes.0.key",
      /lower-case/,
    ],
    [
      "an artifact without a title",
      edited(4, (g) => (g.artifactTypes[1].title = " ")),
      "gates.3.artifactTypes.1.title",
      /needs a title/,
    ],
    [
      "an artifact required for no size",
      edited(2, (g) => (g.artifactTypes[0].requirement = {})),
      "gates.5.artifactTypes.0.requirement",
      /at least one size class/,
    ],
    [
      "a board without a required seat",
      edited(1, (g) => (g.defaultBoard = g.defaultBoard.map((s) => ({ ...s, required: false })))),
      "gates.6.defaultBoard",
      /at least one required board seat/,
    ],
    [
      "an empty board",
      edited(1, (g) => (g.defaultBoard = [])),
      "gates.6.defaultBoard",
      /at least one required board seat/,
    ],
    [
      "a role seated twice",
      edited(7, (g) => g.defaultBoard.push({ projectRole: "project_manager", required: false })),
      "gates.0.defaultBoard",
      /only once/,
    ],
    [
      "quorum without N",
      edited(6, (g) => ((g.decisionRule = "quorum"), (g.quorum = null))),
      "gates.1.quorum",
      /from 1 to 50/,
    ],
    ["quorum 0", edited(4, (g) => (g.quorum = 0)), "gates.3.quorum", /from 1 to 50/],
    ["quorum 1.5", edited(4, (g) => (g.quorum = 1.5)), "gates.3.quorum", /from 1 to 50/],
  ];

  it.each(refusals)("refuses %s", (_label, gates, path, message) => {
    const result = validatePolicy(gates);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.fieldErrors?.[path]?.join(" ")).toMatch(message);
  });

  it("drops the quorum of a rule that has none and trims text", () => {
    const result = validatePolicy(edited(6, (g) => ((g.quorum = 3), (g.name = "  Closure  "))));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.gates[1].quorum).toBeNull();
      expect(result.gates[1].name).toBe("Closure");
    }
  });

  it("accepts quorum 1 and drops unset size classes", () => {
    const result = validatePolicy(
      edited(6, (g) => {
        g.decisionRule = "quorum";
        g.quorum = 1;
        g.artifactTypes[0].requirement = { small: undefined, large: "should" };
      }),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.gates[1].artifactTypes[0].requirement).toEqual({ large: "should" });
  });
});

describe("describePolicyChanges", () => {
  const cases: [string, PolicyGate[], string[]][] = [
    ["nothing", clone(), []],
    ["objectives", edited(5, (g) => (g.objectives = "New")), ["Gate 5: objectives changed"]],
    ["name", edited(2, (g) => (g.name = "GA")), ['Gate 2: name changed to "GA"']],
    [
      "rule",
      edited(7, (g) => ((g.decisionRule = "quorum"), (g.quorum = 2))),
      ["Gate 7: decision rule unanimous → quorum 2"],
    ],
    [
      "artifact added",
      edited(1, (g) => g.artifactTypes.push({ key: "x_y", title: "Extra", requirement: { large: "must" } })),
      ['Gate 1: artifact "Extra" added'],
    ],
    ["artifact removed", edited(1, (g) => g.artifactTypes.pop()), ['Gate 1: artifact "Next release scope" removed']],
    [
      "requirement",
      edited(1, (g) => (g.artifactTypes[0].requirement = { standard: "should" })),
      ['Gate 1: "Post-implementation review" now small: not required, standard: should, large: not required'],
    ],
    [
      "board",
      edited(3, (g) => g.defaultBoard.push({ projectRole: "guardian", required: false })),
      ["Gate 3: default board is now client_owner (required), guardian, project_manager (required)"],
    ],
  ];
  it.each(cases)("describes %s", (_label, after, expected) => {
    expect(describePolicyChanges(DEFAULT_POLICY_GATES, after)).toEqual(expected);
  });
});

describe("planPublication", () => {
  const latest = { version: 3, gates: DEFAULT_POLICY_GATES };

  it("publishes the next version with its changes", () => {
    const result = planPublication({ latest, basedOn: 3, draft: edited(5, (g) => (g.objectives = "Plans done.")) });
    expect(result).toMatchObject({ ok: true, version: 4, changes: ["Gate 5: objectives changed"] });
  });

  const refusals: [string, number, PolicyGate[], string][] = [
    ["an invalid draft", 3, clone().slice(1), "invalid_policy"],
    ["a draft of an older version", 2, edited(5, (g) => (g.objectives = "Plans done.")), "stale_version"],
    ["a draft without changes", 3, clone(), "policy_unchanged"],
  ];
  it.each(refusals)("refuses %s", (_label, basedOn, draft, reason) => {
    const result = planPublication({ latest, basedOn, draft });
    expect(result).toMatchObject({ ok: false, refusal: { code: reason } });
  });
});

// Policies are data: any number of gates N → 1 (1 ≤ N ≤ 12), numbered without gaps.
const sixSteps = (): PolicyGate[] => JSON.parse(JSON.stringify(SIX_STEP_POLICY_GATES));
const gate = (number: number): PolicyGate => ({
  number,
  name: `Gate ${number}`,
  objectives: "Done.",
  artifactTypes: [{ key: `evidence_${number}`, title: "Evidence", requirement: { standard: "must" } }],
  defaultBoard: [{ projectRole: "project_manager", required: true }],
  decisionRule: "majority",
  quorum: null,
});
const numbered = (...numbers: number[]) => numbers.map(gate);

describe("validatePolicy with any number of gates", () => {
  const accepted: [string, PolicyGate[], number[]][] = [
    ["the seven-gate light-gating policy", clone().reverse(), [7, 6, 5, 4, 3, 2, 1]],
    ["the six-step rollout", sixSteps().reverse(), [6, 5, 4, 3, 2, 1]],
    ["a single gate", numbered(1), [1]],
    ["twelve gates", numbered(...Array.from({ length: 12 }, (_, i) => i + 1)), [12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]],
  ];
  it.each(accepted)("accepts %s, ordered highest first", (_label, gates, order) => {
    const result = validatePolicy(gates);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.gates.map((g) => g.number)).toEqual(order);
  });

  const refused: [string, PolicyGate[], RegExp][] = [
    ["no gate at all", [], /at least one gate/],
    ["a gap in six steps", sixSteps().filter((g) => g.number !== 3), /Gate 3 is missing: gates run from 6 down to 1/],
    ["no gate 1", numbered(4, 3, 2), /Gate 1 is missing/],
    [
      "gate 13",
      numbered(13, ...Array.from({ length: 12 }, (_, i) => 12 - i)),
      /Gate 13 is not a gate number \(use 12 down to 1\)/,
    ],
    ["a fractional gate", [...numbered(2, 1), gate(1.5)], /Gate 1.5 is not a gate number/],
    ["a repeated step", [...sixSteps(), sixSteps()[2]], /Gate 4 appears more than once/],
  ];
  it.each(refused)("refuses %s", (_label, gates, message) => {
    const result = validatePolicy(gates);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.fieldErrors?.gates?.join(" ")).toMatch(message);
  });

  const withSix = (edit: (g: PolicyGate[]) => void) => {
    const gates = sixSteps();
    edit(gates);
    return gates;
  };
  const fieldRefusals: [string, PolicyGate[], string, RegExp][] = [
    [
      "an unknown approver role",
      withSix((g) => (g[1].artifactTypes[0].approverRoles = ["cfo" as never])),
      "gates.1.artifactTypes.0.approverRoles",
      /project roles/,
    ],
    [
      "an approver role twice",
      withSix((g) => (g[1].artifactTypes[0].approverRoles = ["client_owner", "client_owner"])),
      "gates.1.artifactTypes.0.approverRoles",
      /once/,
    ],
    [
      "an unknown schedule anchor",
      withSix((g) => (g[0].schedule = { anchor: "kickoff" as never, days: 3 })),
      "gates.0.schedule",
      /start or from its target go-live/,
    ],
    [
      "a fractional offset",
      withSix((g) => (g[0].schedule = { anchor: "start", days: 1.5 })),
      "gates.0.schedule",
      /whole number of days/,
    ],
    [
      "an offset beyond ten years",
      withSix((g) => (g[5].schedule = { anchor: "go_live", days: 4000 })),
      "gates.5.schedule",
      /whole number of days/,
    ],
    [
      "a gate before the project starts",
      withSix((g) => (g[0].schedule = { anchor: "start", days: -5 })),
      "gates.0.schedule",
      /before the project starts/,
    ],
  ];
  it.each(fieldRefusals)("refuses %s", (_label, gates, path, message) => {
    const result = validatePolicy(gates);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.refusal.fieldErrors?.[path]?.join(" ")).toMatch(message);
  });

  it("keeps approver roles (in role order), the schedule and the go-live flag; drops empty ones", () => {
    const result = validatePolicy(
      withSix((g) => {
        g[1].artifactTypes[1].approverRoles = ["guardian", "client_owner"];
        g[1].artifactTypes[2].approverRoles = [];
        g[5].requiredBeforeGoLive = false;
        g[5].schedule = null;
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.gates[1].artifactTypes.map((a) => a.approverRoles)).toEqual([
      ["client_owner"],
      ["client_owner", "guardian"],
      undefined,
    ]);
    expect(result.gates.map((g) => Boolean(g.requiredBeforeGoLive))).toEqual([true, true, true, true, true, false]);
    expect(result.gates[0].schedule).toEqual({ anchor: "start", days: 14 });
    expect("schedule" in result.gates[5]).toBe(false);
  });

  it("the templates are valid as published", () => {
    expect(validatePolicy(SIX_STEP_POLICY_GATES)).toEqual({ ok: true, gates: SIX_STEP_POLICY_GATES });
    expect(validatePolicy(DEFAULT_POLICY_GATES)).toEqual({
      ok: true,
      gates: JSON.parse(JSON.stringify(DEFAULT_POLICY_GATES)),
    });
  });
});

describe("describePolicyChanges of the new fields", () => {
  const edit = (fn: (g: PolicyGate[]) => void) => {
    const gates = sixSteps();
    fn(gates);
    return gates;
  };
  const cases: [string, PolicyGate[], string[]][] = [
    [
      "an approver role removed",
      edit((g) => (g[3].artifactTypes[0].approverRoles = undefined)),
      ['Gate 3: "Homologation validation report with the client\'s OK" approved by any board member but the author'],
    ],
    [
      "approver roles added",
      edit((g) => (g[2].artifactTypes[0].approverRoles = ["client_owner", "guardian"])),
      ['Gate 4: "Macro schedule by module" approved by client owner and guardian'],
    ],
    [
      "a schedule",
      edit((g) => (g[2].schedule = { anchor: "go_live", days: -60 })),
      ["Gate 4: planned 60 days before go-live"],
    ],
    ["no schedule", edit((g) => (g[2].schedule = null)), ["Gate 4: planned spread between the start and go-live"]],
    [
      "the go-live flag",
      edit((g) => (g[4].requiredBeforeGoLive = undefined)),
      ["Gate 2: no longer required before go-live"],
    ],
    ["a gate added", [gate(7), ...sixSteps()], ["Gate 7: added"]],
  ];
  it.each(cases)("describes %s", (_label, after, expected) => {
    expect(describePolicyChanges(SIX_STEP_POLICY_GATES, after)).toEqual(expected);
  });
});

describe("planPublication keeps the gate count", () => {
  const latest = { version: 1, gates: SIX_STEP_POLICY_GATES };
  it.each([
    ["a seventh gate", [gate(7), ...sixSteps()]],
    ["one gate fewer", sixSteps().slice(1)],
  ])("refuses %s", (_label, draft) => {
    const result = planPublication({ latest, basedOn: 1, draft });
    expect(result).toMatchObject({
      ok: false,
      refusal: {
        code: "invalid_policy",
        fieldErrors: { gates: [expect.stringMatching(/has 6 gates \(6 to 1\); an edit keeps that number/)] },
      },
    });
  });
  it("publishes an edit of the six steps", () => {
    const draft = sixSteps();
    draft[0].objectives = "Kickoff with both teams.";
    expect(planPublication({ latest, basedOn: 1, draft })).toMatchObject({
      ok: true,
      version: 2,
      changes: ["Gate 6: objectives changed"],
    });
  });
});
