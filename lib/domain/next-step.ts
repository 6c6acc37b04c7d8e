// The "Next step" of a project's current gate: what is missing before it can be submitted, or
// before the board can decide it. Pure: it only combines the gate and artifact rules (the same
// functions that refuse submission and decisions), so the panel can never disagree with them.
import { awaitingApproval, type AwaitedApproval } from "@/lib/domain/artifact";
import {
  diagnoseBoard,
  evaluateRule,
  isDecided,
  missingForSubmission,
  type ArtifactState,
  type BoardGap,
  type BoardMember,
  type CastVote,
  type GateState,
  type OpenCondition,
  type ProjectState,
} from "@/lib/domain/gate";

export type NextStepItem =
  | { kind: "artifact_missing"; artifactId: string; title: string }
  | { kind: "condition_open"; conditionId: string; text: string; gateNumber: number }
  | { kind: "board"; gaps: BoardGap[]; message: string }
  /** A version waits for review; `awaiting` says whose (by the approval rule). */
  | {
      kind: "artifact_awaiting";
      artifactId: string;
      title: string;
      requirement: "must" | "should";
      awaiting: AwaitedApproval[];
    }
  | { kind: "artifact_changes"; artifactId: string; title: string; requirement: "must" | "should" }
  | { kind: "vote"; userId: string; name: string; required: boolean };

export type NextStep = {
  /**
   * - prepare: submission would be refused (the items say why);
   * - ready_to_submit: the PM can submit (items left are reviews that may still happen in review);
   * - in_review: the board is reviewing and voting (items: approvals and votes outstanding);
   * - ready_to_decide: every must artifact approved and the decision rule met;
   * - stopped: the project is not running (killed, closed, live) or the gate is decided.
   */
  stage: "prepare" | "ready_to_submit" | "in_review" | "ready_to_decide" | "stopped";
  items: NextStepItem[];
  /** The decision rule's current verdict while in review, in words. */
  rule: string | null;
};

export type NextStepInput = {
  gate: GateState;
  project: ProjectState;
  artifacts: ArtifactState[];
  previousOpenConditions: OpenCondition[];
  board: BoardMember[];
  votes: CastVote[];
  /** Who would submit (the PM looking at the panel); null when it is someone else's view. */
  submitter: { id: string; name: string } | null;
};

export function nextStep(input: NextStepInput): NextStep {
  const { gate, project, board } = input;
  const running = project.status === "active" || (project.status === "on_hold" && gate.status === "hold");
  if (!running || isDecided(gate.status) || gate.number !== project.currentGate)
    return { stage: "stopped", items: [], rule: null };
  const approvers = board.filter((m) => m.active).map((m) => ({ userId: m.userId, roles: m.roles }));
  const reviews: NextStepItem[] = input.artifacts.flatMap((a): NextStepItem[] => {
    if (a.status === "changes_requested")
      return [{ kind: "artifact_changes", artifactId: a.id, title: a.title, requirement: a.requirement }];
    if (a.status !== "submitted") return [];
    const awaiting = awaitingApproval({
      approverRoles: a.approverRoles ?? [],
      approvals: a.approvals ?? [],
      board: approvers,
      authorId: a.author?.id ?? null,
    });
    return [{ kind: "artifact_awaiting", artifactId: a.id, title: a.title, requirement: a.requirement, awaiting }];
  });

  if (gate.status !== "in_review") {
    const blocking: NextStepItem[] = missingForSubmission(input).flatMap((m): NextStepItem[] =>
      m.kind === "artifact"
        ? [{ kind: "artifact_missing", artifactId: m.id, title: m.title }]
        : m.kind === "condition"
          ? [{ kind: "condition_open", conditionId: m.id, text: m.text, gateNumber: gate.number + 1 }]
          : [],
    );
    const diagnosis = diagnoseBoard({ gate, board, submitter: input.submitter, artifacts: input.artifacts });
    if (!diagnosis.canDecide) blocking.push({ kind: "board", gaps: diagnosis.gaps, message: diagnosis.message });
    return { stage: blocking.length ? "prepare" : "ready_to_submit", items: [...blocking, ...reviews], rule: null };
  }

  const verdict = evaluateRule(gate.decisionRule, gate.quorum, board, input.votes);
  const voted = new Set(input.votes.map((v) => v.userId));
  const votes: NextStepItem[] = board
    .filter((m) => !voted.has(m.userId))
    .sort((a, b) => Number(b.required) - Number(a.required))
    .map((m) => ({ kind: "vote", userId: m.userId, name: m.name, required: m.required }));
  const ready = verdict.met && input.artifacts.every((a) => a.requirement !== "must" || a.status === "approved");
  const mustFirst = (item: NextStepItem) => ("requirement" in item && item.requirement === "must" ? 0 : 1);
  return {
    stage: ready ? "ready_to_decide" : "in_review",
    items: [...reviews.sort((a, b) => mustFirst(a) - mustFirst(b)), ...votes],
    rule: verdict.explanation,
  };
}
