import { describe, expect, it } from "vitest";
import { refusalError } from "@/lib/errors";
import type { ArtifactState, CastVote, DecisionRule, GateState, ProjectState } from "@/lib/domain/gate";
import {
  decisionReadiness,
  mayRecordDecision,
  namesInWords,
  requiredArtifactProgress,
  submitReadiness,
} from "@/lib/domain/gate-readiness";

const gate = (over: Partial<GateState> = {}): GateState => ({
  number: 7,
  status: "in_review",
  round: 1,
  decisionRule: "unanimous",
  quorum: null,
  ...over,
});
const project: ProjectState = { status: "active", currentGate: 7 };
const approved: ArtifactState[] = [{ id: "a1", title: "Statement of Work", requirement: "must", status: "approved" }];
const paula = { userId: "pm", name: "Paula Martins", required: true };
const boris = { userId: "board", name: "Boris Keller", required: true };
const olga = { userId: "owner", name: "Olga Brandt", required: false };

describe("requiredArtifactProgress", () => {
  it.each([
    { artifacts: [], label: "None required", approved: 0, required: 0, total: 0 },
    {
      artifacts: [
        { requirement: "must" as const, status: "approved" },
        { requirement: "must" as const, status: "submitted" },
        { requirement: "should" as const, status: "approved" },
      ],
      label: "1 of 2 required approved",
      approved: 1,
      required: 2,
      total: 3,
    },
    {
      artifacts: [{ requirement: "should" as const, status: "missing" }],
      label: "None required",
      approved: 0,
      required: 0,
      total: 1,
    },
  ])("$label", ({ artifacts, label, approved: a, required, total }) => {
    expect(requiredArtifactProgress(artifacts)).toEqual({ label, approved: a, required, total });
  });
});

describe("namesInWords", () => {
  it.each([
    { names: [], you: undefined, words: "" },
    { names: ["Ann"], you: undefined, words: "Ann" },
    { names: ["Ann"], you: "Ann", words: "you" },
    { names: ["Ann", "Bob"], you: "Ann", words: "Bob and you" },
    { names: ["Ann", "Bob", "Cid"], you: "Zed", words: "Ann, Bob and Cid" },
    { names: ["Ann", "Bob", "Cid"], you: "Bob", words: "Ann, Cid and you" },
  ])("$words", ({ names, you, words }) => expect(namesInWords(names, you)).toBe(words));
});

describe("submitReadiness", () => {
  it("names the required artifacts without a version, and nothing once they have one", () => {
    const artifacts: ArtifactState[] = [
      { id: "a1", title: "Statement of Work", requirement: "must", status: "missing" },
      { id: "a2", title: "Governance plan", requirement: "should", status: "missing" },
    ];
    // A board that can decide: the PM submits, the board member votes and reviews.
    const board = [paula, boris].map((m) => ({ ...m, roles: [], active: true }));
    const rest = { previousOpenConditions: [], board, submitter: { id: paula.userId, name: paula.name } };
    const refused = submitReadiness({ gate: gate({ status: "pending" }), project, artifacts, ...rest });
    expect(refused).toMatchObject({ ok: false, refusal: { code: "gate_missing_requirements" } });
    expect(refused.ok ? "" : refused.refusal.message).toContain("Statement of Work");
    expect(refused.ok ? "" : refused.refusal.message).not.toContain("Governance plan");
    artifacts[0].status = "submitted";
    expect(submitReadiness({ gate: gate({ status: "pending" }), project, artifacts, ...rest })).toEqual({ ok: true });
  });
});

describe("decisionReadiness", () => {
  const vote = (userId: string, v: CastVote["vote"]): CastVote => ({ userId, vote: v });
  it.each<{
    name: string;
    rule: DecisionRule;
    quorum?: number;
    board: (typeof paula)[];
    votes: CastVote[];
    decider: string;
    go: string | null;
  }>([
    {
      name: "nobody voted: waits for both, you last",
      rule: "unanimous",
      board: [paula, boris],
      votes: [],
      decider: "board",
      go: "Waiting for the votes of Paula Martins and you.",
    },
    {
      name: "one voted: waits for the other",
      rule: "unanimous",
      board: [paula, boris],
      votes: [vote("board", "go")],
      decider: "board",
      go: "Waiting for the votes of Paula Martins.",
    },
    {
      name: "a vote against is named",
      rule: "unanimous",
      board: [paula, boris],
      votes: [vote("board", "go"), vote("pm", "hold")],
      decider: "board",
      go: "Paula Martins voted hold.",
    },
    {
      name: "your vote against is yours",
      rule: "unanimous",
      board: [paula, boris],
      votes: [vote("board", "recycle"), vote("pm", "go")],
      decider: "board",
      go: "You voted recycle.",
    },
    {
      name: "everyone in favour: accepted",
      rule: "unanimous",
      board: [paula, boris],
      votes: [vote("board", "go"), vote("pm", "conditional_go")],
      decider: "board",
      go: null,
    },
    {
      name: "majority waits for anyone",
      rule: "majority",
      board: [paula, boris, olga],
      votes: [vote("pm", "go")],
      decider: "owner",
      go: "Waiting for the votes of Boris Keller and you.",
    },
    {
      name: "quorum with required members in: waits for others",
      rule: "quorum",
      quorum: 3,
      board: [paula, boris, olga],
      votes: [vote("pm", "go"), vote("board", "go")],
      decider: "board",
      go: "Waiting for the votes of Olga Brandt.",
    },
  ])("$name", ({ rule, quorum, board, votes, decider, go }) => {
    const checks = decisionReadiness({
      gate: gate({ decisionRule: rule, quorum: quorum ?? null }),
      project,
      board,
      votes,
      artifacts: approved,
      deciderId: decider,
    });
    if (go === null) expect(checks.go).toEqual({ ok: true });
    else
      expect(checks.go).toMatchObject({
        ok: false,
        refusal: { code: "decision_rule_not_met", message: expect.stringContaining(go) },
      });
    // The other outcomes never depend on the votes.
    expect(checks.hold).toEqual({ ok: true });
    expect(checks.recycle).toEqual({ ok: true });
    expect(checks.kill).toEqual({ ok: true });
  });

  it("a go with an unapproved required artifact is refused for that, with the same words as the server", () => {
    const checks = decisionReadiness({
      gate: gate(),
      project,
      board: [paula, boris],
      votes: [vote("pm", "go"), vote("board", "go")],
      artifacts: [{ id: "a1", title: "Statement of Work", requirement: "must", status: "submitted" }],
      deciderId: "board",
    });
    expect(checks.go).toMatchObject({
      ok: false,
      refusal: { code: "artifacts_not_approved", message: expect.stringContaining("Statement of Work") },
    });
    expect(checks.conditional_go).toMatchObject({ ok: false, refusal: { code: "artifacts_not_approved" } });
    expect(checks.conditional_go.ok ? null : refusalError(checks.conditional_go.refusal).code).toBe("rule_refused");
    expect(mayRecordDecision(checks)).toBe(true);
  });

  it("someone off the board may record nothing", () => {
    const checks = decisionReadiness({
      gate: gate(),
      project,
      board: [paula],
      votes: [],
      artifacts: approved,
      deciderId: "stranger",
    });
    for (const check of Object.values(checks))
      expect(check).toMatchObject({ ok: false, refusal: { kind: "forbidden", code: "not_on_board" } });
    expect(mayRecordDecision(checks)).toBe(false);
  });

  it("a gate not in review may not be decided", () => {
    const checks = decisionReadiness({
      gate: gate({ status: "pending" }),
      project,
      board: [paula],
      votes: [],
      artifacts: approved,
      deciderId: "pm",
    });
    expect(checks.hold).toMatchObject({ ok: false, refusal: { code: "gate_not_in_review" } });
  });
});
