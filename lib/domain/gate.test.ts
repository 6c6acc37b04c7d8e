import { describe, expect, it } from "vitest";
import { refusalError } from "@/lib/errors";
import {
  boardChangeable,
  castVote,
  changeBoard,
  decide,
  describeDecisionRule,
  diagnoseBoard,
  evaluateRule,
  meetCondition,
  submit,
  submittableGate,
  type ArtifactState,
  type BoardMember,
  type BoardSeat,
  type CastVote,
  type DecideCommand,
  type GateState,
  type GateStatus,
  type ProjectState,
  type SubmitCommand,
  type VoteCommand,
} from "./gate";

const gate = (over: Partial<GateState> = {}): GateState => ({
  number: 7,
  status: "pending",
  round: 1,
  decisionRule: "unanimous",
  quorum: null,
  ...over,
});
const project = (over: Partial<ProjectState> = {}): ProjectState => ({ status: "active", currentGate: 7, ...over });
const art = (id: string, requirement: "must" | "should", status: ArtifactState["status"]): ArtifactState => ({
  id,
  title: `Artifact ${id}`,
  requirement,
  status,
});
const board: BoardSeat[] = [
  { userId: "pm", required: true },
  { userId: "owner", required: true },
  { userId: "extra", required: false },
];

const member = (userId: string, over: Partial<BoardMember> = {}): BoardMember => ({
  userId,
  name: userId.toUpperCase(),
  required: false,
  roles: [],
  active: true,
  ...over,
});
const paula = { id: "pm", name: "Paula Martins" };
const pmSeat = member("pm", { name: "Paula Martins", required: true, roles: ["project_manager"] });
const ownerSeat = member("owner", { name: "Olga Owner", required: true, roles: ["client_owner"] });
const seated = [pmSeat, ownerSeat];

describe("submit", () => {
  const base: SubmitCommand = {
    gate: gate(),
    project: project(),
    artifacts: [art("a", "must", "submitted"), art("b", "should", "missing")],
    previousOpenConditions: [],
    board: seated,
    submitter: paula,
  };
  const cases: { name: string; cmd: Partial<SubmitCommand>; reason?: string; projectStatus?: string }[] = [
    { name: "pending current gate with must artifacts submitted", cmd: {} },
    { name: "recycled gate is submittable like pending", cmd: { gate: gate({ status: "recycled" }) } },
    {
      name: "changes requested still counts as a submitted version",
      cmd: { artifacts: [art("a", "must", "changes_requested")] },
    },
    {
      name: "held gate resumes the project",
      cmd: { gate: gate({ status: "hold", round: 2 }), project: project({ status: "on_hold" }) },
      projectStatus: "active",
    },
    { name: "not the current gate", cmd: { gate: gate({ number: 6 }) }, reason: "not_current_gate" },
    { name: "already in review", cmd: { gate: gate({ status: "in_review" }) }, reason: "gate_not_submittable" },
    ...(["go", "conditional_go", "killed"] as GateStatus[]).map((status) => ({
      name: `decided (${status})`,
      cmd: { gate: gate({ status }) },
      reason: "gate_not_submittable",
    })),
    { name: "project killed", cmd: { project: project({ status: "killed" }) }, reason: "project_not_active" },
    {
      name: "project on hold for another reason",
      cmd: { project: project({ status: "on_hold" }) },
      reason: "project_not_active",
    },
    {
      name: "must artifact missing",
      cmd: { artifacts: [art("a", "must", "missing")] },
      reason: "gate_missing_requirements",
    },
    {
      name: "open condition of the previous gate",
      cmd: {
        gate: gate({ number: 6 }),
        project: project({ currentGate: 6 }),
        previousOpenConditions: [{ id: "c", text: "Sign DPA" }],
      },
      reason: "gate_missing_requirements",
    },
    { name: "the PM alone on the board", cmd: { board: [pmSeat] }, reason: "board_cannot_decide" },
    { name: "an empty board", cmd: { board: [] }, reason: "board_cannot_decide" },
    {
      name: "missing artifacts are named before the board",
      cmd: { board: [], artifacts: [art("a", "must", "missing")] },
      reason: "gate_missing_requirements",
    },
  ];
  it.each(cases)("$name", ({ cmd, reason, projectStatus }) => {
    const outcome = submit({ ...base, ...cmd });
    if (reason) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect(outcome.refusal.code).toBe(reason);
    } else {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        expect(outcome.next.gateStatus).toBe("in_review");
        expect(outcome.next.projectStatus).toBe(projectStatus ?? "active");
        expect(outcome.events.map((e) => e.action)).toEqual(["gate.submit"]);
      }
    }
  });

  it("lists exactly the missing must artifacts and open conditions", () => {
    const outcome = submit({
      gate: gate({ number: 6 }),
      project: project({ currentGate: 6 }),
      artifacts: [
        art("a", "must", "missing"),
        art("b", "must", "approved"),
        art("c", "should", "missing"),
        art("d", "must", "missing"),
      ],
      previousOpenConditions: [{ id: "c1", text: "Sign the DPA" }],
      board: seated,
      submitter: paula,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.missing).toEqual([
      { kind: "artifact", id: "a", title: "Artifact a" },
      { kind: "artifact", id: "d", title: "Artifact d" },
      { kind: "condition", id: "c1", text: "Sign the DPA" },
    ]);
    expect(outcome.refusal.message).toContain("Artifact a; Artifact d");
    expect(outcome.refusal.message).toContain("Sign the DPA");
  });
});

describe("castVote", () => {
  const base: VoteCommand = {
    gate: gate({ status: "in_review" }),
    project: project(),
    board,
    voterId: "owner",
    previousVote: null,
    vote: "go",
    rationale: "ok",
  };
  const cases: { name: string; cmd: Partial<VoteCommand>; reason?: string; action?: string }[] = [
    { name: "board member votes", cmd: {}, action: "gate.vote" },
    {
      name: "board member changes the vote before the decision",
      cmd: { previousVote: { vote: "hold", rationale: "wait" } },
      action: "gate.vote.change",
    },
    { name: "non-board member", cmd: { voterId: "stranger" }, reason: "not_on_board" },
    { name: "gate pending (not submitted)", cmd: { gate: gate({ status: "pending" }) }, reason: "gate_not_in_review" },
    { name: "gate already decided", cmd: { gate: gate({ status: "go" }) }, reason: "gate_not_in_review" },
    {
      name: "not the current gate",
      cmd: { gate: gate({ number: 5, status: "in_review" }) },
      reason: "not_current_gate",
    },
    { name: "project on hold", cmd: { project: project({ status: "on_hold" }) }, reason: "project_not_active" },
  ];
  it.each(cases)("$name", ({ cmd, reason, action }) => {
    const outcome = castVote({ ...base, ...cmd });
    if (reason) {
      expect(outcome.ok ? null : outcome.refusal.code).toBe(reason);
    } else {
      expect(outcome.ok && outcome.events[0].action).toBe(action);
    }
  });
  it("non-board refusal is a 403, rule refusals are 409", () => {
    const a = castVote({ ...base, voterId: "stranger" });
    const b = castVote({ ...base, gate: gate() });
    expect(!a.ok && refusalError(a.refusal).status).toBe(403);
    expect(!b.ok && refusalError(b.refusal).status).toBe(409);
  });
});

describe("evaluateRule", () => {
  const v = (userId: string, vote: CastVote["vote"]): CastVote => ({ userId, vote });
  const cases: { rule: "unanimous" | "quorum" | "majority"; quorum?: number; votes: CastVote[]; met: boolean }[] = [
    { rule: "unanimous", votes: [v("pm", "go"), v("owner", "conditional_go")], met: true },
    { rule: "unanimous", votes: [v("pm", "go"), v("owner", "go"), v("extra", "go")], met: true },
    { rule: "unanimous", votes: [v("pm", "go")], met: false },
    { rule: "unanimous", votes: [v("pm", "go"), v("owner", "go"), v("extra", "hold")], met: false },
    { rule: "unanimous", votes: [], met: false },
    { rule: "unanimous", votes: [v("pm", "go"), v("owner", "go"), v("stranger", "kill")], met: true },
    { rule: "quorum", quorum: 2, votes: [v("pm", "go"), v("owner", "go")], met: true },
    { rule: "quorum", quorum: 3, votes: [v("pm", "go"), v("owner", "go")], met: false },
    { rule: "quorum", quorum: 2, votes: [v("pm", "go"), v("extra", "go")], met: false },
    { rule: "quorum", quorum: 2, votes: [v("pm", "go"), v("owner", "go"), v("extra", "kill")], met: true },
    { rule: "majority", votes: [v("pm", "go"), v("extra", "go")], met: true },
    { rule: "majority", votes: [v("pm", "go"), v("owner", "hold")], met: false },
    { rule: "majority", votes: [v("pm", "go")], met: false },
  ];
  it.each(cases)("$rule $quorum with $votes.length votes → met=$met", ({ rule, quorum, votes, met }) => {
    expect(evaluateRule(rule, quorum ?? null, board, votes).met).toBe(met);
  });
  it("names the required members not in favour", () => {
    expect(evaluateRule("unanimous", null, board, [v("pm", "go")]).missing).toEqual([
      { kind: "vote", userId: "owner" },
    ]);
  });
});

describe("decide", () => {
  const allGo: CastVote[] = [
    { userId: "pm", vote: "go" },
    { userId: "owner", vote: "go" },
  ];
  const cond = { text: "Sign DPA", ownerId: "owner", dueDate: "2026-12-01" };
  const base: DecideCommand = {
    gate: gate({ status: "in_review" }),
    project: project(),
    board,
    votes: allGo,
    artifacts: [art("a", "must", "approved"), art("b", "should", "submitted")],
    deciderId: "owner",
    decision: "go",
    rationale: "ready",
    conditions: [],
  };
  type Expect = { gateStatus: GateStatus; round: number; projectStatus: string; currentGate: number };
  const cases: { name: string; cmd: Partial<DecideCommand>; reason?: string; next?: Expect }[] = [
    {
      name: "go passes and the next gate becomes current",
      cmd: {},
      next: { gateStatus: "go", round: 1, projectStatus: "active", currentGate: 6 },
    },
    {
      name: "conditional go with a condition",
      cmd: { decision: "conditional_go", conditions: [cond] },
      next: { gateStatus: "conditional_go", round: 1, projectStatus: "active", currentGate: 6 },
    },
    {
      name: "go on gate 1 closes the project",
      cmd: { gate: gate({ number: 1, status: "in_review" }), project: project({ currentGate: 1 }) },
      next: { gateStatus: "go", round: 1, projectStatus: "closed", currentGate: 1 },
    },
    {
      name: "recycle reopens the gate in a new round",
      cmd: { decision: "recycle", votes: [] },
      next: { gateStatus: "pending", round: 2, projectStatus: "active", currentGate: 7 },
    },
    {
      name: "hold pauses the project",
      cmd: { decision: "hold", votes: [] },
      next: { gateStatus: "hold", round: 2, projectStatus: "on_hold", currentGate: 7 },
    },
    {
      name: "kill ends the project",
      cmd: { decision: "kill", votes: [] },
      next: { gateStatus: "killed", round: 1, projectStatus: "killed", currentGate: 7 },
    },
    { name: "decider not on the board", cmd: { deciderId: "stranger" }, reason: "not_on_board" },
    { name: "gate not in review", cmd: { gate: gate() }, reason: "gate_not_in_review" },
    {
      name: "not the current gate",
      cmd: { gate: gate({ number: 6, status: "in_review" }) },
      reason: "not_current_gate",
    },
    { name: "project killed", cmd: { project: project({ status: "killed" }) }, reason: "project_not_active" },
    {
      name: "go with a must artifact not approved",
      cmd: { artifacts: [art("a", "must", "submitted")] },
      reason: "artifacts_not_approved",
    },
    {
      name: "go with a must artifact with changes requested",
      cmd: { artifacts: [art("a", "must", "changes_requested")] },
      reason: "artifacts_not_approved",
    },
    {
      name: "go before the rule is met",
      cmd: { votes: [{ userId: "pm", vote: "go" }] },
      reason: "decision_rule_not_met",
    },
    {
      name: "conditional go also needs the rule",
      cmd: { decision: "conditional_go", conditions: [cond], votes: [] },
      reason: "decision_rule_not_met",
    },
    { name: "conditional go without a condition", cmd: { decision: "conditional_go" }, reason: "conditions_required" },
    { name: "go with conditions", cmd: { conditions: [cond] }, reason: "conditions_only_for_conditional_go" },
    {
      name: "kill with conditions",
      cmd: { decision: "kill", conditions: [cond] },
      reason: "conditions_only_for_conditional_go",
    },
  ];
  it.each(cases)("$name", ({ cmd, reason, next }) => {
    const outcome = decide({ ...base, ...cmd });
    if (reason) {
      expect(outcome.ok ? "applied" : outcome.refusal.code).toBe(reason);
    } else {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        expect({
          gateStatus: outcome.next.gateStatus,
          round: outcome.next.round,
          projectStatus: outcome.next.projectStatus,
          currentGate: outcome.next.currentGate,
        }).toEqual(next);
        expect(outcome.next.decidedRound).toBe(1);
        expect(outcome.events[0].action).toBe("gate.decide");
      }
    }
  });
  it("records the project change as its own audit event", () => {
    const outcome = decide(base);
    expect(outcome.ok && outcome.events.map((e) => e.action)).toEqual(["gate.decide", "project.gate_advance"]);
  });
  it("a premature go lists what is not approved", () => {
    const outcome = decide({ ...base, artifacts: [art("a", "must", "submitted"), art("b", "must", "approved")] });
    expect(!outcome.ok && outcome.refusal.missing).toEqual([{ kind: "artifact", id: "a", title: "Artifact a" }]);
  });
});

describe("changeBoard", () => {
  it.each([
    ["pending", true],
    ["recycled", true],
    ["hold", true],
    ["in_review", false],
    ["go", false],
    ["conditional_go", false],
    ["killed", false],
  ] as [GateStatus, boolean][])("%s → allowed=%s", (status, allowed) => {
    expect(changeBoard(gate({ status })).ok).toBe(allowed);
  });
});

describe("meetCondition", () => {
  it("closes an open condition once", () => {
    expect(meetCondition({ status: "open", text: "x" }).ok).toBe(true);
    const again = meetCondition({ status: "met", text: "x" });
    expect(!again.ok && again.refusal.code).toBe("condition_already_met");
  });
});

describe("diagnoseBoard: can the seated board ever pass the gate?", () => {
  const wrote = (
    id: string,
    author: { id: string; name: string },
    over: Partial<ArtifactState> = {},
  ): ArtifactState => ({ ...art(id, "must", "submitted"), author, ...over });
  const engineer = { id: "eng", name: "Emil Engineer" };
  const cases: {
    name: string;
    board: BoardMember[];
    rule?: Partial<GateState>;
    artifacts?: ArtifactState[];
    submitter?: { id: string; name: string } | null;
    gaps: string[];
    says?: string[];
  }[] = [
    { name: "PM and owner, engineer wrote the versions", board: seated, artifacts: [wrote("a", engineer)], gaps: [] },
    {
      name: "PM and owner, PM wrote the versions: the owner approves",
      board: seated,
      artifacts: [wrote("a", paula)],
      gaps: [],
    },
    { name: "empty board", board: [], gaps: ["empty_board"], says: ["Gate 7's board is empty"] },
    {
      name: "the PM alone, who wrote the versions (issue 10)",
      board: [pmSeat],
      artifacts: [wrote("a", paula), wrote("b", paula)],
      gaps: ["only_submitter", "no_reviewer", "no_reviewer"],
      says: ["Gate 7's board needs a member besides Paula Martins, who submits it and wrote the submitted versions."],
    },
    {
      name: "the PM alone, an engineer wrote the versions: still her own gate",
      board: [pmSeat],
      artifacts: [wrote("a", engineer)],
      gaps: ["only_submitter"],
      says: ["besides Paula Martins, who submits it."],
    },
    {
      name: "an engineer alone wrote the versions and sits alone (PM not seated)",
      board: [member("eng", { name: "Emil Engineer" })],
      artifacts: [wrote("a", engineer)],
      gaps: ["no_reviewer"],
      says: ["besides Emil Engineer, who wrote the submitted versions"],
    },
    {
      name: "without a known submitter (a reader's view), the PM alone can still vote",
      board: [pmSeat],
      artifacts: [wrote("a", engineer)],
      submitter: null,
      gaps: [],
    },
    {
      name: "should artifacts do not block",
      board: [pmSeat, member("x")],
      artifacts: [{ ...wrote("a", { id: "x", name: "X" }), requirement: "should" }],
      gaps: [],
    },
    {
      name: "approved and missing artifacts need no reviewer",
      board: [pmSeat, member("x")],
      artifacts: [wrote("a", { id: "x", name: "X" }, { status: "approved" }), art("b", "must", "missing")],
      gaps: [],
    },
    {
      name: "changes requested: the next version needs a reviewer too",
      board: [pmSeat, member("x")],
      artifacts: [wrote("a", { id: "x", name: "X" }, { status: "changes_requested" })],
      gaps: [],
    },
    {
      name: "quorum 3 on a board of 2",
      board: seated,
      rule: { decisionRule: "quorum", quorum: 3 },
      gaps: ["too_few_voters"],
      says: ["needs 3 votes in favour but only 2 members can vote"],
    },
    { name: "quorum 2 on a board of 2", board: seated, rule: { decisionRule: "quorum", quorum: 2 }, gaps: [] },
    {
      name: "quorum without a number counts as 1",
      board: seated,
      rule: { decisionRule: "quorum", quorum: null },
      gaps: [],
    },
    {
      name: "majority of 3 with 2 unable to sign in",
      board: [pmSeat, member("x", { active: false }), member("y", { active: false })],
      rule: { decisionRule: "majority" },
      gaps: ["too_few_voters", "only_submitter"],
    },
    {
      name: "majority of 3 with 2 able to vote",
      board: [pmSeat, ownerSeat, member("y", { active: false })],
      rule: { decisionRule: "majority" },
      gaps: [],
    },
    {
      name: "unanimous with a required member who can no longer sign in",
      board: [pmSeat, { ...ownerSeat, active: false }, member("x")],
      gaps: ["required_inactive"],
      says: ["Olga Owner is a required member but can no longer sign in"],
    },
    {
      name: "MVP scope needs the owner: owner seated",
      board: seated,
      artifacts: [wrote("a", paula, { approverRoles: ["client_owner"] })],
      gaps: [],
    },
    {
      name: "MVP scope needs the owner: no owner on the board",
      board: [pmSeat, member("v", { roles: ["team_member"] })],
      artifacts: [wrote("a", engineer, { title: "MVP scope", approverRoles: ["client_owner"] })],
      gaps: ["no_approver"],
      says: ["“MVP scope” needs the approval of a client owner on the board other than Emil Engineer, who wrote it"],
    },
    {
      name: "MVP scope needs the owner, who wrote it",
      board: [pmSeat, ownerSeat],
      artifacts: [wrote("a", { id: "owner", name: "Olga Owner" }, { approverRoles: ["client_owner"] })],
      gaps: ["no_approver"],
    },
    {
      name: "the owner already approved, then left the board",
      board: [pmSeat, member("v")],
      artifacts: [
        wrote("a", engineer, {
          approverRoles: ["client_owner"],
          approvals: [{ reviewerId: "owner", roles: ["client_owner"] }],
        }),
      ],
      gaps: [],
    },
    {
      name: "an owner who can no longer sign in cannot approve",
      board: [pmSeat, { ...ownerSeat, required: false, active: false }, member("v")],
      artifacts: [wrote("a", engineer, { approverRoles: ["client_owner"] })],
      gaps: ["no_approver"],
    },
    {
      name: "two roles, one missing",
      board: seated,
      artifacts: [wrote("a", engineer, { approverRoles: ["client_owner", "guardian"] })],
      gaps: ["no_approver"],
      says: ["a guardian on the board"],
    },
  ];
  it.each(cases)("$name", ({ board: seats, rule, artifacts = [], submitter = paula, gaps, says = [] }) => {
    const diagnosis = diagnoseBoard({ gate: gate(rule), board: seats, submitter, artifacts });
    expect(diagnosis.gaps.map((g) => g.problem)).toEqual(gaps);
    expect(diagnosis.canDecide).toBe(gaps.length === 0);
    for (const text of says) expect(diagnosis.message).toContain(text);
  });

  it("the refusal lists the gaps in `missing`", () => {
    const outcome = submit({
      gate: gate(),
      project: project(),
      artifacts: [{ ...art("a", "must", "submitted"), author: paula }],
      previousOpenConditions: [],
      board: [pmSeat],
      submitter: paula,
    });
    expect(!outcome.ok && outcome.refusal).toMatchObject({
      code: "board_cannot_decide",
      missing: [
        { kind: "board", problem: "only_submitter", userId: "pm", name: "Paula Martins" },
        { kind: "board", problem: "no_reviewer", artifactId: "a", authorName: "Paula Martins" },
      ],
    });
  });
});

describe("what the gate page may offer", () => {
  const statuses: GateStatus[] = ["pending", "in_review", "go", "conditional_go", "hold", "recycled", "killed"];

  it.each([
    { status: "pending", current: true, submittable: true, board: true },
    { status: "recycled", current: true, submittable: true, board: true },
    { status: "hold", current: true, submittable: true, board: true },
    { status: "in_review", current: true, submittable: false, board: false },
    { status: "go", current: true, submittable: false, board: false },
    { status: "conditional_go", current: true, submittable: false, board: false },
    { status: "killed", current: true, submittable: false, board: false },
    { status: "pending", current: false, submittable: false, board: true },
    { status: "go", current: false, submittable: false, board: false },
  ] as const)("$status gate (current: $current) → submit $submittable, board $board", (c) => {
    const g = gate({ number: c.current ? 7 : 6, status: c.status });
    expect(submittableGate(g, project())).toBe(c.submittable);
    expect(boardChangeable(g)).toBe(c.board);
  });

  it.each(statuses)("a %s gate that may be submitted passes submit's own state checks", (status) => {
    const g = gate({ status });
    const outcome = submit({
      gate: g,
      project: project({ status: status === "hold" ? "on_hold" : "active" }),
      artifacts: [],
      previousOpenConditions: [],
      board: [{ userId: "b1", required: true, name: "Boris", roles: ["team_member"], active: true }],
      submitter: { id: "pm", name: "Paula" },
    });
    expect(outcome.ok).toBe(submittableGate(g, project()));
  });

  it.each(statuses)("the board of a %s gate may change exactly when changeBoard allows it", (status) => {
    expect(boardChangeable(gate({ status }))).toBe(changeBoard(gate({ status })).ok);
  });

  it.each([
    [{ decisionRule: "unanimous", quorum: null }, "Unanimous: every required member votes go or conditional go"],
    [{ decisionRule: "majority", quorum: null }, "Majority: more than half of the board"],
    [{ decisionRule: "quorum", quorum: 3 }, "Quorum: at least 3 members in favour, every required member among them."],
  ] as const)("describes %j", (rule, words) => {
    expect(describeDecisionRule(rule)).toContain(words);
  });
});
