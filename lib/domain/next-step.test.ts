import { describe, expect, it } from "vitest";
import type { ArtifactState, BoardMember, GateState, ProjectState } from "./gate";
import { nextStep, type NextStepInput } from "./next-step";

const gate = (over: Partial<GateState> = {}): GateState => ({
  number: 7,
  status: "pending",
  round: 1,
  decisionRule: "unanimous",
  quorum: null,
  ...over,
});
const project = (over: Partial<ProjectState> = {}): ProjectState => ({ status: "active", currentGate: 7, ...over });
const paula = { id: "pm", name: "Paula Martins" };
const pm: BoardMember = {
  userId: "pm",
  name: "Paula Martins",
  required: true,
  roles: ["project_manager"],
  active: true,
};
const owner: BoardMember = {
  userId: "owner",
  name: "Olga Owner",
  required: true,
  roles: ["client_owner"],
  active: true,
};
const art = (id: string, status: ArtifactState["status"], over: Partial<ArtifactState> = {}): ArtifactState => ({
  id,
  title: `A${id}`,
  requirement: "must",
  status,
  author: status === "missing" ? null : { id: "eng", name: "Emil" },
  ...over,
});

describe("nextStep", () => {
  const base: NextStepInput = {
    gate: gate(),
    project: project(),
    artifacts: [art("1", "submitted")],
    previousOpenConditions: [],
    board: [pm, owner],
    votes: [],
    submitter: paula,
  };
  const cases: { name: string; input: Partial<NextStepInput>; stage: string; kinds: string[] }[] = [
    {
      name: "submitted versions and a board that can decide: ready to submit, reviews pending",
      input: {},
      stage: "ready_to_submit",
      kinds: ["artifact_awaiting"],
    },
    { name: "everything approved", input: { artifacts: [art("1", "approved")] }, stage: "ready_to_submit", kinds: [] },
    {
      name: "a must artifact without a version",
      input: { artifacts: [art("1", "missing")] },
      stage: "prepare",
      kinds: ["artifact_missing"],
    },
    {
      name: "a should artifact without a version does not block",
      input: { artifacts: [art("1", "missing", { requirement: "should" })] },
      stage: "ready_to_submit",
      kinds: [],
    },
    {
      name: "open condition of the previous gate",
      input: {
        gate: gate({ number: 6 }),
        project: project({ currentGate: 6 }),
        previousOpenConditions: [{ id: "c", text: "Sign DPA" }],
      },
      stage: "prepare",
      kinds: ["condition_open", "artifact_awaiting"],
    },
    {
      name: "the PM alone on the board (new project)",
      input: { board: [pm], artifacts: [art("1", "missing")] },
      stage: "prepare",
      kinds: ["artifact_missing", "board"],
    },
    {
      name: "changes requested: a new version is needed",
      input: { artifacts: [art("1", "changes_requested")] },
      stage: "ready_to_submit",
      kinds: ["artifact_changes"],
    },
    {
      name: "held gate can be resubmitted",
      input: {
        gate: gate({ status: "hold", round: 2 }),
        project: project({ status: "on_hold" }),
        artifacts: [art("1", "approved")],
      },
      stage: "ready_to_submit",
      kinds: [],
    },
    {
      name: "in review: approvals and votes outstanding",
      input: { gate: gate({ status: "in_review" }) },
      stage: "in_review",
      kinds: ["artifact_awaiting", "vote", "vote"],
    },
    {
      name: "in review: all approved, the PM voted, the owner has not",
      input: {
        gate: gate({ status: "in_review" }),
        artifacts: [art("1", "approved")],
        votes: [{ userId: "pm", vote: "go" }],
      },
      stage: "in_review",
      kinds: ["vote"],
    },
    {
      name: "in review: all approved and the rule met",
      input: {
        gate: gate({ status: "in_review" }),
        artifacts: [art("1", "approved")],
        votes: [
          { userId: "pm", vote: "go" },
          { userId: "owner", vote: "conditional_go" },
        ],
      },
      stage: "ready_to_decide",
      kinds: [],
    },
    { name: "gate decided", input: { gate: gate({ status: "go" }) }, stage: "stopped", kinds: [] },
    { name: "project killed", input: { project: project({ status: "killed" }) }, stage: "stopped", kinds: [] },
    {
      name: "project on hold by another gate's decision",
      input: { project: project({ status: "on_hold" }) },
      stage: "stopped",
      kinds: [],
    },
  ];
  it.each(cases)("$name", ({ input, stage, kinds }) => {
    const step = nextStep({ ...base, ...input });
    expect(step.stage).toBe(stage);
    expect(step.items.map((i) => i.kind)).toEqual(kinds);
  });

  it("names whose review an artifact awaits, by its approval rule", () => {
    const step = nextStep({
      ...base,
      board: [pm, owner, { ...owner, userId: "v", name: "Vera", required: false, roles: ["team_member"] }],
      artifacts: [
        art("1", "submitted", {
          approverRoles: ["client_owner"],
          approvals: [{ reviewerId: "v", roles: ["team_member"] }],
        }),
      ],
    });
    expect(step.items).toEqual([
      {
        kind: "artifact_awaiting",
        artifactId: "1",
        title: "A1",
        requirement: "must",
        awaiting: [{ role: "client_owner", userIds: ["owner"] }],
      },
    ]);
  });

  it("gives the same board diagnosis as the submit refusal", () => {
    const step = nextStep({ ...base, board: [pm], artifacts: [art("1", "submitted", { author: paula })] });
    const board = step.items.find((i) => i.kind === "board");
    expect(board && board.message).toBe(
      "Gate 7's board needs a member besides Paula Martins, who submits it and wrote the submitted versions.",
    );
  });

  it("explains the decision rule while in review", () => {
    expect(nextStep({ ...base, gate: gate({ status: "in_review" }) }).rule).toBe(
      "Unanimous rule: no vote in favour yet.",
    );
  });
});
