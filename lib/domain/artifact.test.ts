import { describe, expect, it } from "vitest";
import { addVersion, review, type AddVersionCommand, type ReviewCommand } from "./artifact";
import type { GateStatus } from "./gate";

describe("addVersion", () => {
  const base: AddVersionCommand = { artifact: { title: "SOW", status: "missing" }, gateStatus: "pending", versionNumber: 1, kind: "file" };
  const cases: { name: string; cmd: Partial<AddVersionCommand>; dismisses?: boolean; reason?: string }[] = [
    { name: "first version: missing → submitted", cmd: {}, dismisses: false },
    { name: "after approval: back to submitted, approval dismissed", cmd: { artifact: { title: "SOW", status: "approved" } }, dismisses: true },
    { name: "after changes requested: submitted again", cmd: { artifact: { title: "SOW", status: "changes_requested" } }, dismisses: true },
    { name: "while the gate is in review", cmd: { gateStatus: "in_review" }, dismisses: false },
    { name: "gate recycled", cmd: { gateStatus: "recycled" }, dismisses: false },
    ...(["go", "conditional_go", "killed"] as GateStatus[]).map((gateStatus) => ({ name: `gate ${gateStatus}`, cmd: { gateStatus }, reason: "gate_closed" })),
  ];
  it.each(cases)("$name", ({ cmd, dismisses, reason }) => {
    const outcome = addVersion({ ...base, ...cmd });
    if (reason) {
      expect(outcome.ok ? "applied" : outcome.refusal.reason).toBe(reason);
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
    { name: "board member requests changes with a comment", cmd: { decision: "request_changes", comment: "Add dates" }, status: "changes_requested" },
    { name: "a second reviewer on an approved artifact", cmd: { artifact: { title: "SOW", status: "approved" } }, status: "approved" },
    { name: "review while the gate is pending", cmd: { gateStatus: "pending" }, status: "approved" },
    { name: "not on the board", cmd: { reviewerOnBoard: false }, reason: "not_on_board", code: "forbidden" },
    { name: "submitter approves own version", cmd: { reviewerId: "engineer" }, reason: "own_version", code: "forbidden" },
    { name: "submitter requests changes on own version", cmd: { reviewerId: "engineer", decision: "request_changes", comment: "x" }, reason: "own_version", code: "forbidden" },
    { name: "nothing to review", cmd: { latestVersion: null, artifact: { title: "SOW", status: "missing" } }, reason: "no_version", code: "rule_refused" },
    { name: "request changes without a comment", cmd: { decision: "request_changes", comment: "  " }, reason: "comment_required", code: "rule_refused" },
    { name: "gate decided", cmd: { gateStatus: "go" }, reason: "gate_closed", code: "rule_refused" },
    { name: "project on hold still reviews", cmd: { projectStatus: "on_hold" }, status: "approved" },
    { name: "project killed", cmd: { projectStatus: "killed", gateStatus: "pending" }, reason: "project_read_only", code: "rule_refused" },
    { name: "project closed", cmd: { projectStatus: "closed" }, reason: "project_read_only", code: "rule_refused" },
  ];
  it.each(cases)("$name", ({ cmd, status, reason, code }) => {
    const outcome = review({ ...base, ...cmd });
    if (reason) {
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expect([outcome.refusal.reason, outcome.refusal.code]).toEqual([reason, code]);
    } else {
      expect(outcome.ok && outcome.next.status).toBe(status);
    }
  });
});
