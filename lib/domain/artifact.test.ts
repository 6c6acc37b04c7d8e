import { describe, expect, it } from "vitest";
import { refusalError } from "@/lib/errors";
import {
  addVersion,
  awaitingApproval,
  review,
  unmetApprovals,
  type AddVersionCommand,
  type Approval,
  type ReviewCommand,
} from "./artifact";
import type { GateStatus } from "./gate";

describe("addVersion", () => {
  const base: AddVersionCommand = {
    artifact: { title: "SOW", status: "missing" },
    gateStatus: "pending",
    kind: "file",
  };
  const cases: { name: string; cmd: Partial<AddVersionCommand>; dismisses?: boolean; reason?: string }[] = [
    { name: "first version: missing → submitted", cmd: {}, dismisses: false },
    {
      name: "after approval: back to submitted, approval dismissed",
      cmd: { artifact: { title: "SOW", status: "approved" } },
      dismisses: true,
    },
    {
      name: "after changes requested: submitted again",
      cmd: { artifact: { title: "SOW", status: "changes_requested" } },
      dismisses: true,
    },
    { name: "while the gate is in review", cmd: { gateStatus: "in_review" }, dismisses: false },
    { name: "gate recycled", cmd: { gateStatus: "recycled" }, dismisses: false },
    ...(["go", "conditional_go", "killed"] as GateStatus[]).map((gateStatus) => ({
      name: `gate ${gateStatus}`,
      cmd: { gateStatus },
      reason: "gate_closed",
    })),
  ];
  it.each(cases)("$name", ({ cmd, dismisses, reason }) => {
    const outcome = addVersion({ ...base, ...cmd });
    if (reason) {
      expect(outcome.ok ? "applied" : outcome.refusal.code).toBe(reason);
    } else {
      expect(outcome.ok).toBe(true);
      if (outcome.ok) {
        expect(outcome.next).toEqual({ status: "submitted", dismissesReviews: dismisses });
        expect(outcome.events[0].action).toBe("artifact.version.add");
      }
    }
  });
});

describe("review", () => {
  const base: ReviewCommand = {
    artifact: { title: "SOW", status: "submitted" },
    gateStatus: "in_review",
    projectStatus: "active",
    latestVersion: { number: 2, submittedBy: "engineer" },
    reviewerId: "board",
    reviewerOnBoard: true,
    decision: "approve",
    comment: "",
  };
  const cases: { name: string; cmd: Partial<ReviewCommand>; status?: string; reason?: string; code?: string }[] = [
    { name: "board member approves", cmd: {}, status: "approved" },
    {
      name: "board member requests changes with a comment",
      cmd: { decision: "request_changes", comment: "Add dates" },
      status: "changes_requested",
    },
    {
      name: "a second reviewer on an approved artifact",
      cmd: { artifact: { title: "SOW", status: "approved" } },
      status: "approved",
    },
    { name: "review while the gate is pending", cmd: { gateStatus: "pending" }, status: "approved" },
    { name: "not on the board", cmd: { reviewerOnBoard: false }, reason: "not_on_board", code: "forbidden" },
    {
      name: "submitter approves own version",
      cmd: { reviewerId: "engineer" },
      reason: "own_version",
      code: "forbidden",
    },
    {
      name: "submitter requests changes on own version",
      cmd: { reviewerId: "engineer", decision: "request_changes", comment: "x" },
      reason: "own_version",
      code: "forbidden",
    },
    {
      name: "nothing to review",
      cmd: { latestVersion: null, artifact: { title: "SOW", status: "missing" } },
      reason: "no_version",
      code: "rule_refused",
    },
    {
      name: "request changes without a comment",
      cmd: { decision: "request_changes", comment: "  " },
      reason: "comment_required",
      code: "rule_refused",
    },
    { name: "gate decided", cmd: { gateStatus: "go" }, reason: "gate_closed", code: "rule_refused" },
    { name: "project on hold still reviews", cmd: { projectStatus: "on_hold" }, status: "approved" },
    {
      name: "project killed",
      cmd: { projectStatus: "killed", gateStatus: "pending" },
      reason: "project_read_only",
      code: "rule_refused",
    },
    { name: "project closed", cmd: { projectStatus: "closed" }, reason: "project_read_only", code: "rule_refused" },
  ];
  it.each(cases)("$name", ({ cmd, status, reason, code }) => {
    const outcome = review({ ...base, ...cmd });
    if (reason) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect([outcome.refusal.code, refusalError(outcome.refusal).code]).toEqual([reason, code]);
    } else {
      expect(outcome.ok && outcome.next.status).toBe(status);
    }
  });
});

describe("review with approval rules", () => {
  const base: ReviewCommand = {
    artifact: { title: "MVP scope", status: "submitted", approverRoles: ["client_owner"] },
    approvals: [],
    reviewerRoles: ["team_member"],
    gateStatus: "in_review",
    projectStatus: "active",
    latestVersion: { number: 1, submittedBy: "pm" },
    reviewerId: "vendor",
    reviewerOnBoard: true,
    decision: "approve",
    comment: "",
  };
  const owner: Approval = { reviewerId: "owner", roles: ["client_owner"] };
  const vendor: Approval = { reviewerId: "vendor", roles: ["team_member"] };
  const cases: { name: string; cmd: Partial<ReviewCommand>; status: string; awaiting: (string | null)[] }[] = [
    {
      name: "no rule: any board member's approval closes it",
      cmd: { artifact: { title: "SOW", status: "submitted", approverRoles: [] } },
      status: "approved",
      awaiting: [],
    },
    {
      name: "rule absent (older data) behaves like no rule",
      cmd: { artifact: { title: "SOW", status: "submitted" } },
      status: "approved",
      awaiting: [],
    },
    {
      name: "a vendor's approval is recorded but the owner is still awaited",
      cmd: {},
      status: "submitted",
      awaiting: ["client_owner"],
    },
    {
      name: "the owner's approval closes it",
      cmd: { reviewerId: "owner", reviewerRoles: ["client_owner"] },
      status: "approved",
      awaiting: [],
    },
    {
      name: "the owner after the vendor",
      cmd: { reviewerId: "owner", reviewerRoles: ["client_owner"], approvals: [vendor] },
      status: "approved",
      awaiting: [],
    },
    { name: "the vendor after the owner", cmd: { approvals: [owner] }, status: "approved", awaiting: [] },
    {
      name: "two roles: the owner alone is not enough",
      cmd: {
        artifact: { title: "MVP scope", status: "submitted", approverRoles: ["client_owner", "project_manager"] },
        reviewerId: "owner",
        reviewerRoles: ["client_owner"],
      },
      status: "submitted",
      awaiting: ["project_manager"],
    },
    {
      name: "one member holding both roles meets both",
      cmd: {
        artifact: { title: "MVP scope", status: "submitted", approverRoles: ["client_owner", "guardian"] },
        reviewerId: "owner",
        reviewerRoles: ["client_owner", "guardian"],
      },
      status: "approved",
      awaiting: [],
    },
    {
      name: "a partial approval leaves someone's request for changes standing",
      cmd: { artifact: { title: "MVP scope", status: "changes_requested", approverRoles: ["client_owner"] } },
      status: "changes_requested",
      awaiting: ["client_owner"],
    },
    {
      name: "changes requested by anyone",
      cmd: { decision: "request_changes", comment: "Dates?", approvals: [owner] },
      status: "changes_requested",
      awaiting: [],
    },
    {
      name: "the reviewer's own earlier approval is replaced, not counted twice",
      cmd: { reviewerId: "owner", reviewerRoles: ["guardian"], approvals: [owner] },
      status: "submitted",
      awaiting: ["client_owner"],
    },
  ];
  it.each(cases)("$name", ({ cmd, status, awaiting }) => {
    const outcome = review({ ...base, ...cmd });
    expect(outcome.ok && outcome.next).toEqual({ status, awaiting });
  });

  it("refuses the author even when they hold the awaited role", () => {
    const outcome = review({ ...base, reviewerId: "pm", reviewerRoles: ["client_owner"] });
    expect(!outcome.ok && outcome.refusal.code).toBe("own_version");
  });
});

describe("who an artifact still waits for", () => {
  const board = [
    { userId: "pm", roles: ["project_manager" as const] },
    { userId: "owner", roles: ["client_owner" as const] },
    { userId: "board", roles: [] },
  ];
  const cases: {
    name: string;
    input: Partial<Parameters<typeof awaitingApproval>[0]>;
    expected: ReturnType<typeof awaitingApproval>;
  }[] = [
    {
      name: "no rule, no approval: anyone but the author",
      input: {},
      expected: [{ role: null, userIds: ["owner", "board"] }],
    },
    { name: "no rule, one approval: nobody", input: { approvals: [{ reviewerId: "board", roles: [] }] }, expected: [] },
    {
      name: "owner rule: only the owner",
      input: { approverRoles: ["client_owner"] },
      expected: [{ role: "client_owner", userIds: ["owner"] }],
    },
    {
      name: "owner rule, owner wrote it: nobody can",
      input: { approverRoles: ["client_owner"], authorId: "owner" },
      expected: [{ role: "client_owner", userIds: [] }],
    },
    {
      name: "owner rule, vendor approved: still the owner",
      input: { approverRoles: ["client_owner"], approvals: [{ reviewerId: "board", roles: [] }] },
      expected: [{ role: "client_owner", userIds: ["owner"] }],
    },
    {
      name: "role nobody on the board holds",
      input: { approverRoles: ["guardian"] },
      expected: [{ role: "guardian", userIds: [] }],
    },
    { name: "empty board", input: { board: [] }, expected: [{ role: null, userIds: [] }] },
  ];
  it.each(cases)("$name", ({ input, expected }) => {
    expect(awaitingApproval({ approverRoles: [], approvals: [], board, authorId: "pm", ...input })).toEqual(expected);
  });

  it("unmet parts of the rule", () => {
    expect(unmetApprovals([], [])).toEqual([null]);
    expect(unmetApprovals(["client_owner", "guardian"], [{ reviewerId: "x", roles: ["guardian"] }])).toEqual([
      "client_owner",
    ]);
  });
});
