import { describe, expect, it } from "vitest";
import type { PolicyGate } from "@/db/schema";
import { DEFAULT_POLICY_GATES } from "@/lib/domain/default-policy";
import { describePolicyChanges, planPublication, validatePolicy } from "@/lib/domain/policy";

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
    ["an unknown gate number", [...clone().slice(0, 6), { ...clone()[6], number: 0 }], "gates", /Gate 0 is not a gate number/],
    ["an empty name", edited(7, (g) => (g.name = "  ")), "gates.0.name", /needs a name/],
    ["empty objectives", edited(5, (g) => (g.objectives = "")), "gates.2.objectives", /needs its objectives/],
    [
      "a duplicate artifact key",
      edited(6, (g) => g.artifactTypes.push({ ...g.artifactTypes[0], title: "Again" })),
      "gates.1.artifactTypes.3.key",
      /used twice in gate 6/,
    ],
    ["a malformed artifact key", edited(4, (g) => (g.artifactTypes[0].key = "Test Plan")), "gates.3.artifactTypes.0.key", /lower-case/],
    ["an artifact without a title", edited(4, (g) => (g.artifactTypes[1].title = " ")), "gates.3.artifactTypes.1.title", /needs a title/],
    ["an artifact required for no size", edited(2, (g) => (g.artifactTypes[0].requirement = {})), "gates.5.artifactTypes.0.requirement", /at least one size class/],
    ["a board without a required seat", edited(1, (g) => (g.defaultBoard = g.defaultBoard.map((s) => ({ ...s, required: false })))), "gates.6.defaultBoard", /at least one required board seat/],
    ["an empty board", edited(1, (g) => (g.defaultBoard = [])), "gates.6.defaultBoard", /at least one required board seat/],
    [
      "a role seated twice",
      edited(7, (g) => g.defaultBoard.push({ projectRole: "project_manager", required: false })),
      "gates.0.defaultBoard",
      /only once/,
    ],
    ["quorum without N", edited(6, (g) => ((g.decisionRule = "quorum"), (g.quorum = null))), "gates.1.quorum", /from 1 to 50/],
    ["quorum 0", edited(4, (g) => (g.quorum = 0)), "gates.3.quorum", /from 1 to 50/],
    ["quorum 1.5", edited(4, (g) => (g.quorum = 1.5)), "gates.3.quorum", /from 1 to 50/],
  ];

  it.each(refusals)("refuses %s", (_label, gates, path, message) => {
    const result = validatePolicy(gates);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[path]?.join(" ")).toMatch(message);
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
    ["rule", edited(7, (g) => ((g.decisionRule = "quorum"), (g.quorum = 2))), ["Gate 7: decision rule unanimous → quorum 2"]],
    ["artifact added", edited(1, (g) => g.artifactTypes.push({ key: "x_y", title: "Extra", requirement: { large: "must" } })), ['Gate 1: artifact "Extra" added']],
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
    ["a draft without changes", 3, clone(), "no_changes"],
  ];
  it.each(refusals)("refuses %s", (_label, basedOn, draft, reason) => {
    const result = planPublication({ latest, basedOn, draft });
    expect(result).toMatchObject({ ok: false, reason });
  });
});
