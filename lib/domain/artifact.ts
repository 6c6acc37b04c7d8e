// The artifact workflow of DESIGN.md §3: missing → submitted → approved | changes_requested →
// submitted … Pure: lib/data/artifacts.ts loads the state, calls these, writes the result.
import type { ProjectRole } from "@/db/enums";
import type { GateStatus } from "@/lib/domain/gate";
import {
  refuse as refuseWith,
  type DomainEvent,
  type Outcome,
  type Refused,
  type RefusalParams,
} from "@/lib/domain/refusal";

export type ArtifactStatus = "missing" | "submitted" | "approved" | "changes_requested";
export type ReviewDecision = "approve" | "request_changes";

/** The machine codes of the artifact workflow's refusals (problem+json `code`). */
export type ArtifactRefusalCode =
  "gate_closed" | "project_read_only" | "no_version" | "not_on_board" | "own_version" | "comment_required";
export type ArtifactOutcome<T> = Outcome<{ next: T; events: DomainEvent[] }>;

type Words = { params?: RefusalParams; variant?: string };
const refuse = (code: ArtifactRefusalCode, message: string, words: Words = {}): Refused =>
  refuseWith(code, message, words);
/** Who-may refusals (403): not on the board, or reviewing one's own version. */
const forbid = (code: ArtifactRefusalCode, message: string, words: Words = {}): Refused =>
  refuseWith(code, message, { kind: "forbidden", ...words });

/** Artifacts of a gate that was passed or killed are part of the record and stay as they are. */
const CLOSED_GATES: ReadonlySet<GateStatus> = new Set<GateStatus>(["go", "conditional_go", "killed"]);

export type AddVersionCommand = {
  artifact: { title: string; status: ArtifactStatus };
  gateStatus: GateStatus;
  kind: "file" | "url" | "markdown";
};

/** A new version always makes the artifact `submitted`; an earlier approval is dismissed. */
export function addVersion(
  cmd: AddVersionCommand,
): ArtifactOutcome<{ status: "submitted"; dismissesReviews: boolean }> {
  if (CLOSED_GATES.has(cmd.gateStatus)) {
    return refuse(
      "gate_closed",
      `The gate of “${cmd.artifact.title}” has been decided; its artifacts can no longer change.`,
      { variant: "change", params: { title: cmd.artifact.title } },
    );
  }
  const dismissesReviews = cmd.artifact.status !== "missing";
  return {
    ok: true,
    next: { status: "submitted", dismissesReviews },
    events: [
      {
        action: "artifact.version.add",
        before: { status: cmd.artifact.status },
        after: {
          status: "submitted",
          kind: cmd.kind,
          ...(dismissesReviews ? { dismissedEarlierReviews: true } : {}),
        },
      },
    ],
  };
}

// ───────────────────────────── Approval rules ─────────────────────────────
// The policy may say who must approve an artifact type: nobody in particular (`approverRoles`
// empty: one approval by any board member other than the author closes it) or every listed
// project role (a board member holding each role, other than the author, must approve).

/** A current (not dismissed) approval of the latest version, with the reviewer's project roles. */
export type Approval = { reviewerId: string; roles: ProjectRole[] };
/** A board member who could approve, with their project roles (none when seated without a role). */
export type Approver = { userId: string; roles: ProjectRole[] };
/** Who an artifact still waits for: `role` null means "any board member". */
export type AwaitedApproval = { role: ProjectRole | null; userIds: string[] };

/** The approval rule still unmet: the roles (or "anyone", null) no approval covers yet. */
export function unmetApprovals(approverRoles: ProjectRole[], approvals: Approval[]): (ProjectRole | null)[] {
  if (!approverRoles.length) return approvals.length ? [] : [null];
  return approverRoles.filter((role) => !approvals.some((a) => a.roles.includes(role)));
}

/**
 * For each unmet part of the rule, the board members who could still meet it: never the
 * author of the latest version, never someone whose approval is already counted.
 */
export function awaitingApproval(input: {
  approverRoles: ProjectRole[];
  approvals: Approval[];
  board: Approver[];
  authorId: string | null;
}): AwaitedApproval[] {
  const approved = new Set(input.approvals.map((a) => a.reviewerId));
  const candidates = input.board.filter((m) => m.userId !== input.authorId && !approved.has(m.userId));
  return unmetApprovals(input.approverRoles, input.approvals).map((role) => ({
    role,
    userIds: candidates.filter((m) => role === null || m.roles.includes(role)).map((m) => m.userId),
  }));
}

export type ReviewCommand = {
  artifact: { title: string; status: ArtifactStatus; approverRoles?: ProjectRole[] };
  /** Current approvals of the latest version by other reviewers (this reviewer's own are replaced). */
  approvals?: Approval[];
  reviewerRoles?: ProjectRole[];
  gateStatus: GateStatus;
  projectStatus: "active" | "on_hold" | "killed" | "live" | "closed";
  latestVersion: { number: number; submittedBy: string } | null;
  reviewerId: string;
  reviewerOnBoard: boolean;
  decision: ReviewDecision;
  comment: string;
};

export type ReviewNext = { status: "approved" | "changes_requested" | "submitted"; awaiting: (ProjectRole | null)[] };

export function review(cmd: ReviewCommand): ArtifactOutcome<ReviewNext> {
  if (!cmd.reviewerOnBoard) {
    return forbid("not_on_board", "Only members of this gate's review board review its artifacts.", {
      variant: "artifacts",
    });
  }
  if (cmd.projectStatus !== "active" && cmd.projectStatus !== "on_hold") {
    return refuse(
      "project_read_only",
      `The project is ${cmd.projectStatus}; its artifacts can no longer be reviewed.`,
      {
        params: { status: cmd.projectStatus },
      },
    );
  }
  if (CLOSED_GATES.has(cmd.gateStatus)) {
    return refuse(
      "gate_closed",
      `The gate of “${cmd.artifact.title}” has been decided; its artifacts can no longer be reviewed.`,
      { variant: "review", params: { title: cmd.artifact.title } },
    );
  }
  if (!cmd.latestVersion || cmd.artifact.status === "missing") {
    return refuse("no_version", `“${cmd.artifact.title}” has no version to review yet.`, {
      params: { title: cmd.artifact.title },
    });
  }
  if (cmd.latestVersion.submittedBy === cmd.reviewerId) {
    return forbid("own_version", "You submitted this version; another board member must review it.");
  }
  if (cmd.decision === "request_changes" && !cmd.comment.trim()) {
    return refuse("comment_required", "Say what needs to change: a comment is required when requesting changes.");
  }
  // An approval that does not complete the rule is recorded but leaves the status as it was
  // (still submitted, or changes still requested by someone else).
  const approvals = [
    ...(cmd.approvals ?? []).filter((a) => a.reviewerId !== cmd.reviewerId),
    { reviewerId: cmd.reviewerId, roles: cmd.reviewerRoles ?? [] },
  ];
  const awaiting = cmd.decision === "approve" ? unmetApprovals(cmd.artifact.approverRoles ?? [], approvals) : [];
  const status: ReviewNext["status"] =
    cmd.decision === "request_changes" || (awaiting.length && cmd.artifact.status === "changes_requested")
      ? "changes_requested"
      : awaiting.length
        ? "submitted"
        : "approved";
  return {
    ok: true,
    next: { status, awaiting },
    events: [
      {
        action: cmd.decision === "approve" ? "artifact.approve" : "artifact.request_changes",
        before: { status: cmd.artifact.status },
        after: {
          status,
          version: cmd.latestVersion.number,
          comment: cmd.comment,
          ...(awaiting.length ? { awaitingApprovalFrom: awaiting } : {}),
        },
      },
    ],
  };
}
