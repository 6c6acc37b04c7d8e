// The artifact workflow of DESIGN.md §3: missing → submitted → approved | changes_requested →
// submitted … Pure: lib/data/artifacts.ts loads the state, calls these, writes the result.
import type { GateStatus } from "@/lib/domain/gate";

export type ArtifactStatus = "missing" | "submitted" | "approved" | "changes_requested";
export type ReviewDecision = "approve" | "request_changes";

export type ArtifactRefusal = {
  code: "forbidden" | "rule_refused";
  reason: "gate_closed" | "project_read_only" | "no_version" | "not_on_board" | "own_version" | "comment_required";
  message: string;
};
export type ArtifactOutcome<T> =
  | { ok: true; next: T; events: { action: string; before?: unknown; after?: unknown }[] }
  | { ok: false; refusal: ArtifactRefusal };

const refuse = (code: ArtifactRefusal["code"], reason: ArtifactRefusal["reason"], message: string): { ok: false; refusal: ArtifactRefusal } => ({
  ok: false,
  refusal: { code, reason, message },
});

/** Artifacts of a gate that was passed or killed are part of the record and stay as they are. */
const CLOSED_GATES: ReadonlySet<GateStatus> = new Set<GateStatus>(["go", "conditional_go", "killed"]);

export type AddVersionCommand = {
  artifact: { title: string; status: ArtifactStatus };
  gateStatus: GateStatus;
  versionNumber: number;
  kind: "file" | "url" | "markdown";
};

/** A new version always makes the artifact `submitted`; an earlier approval is dismissed. */
export function addVersion(cmd: AddVersionCommand): ArtifactOutcome<{ status: "submitted"; dismissesReviews: boolean }> {
  if (CLOSED_GATES.has(cmd.gateStatus)) {
    return refuse("rule_refused", "gate_closed", `The gate of “${cmd.artifact.title}” has been decided; its artifacts can no longer change.`);
  }
  const dismissesReviews = cmd.artifact.status !== "missing";
  return {
    ok: true,
    next: { status: "submitted", dismissesReviews },
    events: [
      {
        action: "artifact.version.add",
        before: { status: cmd.artifact.status },
        after: { status: "submitted", version: cmd.versionNumber, kind: cmd.kind, ...(dismissesReviews ? { dismissedEarlierReviews: true } : {}) },
      },
    ],
  };
}

export type ReviewCommand = {
  artifact: { title: string; status: ArtifactStatus };
  gateStatus: GateStatus;
  projectStatus: "active" | "on_hold" | "killed" | "live" | "closed";
  latestVersion: { number: number; submittedBy: string } | null;
  reviewerId: string;
  reviewerOnBoard: boolean;
  decision: ReviewDecision;
  comment: string;
};

export function review(cmd: ReviewCommand): ArtifactOutcome<{ status: "approved" | "changes_requested" }> {
  if (!cmd.reviewerOnBoard) {
    return refuse("forbidden", "not_on_board", "Only members of this gate's review board review its artifacts.");
  }
  if (cmd.projectStatus !== "active" && cmd.projectStatus !== "on_hold") {
    return refuse("rule_refused", "project_read_only", `The project is ${cmd.projectStatus}; its artifacts can no longer be reviewed.`);
  }
  if (CLOSED_GATES.has(cmd.gateStatus)) {
    return refuse("rule_refused", "gate_closed", `The gate of “${cmd.artifact.title}” has been decided; its artifacts can no longer be reviewed.`);
  }
  if (!cmd.latestVersion || cmd.artifact.status === "missing") {
    return refuse("rule_refused", "no_version", `“${cmd.artifact.title}” has no version to review yet.`);
  }
  if (cmd.latestVersion.submittedBy === cmd.reviewerId) {
    return refuse("forbidden", "own_version", "You submitted this version; another board member must review it.");
  }
  if (cmd.decision === "request_changes" && !cmd.comment.trim()) {
    return refuse("rule_refused", "comment_required", "Say what needs to change: a comment is required when requesting changes.");
  }
  const status = cmd.decision === "approve" ? "approved" : "changes_requested";
  return {
    ok: true,
    next: { status },
    events: [
      {
        action: cmd.decision === "approve" ? "artifact.approve" : "artifact.request_changes",
        before: { status: cmd.artifact.status },
        after: { status, version: cmd.latestVersion.number, comment: cmd.comment },
      },
    ],
  };
}
