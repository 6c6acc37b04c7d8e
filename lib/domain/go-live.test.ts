import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY_GATES } from "./default-policy";
import { SIX_STEP_POLICY_GATES } from "./six-step-policy";
import {
  configureAcceptance,
  gatesBeforeGoLive,
  gatesLabel,
  goLiveGate,
  readinessChecklist,
  recordHandover,
  signOff,
  type AcceptanceState,
  type ReadinessSnapshot,
} from "./go-live";

const passedGates = [7, 6, 5, 4].map((number) => ({ number, status: "go", openConditions: 0 }));
const ready: ReadinessSnapshot = {
  latestHomologation: "passed",
  latestProduction: "passed",
  openRun: null,
  sites: [{ name: "Hamburg", certifiedGuardians: 1 }],
  openBlockingEscalations: 0,
  currentGate: 3,
  gates: [...passedGates, { number: 3, status: "pending", openConditions: 0 }],
};
const undone = (s: ReadinessSnapshot) =>
  readinessChecklist(s)
    .filter((c) => !c.done)
    .map((c) => c.key);

describe("readinessChecklist", () => {
  it.each([
    { name: "everything in place", snapshot: ready, missing: [] },
    { name: "no production run yet", snapshot: { ...ready, latestProduction: null }, missing: ["production_passed"] },
    {
      name: "homologation failed",
      snapshot: { ...ready, latestHomologation: "failed" as const },
      missing: ["homologation_passed"],
    },
    { name: "no site", snapshot: { ...ready, sites: [] }, missing: ["guardians_certified"] },
    {
      name: "one site without a certified guardian",
      snapshot: { ...ready, sites: [...ready.sites, { name: "Kiel", certifiedGuardians: 0 }] },
      missing: ["guardians_certified"],
    },
    {
      name: "a blocking escalation open",
      snapshot: { ...ready, openBlockingEscalations: 1 },
      missing: ["no_blocking_escalations"],
    },
    { name: "still at gate 4", snapshot: { ...ready, currentGate: 4 }, missing: ["gates_passed"] },
    {
      name: "gate 4 on hold",
      snapshot: { ...ready, gates: ready.gates.map((g) => (g.number === 4 ? { ...g, status: "hold" } : g)) },
      missing: ["gates_passed"],
    },
    {
      name: "gate 5 conditional with an open condition",
      snapshot: {
        ...ready,
        gates: ready.gates.map((g) => (g.number === 5 ? { ...g, status: "conditional_go", openConditions: 1 } : g)),
      },
      missing: ["gates_passed"],
    },
    {
      name: "gate 5 conditional, conditions met",
      snapshot: { ...ready, gates: ready.gates.map((g) => (g.number === 5 ? { ...g, status: "conditional_go" } : g)) },
      missing: [],
    },
    {
      name: "nothing done",
      snapshot: {
        ...ready,
        latestHomologation: null,
        latestProduction: null,
        sites: [],
        openBlockingEscalations: 2,
        currentGate: 7,
        gates: [],
      },
      missing: [
        "homologation_passed",
        "production_passed",
        "guardians_certified",
        "no_blocking_escalations",
        "gates_passed",
      ],
    },
  ])("$name → missing $missing", ({ snapshot, missing }) => {
    expect(undone(snapshot)).toEqual(missing);
  });

  it("names the sites still without a certified guardian", () => {
    const item = readinessChecklist({ ...ready, sites: [{ name: "Kiel", certifiedGuardians: 0 }] }).find(
      (c) => c.key === "guardians_certified",
    );
    expect(item?.detail).toContain("Kiel");
  });
});

const acceptance = (over: Partial<AcceptanceState> = {}): AcceptanceState => ({
  status: "open",
  statement: "We accept the platform for production use.",
  signers: [
    { userId: "owner", capacity: "client_owner" },
    { userId: "g1", capacity: "guardian" },
  ],
  signedUserIds: [],
  ...over,
});
const eligible = { clientOwners: ["owner"], certifiedGuardians: ["g1", "g2"] };

describe("configureAcceptance", () => {
  it.each([
    {
      name: "owner and a certified guardian",
      current: null,
      signers: acceptance().signers,
      statement: "We accept.",
      reason: null,
    },
    {
      name: "replacing before anyone signed",
      current: acceptance(),
      signers: acceptance().signers,
      statement: "We accept.",
      reason: null,
    },
    {
      name: "after someone signed",
      current: acceptance({ signedUserIds: ["g1"] }),
      signers: acceptance().signers,
      statement: "We accept.",
      reason: "acceptance_frozen",
    },
    {
      name: "without an owner",
      current: null,
      signers: [{ userId: "g1", capacity: "guardian" as const }],
      statement: "We accept.",
      reason: "owner_required",
    },
    {
      name: "an uncertified guardian",
      current: null,
      signers: [...acceptance().signers, { userId: "g9", capacity: "guardian" as const }],
      statement: "We accept.",
      reason: "guardian_not_certified",
    },
    {
      name: "a guardian posing as owner",
      current: null,
      signers: [{ userId: "g1", capacity: "client_owner" as const }],
      statement: "We accept.",
      reason: "signer_not_owner",
    },
    {
      name: "the same person twice",
      current: null,
      signers: [...acceptance().signers, { userId: "g1", capacity: "guardian" as const }],
      statement: "We accept.",
      reason: "signer_twice",
    },
    {
      name: "an empty statement",
      current: null,
      signers: acceptance().signers,
      statement: "  ",
      reason: "statement_required",
    },
  ])("$name → $reason", ({ current, signers, statement, reason }) => {
    const outcome = configureAcceptance(current, { statement, signers }, eligible);
    expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
  });
});

describe("signOff", () => {
  const checklist = readinessChecklist(ready);
  const statement = acceptance().statement;
  it.each([
    {
      name: "the owner signs first",
      state: acceptance(),
      user: "owner",
      text: statement,
      reason: null,
      completes: false,
    },
    {
      name: "the last signer completes it",
      state: acceptance({ signedUserIds: ["owner"] }),
      user: "g1",
      text: statement,
      reason: null,
      completes: true,
    },
    {
      name: "statement with other line endings",
      state: acceptance(),
      user: "owner",
      text: `  ${statement}\r\n`,
      reason: null,
      completes: false,
    },
    { name: "not a signer", state: acceptance(), user: "g2", text: statement, reason: "not_a_signer", completes: null },
    {
      name: "signing twice",
      state: acceptance({ signedUserIds: ["owner"] }),
      user: "owner",
      text: statement,
      reason: "already_signed",
      completes: null,
    },
    {
      name: "another statement",
      state: acceptance(),
      user: "owner",
      text: "We accept nothing.",
      reason: "statement_mismatch",
      completes: null,
    },
    {
      name: "a complete acceptance",
      state: acceptance({ status: "signed", signedUserIds: ["owner", "g1"] }),
      user: "owner",
      text: statement,
      reason: "acceptance_complete",
      completes: null,
    },
    {
      name: "no acceptance set up",
      state: null,
      user: "owner",
      text: statement,
      reason: "acceptance_not_set_up",
      completes: null,
    },
  ])("$name → $reason", ({ state, user, text, reason, completes }) => {
    const outcome = signOff(state, checklist, { userId: user, statement: text }, ["g1"]);
    expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
    expect(outcome.ok ? outcome.completes : null).toBe(completes);
  });

  it("refuses a guardian who is no longer certified", () => {
    const outcome = signOff(acceptance(), checklist, { userId: "g1", statement }, []);
    expect(outcome.ok ? null : outcome.refusal.code).toBe("guardian_not_certified");
  });

  it("refuses while the checklist is incomplete and names what is missing", () => {
    const outcome = signOff(
      acceptance(),
      readinessChecklist({ ...ready, latestProduction: null }),
      { userId: "owner", statement },
      ["g1"],
    );
    expect(outcome).toMatchObject({
      ok: false,
      refusal: { code: "go_live_not_ready", missing: ["production_passed"] },
    });
    expect(outcome.ok ? "" : outcome.refusal.message).toContain("production validation passed");
  });
});

describe("recordHandover", () => {
  it.each([
    {
      name: "after a complete acceptance",
      status: "active",
      state: { status: "signed" as const },
      has: false,
      reason: null,
    },
    {
      name: "with an open acceptance",
      status: "active",
      state: { status: "open" as const },
      has: false,
      reason: "acceptance_incomplete",
    },
    { name: "without an acceptance", status: "active", state: null, has: false, reason: "acceptance_incomplete" },
    { name: "twice", status: "live", state: { status: "signed" as const }, has: true, reason: "handover_recorded" },
    {
      name: "on hold",
      status: "on_hold",
      state: { status: "signed" as const },
      has: false,
      reason: "project_not_active",
    },
  ])("$name → $reason", ({ status, state, has, reason }) => {
    const outcome = recordHandover(status, state, has);
    expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
  });
});

// The policy, not code, says which gates go-live needs (DESIGN.md §4b).
describe("gatesBeforeGoLive and goLiveGate", () => {
  const strip = (gates: typeof DEFAULT_POLICY_GATES) => gates.map(({ requiredBeforeGoLive: _flag, ...g }) => g);
  it.each([
    { name: "the light-gating policy", gates: DEFAULT_POLICY_GATES, required: [7, 6, 5, 4], at: 3 },
    { name: "the six-step rollout", gates: SIX_STEP_POLICY_GATES, required: [6, 5, 4, 3, 2], at: 1 },
    {
      name: "a stored light-gating version without the flag",
      gates: strip(DEFAULT_POLICY_GATES),
      required: [7, 6, 5, 4],
      at: 3,
    },
    {
      name: "a stored six-step version without the flag",
      gates: strip(SIX_STEP_POLICY_GATES),
      required: [6, 5, 4, 3, 2],
      at: 1,
    },
    {
      name: "a policy with neither flag nor acceptance artifact",
      gates: strip(DEFAULT_POLICY_GATES).map((g) => ({
        ...g,
        artifactTypes: g.artifactTypes.filter((a) => a.key !== "go_live_acceptance"),
      })),
      required: [7, 6, 5, 4],
      at: 3,
    },
    {
      name: "flags that skip a gate",
      gates: SIX_STEP_POLICY_GATES.map((g) => ({ ...g, requiredBeforeGoLive: g.number === 6 || g.number === 4 })),
      required: [6, 4],
      at: 1,
    },
    { name: "no policy at all", gates: [], required: [7, 6, 5, 4], at: null },
  ])("$name → $required, go-live gate $at", ({ gates, required, at }) => {
    expect(gatesBeforeGoLive(gates)).toEqual(required);
    expect(goLiveGate(gates)?.number ?? null).toBe(at);
  });

  it.each([
    [[4], "Gate 4"],
    [[6, 5, 4, 3, 2], "Gates 6 to 2"],
    [[7, 5, 3], "Gates 7, 5 and 3"],
  ])("labels %j as %s", (numbers, label) => {
    expect(gatesLabel(numbers)).toBe(label);
  });
});

describe("readinessChecklist on the six-step rollout (steps 6 to 2 before go-live)", () => {
  const required = gatesBeforeGoLive(SIX_STEP_POLICY_GATES);
  const steps = (current: number, status: (n: number) => string = (n) => (n > current ? "go" : "pending")) =>
    [6, 5, 4, 3, 2, 1].map((number) => ({ number, status: status(number), openConditions: 0 }));
  const sixStep: ReadinessSnapshot = { ...ready, currentGate: 1, gates: steps(1), gatesBeforeGoLive: required };
  const gatesItem = (s: ReadinessSnapshot) => readinessChecklist(s).find((c) => c.key === "gates_passed")!;

  it.each([
    {
      name: "steps 6 to 2 passed, at step 1",
      snapshot: sixStep,
      done: true,
      detail: "Gates 6 to 2 are passed and every condition is met.",
    },
    {
      name: "at step 4",
      snapshot: { ...sixStep, currentGate: 4, gates: steps(4) },
      done: false,
      detail: "Not passed yet: gate 4, 3, 2.",
    },
    {
      name: "step 2 still in review",
      snapshot: { ...sixStep, currentGate: 2, gates: steps(2, (n) => (n > 2 ? "go" : "in_review")) },
      done: false,
      detail: "Not passed yet: gate 2.",
    },
    {
      name: "step 3 conditional with an open condition",
      snapshot: {
        ...sixStep,
        gates: sixStep.gates.map((g) => (g.number === 3 ? { ...g, status: "conditional_go", openConditions: 2 } : g)),
      },
      done: false,
      detail: "2 conditions still open.",
    },
    // Gate 3 of the light-gating policy is the go-live gate there; here step 3 must be passed.
    {
      name: "at step 3, as a seven-gate rule would have allowed",
      snapshot: { ...sixStep, currentGate: 3, gates: steps(3) },
      done: false,
      detail: "Not passed yet: gate 3, 2.",
    },
  ])("$name → done $done", ({ snapshot, done, detail }) => {
    expect(gatesItem(snapshot)).toMatchObject({ label: "Gates 6 to 2 passed, with no open conditions", done, detail });
  });

  it("names the missing steps when signing is refused", () => {
    const outcome = signOff(
      acceptance(),
      readinessChecklist({ ...sixStep, currentGate: 4, gates: steps(4) }),
      { userId: "owner", statement: acceptance().statement },
      ["g1"],
    );
    expect(outcome).toMatchObject({ ok: false, refusal: { code: "go_live_not_ready", missing: ["gates_passed"] } });
    if (!outcome.ok) expect(outcome.refusal.message).toContain("gates 6 to 2 passed");
  });
});
