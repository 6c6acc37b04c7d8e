// The gate workflow of DESIGN.md §3, as pure functions: current state + command → next state
// and audit events, or a typed refusal. lib/data/gates.ts loads the state, calls these, writes.
//
// Status semantics we chose (documented here because DESIGN.md leaves room):
// - `recycle` closes the review round and puts the gate back to `pending` with round + 1;
//   artifacts and their approvals stay. A stored status `recycled` (older data) is treated
//   exactly like `pending`: submittable.
// - `hold` closes the round too (round + 1), marks the gate `hold` and puts the project
//   `on_hold`. Resubmitting the held gate resumes the project (`active`) and opens review.
// - `kill` marks the gate `killed` and the project `killed` (terminal).
// - `go` / `conditional_go` pass the gate; the next lower gate becomes current, and after
//   gate 1 the project is `closed`.
// - Who records the decision: a member of that gate's review board (the PM only when seated
//   on the board). The decision is the board's act, not the PM's.
import type { VOTES } from "@/db/schema";

export type Vote = (typeof VOTES)[number];
export type GateStatus = "pending" | "in_review" | "go" | "conditional_go" | "hold" | "recycled" | "killed";
export type ProjectStatus = "active" | "on_hold" | "killed" | "live" | "closed";
export type DecisionRule = "unanimous" | "quorum" | "majority";

export type GateState = {
  number: number;
  status: GateStatus;
  round: number;
  decisionRule: DecisionRule;
  quorum: number | null;
};
export type ProjectState = { status: ProjectStatus; currentGate: number };
export type ArtifactState = {
  id: string;
  title: string;
  requirement: "must" | "should";
  status: "missing" | "submitted" | "approved" | "changes_requested";
};
export type BoardSeat = { userId: string; required: boolean };
export type CastVote = { userId: string; vote: Vote };
export type OpenCondition = { id: string; text: string };
export type ConditionInput = { text: string; ownerId: string; dueDate: string };

export type Missing =
  | { kind: "artifact"; id: string; title: string }
  | { kind: "condition"; id: string; text: string }
  | { kind: "vote"; userId: string };

export type RefusalReason =
  | "project_not_active"
  | "not_current_gate"
  | "gate_not_submittable"
  | "gate_missing_requirements"
  | "gate_not_in_review"
  | "not_on_board"
  | "artifacts_not_approved"
  | "decision_rule_not_met"
  | "conditions_required"
  | "conditions_only_for_conditional_go"
  | "board_locked"
  | "condition_already_met";

export type Refusal = {
  /** forbidden → 403, rule_refused → 409. */
  code: "forbidden" | "rule_refused";
  reason: RefusalReason;
  message: string;
  missing?: Missing[];
};

export type DomainEvent = { action: string; before?: unknown; after?: unknown };
export type Outcome<T> = { ok: true; next: T; events: DomainEvent[] } | { ok: false; refusal: Refusal };

const refuse = (code: Refusal["code"], reason: RefusalReason, message: string, missing?: Missing[]): { ok: false; refusal: Refusal } => ({
  ok: false,
  refusal: { code, reason, message, ...(missing ? { missing } : {}) },
});

export const IN_FAVOUR: ReadonlySet<Vote> = new Set<Vote>(["go", "conditional_go"]);
const SUBMITTABLE: ReadonlySet<GateStatus> = new Set<GateStatus>(["pending", "recycled", "hold"]);
const DECIDED: ReadonlySet<GateStatus> = new Set<GateStatus>(["go", "conditional_go", "killed"]);

export const isDecided = (status: GateStatus) => DECIDED.has(status);

/** Shared precondition: the project still runs and this is its current gate. */
function checkCurrent(gate: GateState, project: ProjectState, allowHeld: boolean): { ok: false; refusal: Refusal } | null {
  const heldHere = allowHeld && project.status === "on_hold" && gate.status === "hold";
  if (project.status !== "active" && !heldHere) {
    return refuse("rule_refused", "project_not_active", `The project is ${project.status.replace("_", " ")}; its gates cannot move.`);
  }
  if (gate.number !== project.currentGate) {
    return refuse(
      "rule_refused",
      "not_current_gate",
      `Gates pass strictly in order, highest first: gate ${project.currentGate} is current, not gate ${gate.number}.`,
    );
  }
  return null;
}

// ───────────────────────────── Submit ─────────────────────────────

export type SubmitCommand = {
  gate: GateState;
  project: ProjectState;
  artifacts: ArtifactState[];
  /** Open conditions of the previous (higher-numbered) gate. */
  previousOpenConditions: OpenCondition[];
};
export type SubmitNext = { gateStatus: "in_review"; round: number; projectStatus: ProjectStatus };

export function submit(cmd: SubmitCommand): Outcome<SubmitNext> {
  const { gate, project } = cmd;
  const current = checkCurrent(gate, project, true);
  if (current) return current;
  if (!SUBMITTABLE.has(gate.status)) {
    return refuse(
      "rule_refused",
      "gate_not_submittable",
      gate.status === "in_review" ? `Gate ${gate.number} is already in review.` : `Gate ${gate.number} has been decided (${gate.status}).`,
    );
  }
  const missing: Missing[] = [
    ...cmd.artifacts
      .filter((a) => a.requirement === "must" && a.status === "missing")
      .map((a): Missing => ({ kind: "artifact", id: a.id, title: a.title })),
    ...cmd.previousOpenConditions.map((c): Missing => ({ kind: "condition", id: c.id, text: c.text })),
  ];
  if (missing.length) {
    const parts: string[] = [];
    const titles = missing.flatMap((m) => (m.kind === "artifact" ? [m.title] : []));
    const conditions = missing.flatMap((m) => (m.kind === "condition" ? [m.text] : []));
    if (titles.length) parts.push(`required artifacts without a submitted version: ${titles.join("; ")}`);
    if (conditions.length) parts.push(`open conditions of gate ${gate.number + 1}: ${conditions.join("; ")}`);
    return refuse("rule_refused", "gate_missing_requirements", `Gate ${gate.number} cannot be submitted yet — ${parts.join(" — ")}.`, missing);
  }
  const resumes = gate.status === "hold";
  return {
    ok: true,
    next: { gateStatus: "in_review", round: gate.round, projectStatus: resumes ? "active" : project.status },
    events: [
      {
        action: "gate.submit",
        before: { status: gate.status, projectStatus: project.status },
        after: { number: gate.number, status: "in_review", round: gate.round, ...(resumes ? { projectStatus: "active" } : {}) },
      },
    ],
  };
}

// ───────────────────────────── Vote ─────────────────────────────

export type VoteCommand = {
  gate: GateState;
  project: ProjectState;
  board: BoardSeat[];
  voterId: string;
  previousVote: { vote: Vote; rationale: string } | null;
  vote: Vote;
  rationale: string;
};

export function castVote(cmd: VoteCommand): Outcome<{ round: number; vote: Vote; changed: boolean }> {
  if (!cmd.board.some((s) => s.userId === cmd.voterId)) {
    return refuse("forbidden", "not_on_board", `Only members of gate ${cmd.gate.number}'s review board can vote.`);
  }
  if (cmd.gate.status !== "in_review") {
    return refuse("rule_refused", "gate_not_in_review", `Gate ${cmd.gate.number} is not in review; votes are closed.`);
  }
  const current = checkCurrent(cmd.gate, cmd.project, false);
  if (current) return current;
  const changed = cmd.previousVote !== null;
  return {
    ok: true,
    next: { round: cmd.gate.round, vote: cmd.vote, changed },
    events: [
      {
        action: changed ? "gate.vote.change" : "gate.vote",
        before: cmd.previousVote,
        after: { number: cmd.gate.number, round: cmd.gate.round, vote: cmd.vote, rationale: cmd.rationale },
      },
    ],
  };
}

// ───────────────────────────── Decision rule ─────────────────────────────

export type RuleVerdict = { met: boolean; explanation: string; missing: Missing[] };

/** Whether the votes of this round meet the gate's decision rule for passing (go / conditional go). */
export function evaluateRule(rule: DecisionRule, quorum: number | null, board: BoardSeat[], votes: CastVote[]): RuleVerdict {
  const onBoard = new Set(board.map((s) => s.userId));
  const counted = votes.filter((v) => onBoard.has(v.userId));
  const inFavour = new Set(counted.filter((v) => IN_FAVOUR.has(v.vote)).map((v) => v.userId));
  const requiredMissing: Missing[] = board.filter((s) => s.required && !inFavour.has(s.userId)).map((s) => ({ kind: "vote", userId: s.userId }));
  if (rule === "unanimous") {
    const against = counted.filter((v) => !IN_FAVOUR.has(v.vote));
    const met = requiredMissing.length === 0 && against.length === 0 && inFavour.size > 0;
    return {
      met,
      explanation: met
        ? "Unanimous: every required member and every vote cast is in favour."
        : against.length
          ? `Unanimous rule: ${against.length} vote(s) are not in favour.`
          : inFavour.size === 0
            ? "Unanimous rule: no vote in favour yet."
            : `Unanimous rule: ${requiredMissing.length} required member(s) have not voted go or conditional go.`,
      missing: requiredMissing,
    };
  }
  if (rule === "quorum") {
    const needed = Math.max(1, quorum ?? 1);
    const met = inFavour.size >= needed && requiredMissing.length === 0;
    return {
      met,
      explanation: met
        ? `Quorum met: ${inFavour.size} of ${needed} needed in favour, every required member among them.`
        : `Quorum rule: ${inFavour.size} of ${needed} needed in favour${requiredMissing.length ? `, ${requiredMissing.length} required member(s) not in favour` : ""}.`,
      missing: requiredMissing,
    };
  }
  const needed = Math.floor(board.length / 2) + 1;
  const met = board.length > 0 && inFavour.size >= needed;
  return {
    met,
    explanation: met
      ? `Majority met: ${inFavour.size} of ${board.length} board members in favour.`
      : `Majority rule: ${inFavour.size} of ${board.length} board members in favour, ${needed} needed.`,
    missing: [],
  };
}

// ───────────────────────────── Decide ─────────────────────────────

export type DecideCommand = {
  gate: GateState;
  project: ProjectState;
  board: BoardSeat[];
  votes: CastVote[];
  artifacts: ArtifactState[];
  deciderId: string;
  decision: Vote;
  rationale: string;
  conditions: ConditionInput[];
};

export type DecideNext = {
  gateStatus: GateStatus;
  /** The gate's round after the decision (a new round after recycle and hold). */
  round: number;
  decidedRound: number;
  projectStatus: ProjectStatus;
  currentGate: number;
  conditions: ConditionInput[];
};

export function decide(cmd: DecideCommand): Outcome<DecideNext> {
  const { gate, project, decision } = cmd;
  if (!cmd.board.some((s) => s.userId === cmd.deciderId)) {
    return refuse("forbidden", "not_on_board", `Only a member of gate ${gate.number}'s review board records its decision.`);
  }
  if (gate.status !== "in_review") {
    return refuse("rule_refused", "gate_not_in_review", `Gate ${gate.number} is not in review; submit it before deciding.`);
  }
  const current = checkCurrent(gate, project, false);
  if (current) return current;
  const passes = decision === "go" || decision === "conditional_go";
  if (decision === "conditional_go" && cmd.conditions.length === 0) {
    return refuse("rule_refused", "conditions_required", "A conditional go needs at least one condition with an owner and a due date.");
  }
  if (decision !== "conditional_go" && cmd.conditions.length > 0) {
    return refuse("rule_refused", "conditions_only_for_conditional_go", "Conditions belong to a conditional go; choose conditional go or remove them.");
  }
  if (passes) {
    const unapproved = cmd.artifacts
      .filter((a) => a.requirement === "must" && a.status !== "approved")
      .map((a): Missing => ({ kind: "artifact", id: a.id, title: a.title }));
    if (unapproved.length) {
      return refuse(
        "rule_refused",
        "artifacts_not_approved",
        `A go needs every required artifact approved; not yet approved: ${unapproved.map((m) => (m.kind === "artifact" ? m.title : "")).join("; ")}.`,
        unapproved,
      );
    }
    const verdict = evaluateRule(gate.decisionRule, gate.quorum, cmd.board, cmd.votes);
    if (!verdict.met) return refuse("rule_refused", "decision_rule_not_met", verdict.explanation, verdict.missing);
  }
  const closesProject = passes && gate.number === 1;
  const next: DecideNext = {
    decidedRound: gate.round,
    conditions: cmd.conditions,
    ...(passes
      ? { gateStatus: decision, round: gate.round, projectStatus: closesProject ? "closed" : project.status, currentGate: closesProject ? 1 : gate.number - 1 }
      : decision === "recycle"
        ? { gateStatus: "pending", round: gate.round + 1, projectStatus: project.status, currentGate: gate.number }
        : decision === "hold"
          ? { gateStatus: "hold", round: gate.round + 1, projectStatus: "on_hold", currentGate: gate.number }
          : { gateStatus: "killed", round: gate.round, projectStatus: "killed", currentGate: gate.number }),
  };
  const events: DomainEvent[] = [
    {
      action: "gate.decide",
      before: { status: gate.status, round: gate.round },
      after: { number: gate.number, decision, rationale: cmd.rationale, round: gate.round, status: next.gateStatus, conditions: cmd.conditions },
    },
  ];
  if (next.projectStatus !== project.status || next.currentGate !== project.currentGate) {
    events.push({
      action: "project.gate_advance",
      before: { status: project.status, currentGate: project.currentGate },
      after: { status: next.projectStatus, currentGate: next.currentGate },
    });
  }
  return { ok: true, next, events };
}

// ───────────────────────────── Board and conditions ─────────────────────────────

/** The board may change until the gate is decided, but not while votes are being cast. */
export function changeBoard(gate: GateState): Outcome<null> {
  if (gate.status === "in_review") {
    return refuse("rule_refused", "board_locked", `Gate ${gate.number} is in review; its board is fixed until the decision.`);
  }
  if (isDecided(gate.status)) {
    return refuse("rule_refused", "board_locked", `Gate ${gate.number} has been decided; its board is part of the record.`);
  }
  return { ok: true, next: null, events: [] };
}

export function meetCondition(condition: { status: "open" | "met"; text: string }): Outcome<{ status: "met" }> {
  if (condition.status === "met") return refuse("rule_refused", "condition_already_met", "This condition is already met.");
  return { ok: true, next: { status: "met" }, events: [{ action: "gate.condition.meet", before: { status: "open" }, after: { status: "met", text: condition.text } }] };
}
