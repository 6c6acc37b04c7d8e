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
import type { ProjectRole, VOTES } from "@/db/enums";
import { awaitingApproval, type Approval } from "@/lib/domain/artifact";
import {
  refuse as refuseWith,
  type DomainEvent,
  type Outcome,
  type Refused,
  type RefusalParams,
} from "@/lib/domain/refusal";

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
  /** Who wrote the latest version (null while there is none). */
  author?: { id: string; name: string } | null;
  /** The policy's approval rule for this artifact (empty: any board member). */
  approverRoles?: ProjectRole[];
  /** Current approvals of the latest version. */
  approvals?: Approval[];
};
export type BoardSeat = { userId: string; required: boolean };
export type CastVote = { userId: string; vote: Vote };
export type OpenCondition = { id: string; text: string };
export type ConditionInput = { text: string; ownerId: string; dueDate: string };

export type Missing =
  | { kind: "artifact"; id: string; title: string }
  | { kind: "condition"; id: string; text: string }
  | { kind: "vote"; userId: string }
  | ({ kind: "board" } & BoardGap);

/** The machine codes of the gate workflow's refusals (problem+json `code`). */
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
  | "board_cannot_decide"
  | "condition_already_met";

/** Accepted: the next state and its audit events; refused: why, with what it waits for. */
export type GateOutcome<T> = Outcome<{ next: T; events: DomainEvent[] }, Missing>;

type Words = { params?: RefusalParams; variant?: string; missing?: Missing[] };
const refuse = (reason: RefusalReason, message: string, words: Words = {}): Refused<Missing> =>
  refuseWith(reason, message, words);
/** Who-may refusals (403): the person is not on the board, whatever the gate's state. */
const forbid = (reason: RefusalReason, message: string, words: Words = {}): Refused<Missing> =>
  refuseWith(reason, message, { kind: "forbidden", ...words });

export const IN_FAVOUR: ReadonlySet<Vote> = new Set<Vote>(["go", "conditional_go"]);
const SUBMITTABLE: ReadonlySet<GateStatus> = new Set<GateStatus>(["pending", "recycled", "hold"]);
const DECIDED: ReadonlySet<GateStatus> = new Set<GateStatus>(["go", "conditional_go", "killed"]);

export const isDecided = (status: GateStatus) => DECIDED.has(status);

/**
 * Whether a gate is the kind `submit` takes: the project's current gate, pending (or recycled) or
 * held. What it still lacks (artifacts, conditions, a board able to decide) `submit` says.
 */
export const submittableGate = (
  gate: Pick<GateState, "number" | "status">,
  project: Pick<ProjectState, "currentGate">,
) => gate.number === project.currentGate && SUBMITTABLE.has(gate.status);

/** Shared precondition: the project still runs and this is its current gate. */
function checkCurrent(gate: GateState, project: ProjectState, allowHeld: boolean): Refused<Missing> | null {
  const heldHere = allowHeld && project.status === "on_hold" && gate.status === "hold";
  if (project.status !== "active" && !heldHere) {
    return refuse("project_not_active", `The project is ${project.status.replace("_", " ")}; its gates cannot move.`, {
      variant: "gates",
      params: { status: project.status },
    });
  }
  if (gate.number !== project.currentGate) {
    return refuse(
      "not_current_gate",
      `Gates pass strictly in order, highest first: gate ${project.currentGate} is current, not gate ${gate.number}.`,
      { params: { current: project.currentGate, gate: gate.number } },
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
  /** The board as seated, with names, project roles and whether each account can still sign in. */
  board: BoardMember[];
  /** Who submits (the PM): a gate is never decided by its submitter alone. */
  submitter: { id: string; name: string };
};
export type SubmitNext = { gateStatus: "in_review"; round: number; projectStatus: ProjectStatus };

/** What submission waits for besides the board: must artifacts without a version, open conditions. */
export function missingForSubmission(cmd: Pick<SubmitCommand, "artifacts" | "previousOpenConditions">): Missing[] {
  return [
    ...cmd.artifacts
      .filter((a) => a.requirement === "must" && a.status === "missing")
      .map((a): Missing => ({ kind: "artifact", id: a.id, title: a.title })),
    ...cmd.previousOpenConditions.map((c): Missing => ({ kind: "condition", id: c.id, text: c.text })),
  ];
}

export function submit(cmd: SubmitCommand): GateOutcome<SubmitNext> {
  const { gate, project } = cmd;
  const current = checkCurrent(gate, project, true);
  if (current) return current;
  if (!SUBMITTABLE.has(gate.status)) {
    return refuse(
      "gate_not_submittable",
      gate.status === "in_review"
        ? `Gate ${gate.number} is already in review.`
        : `Gate ${gate.number} has been decided (${gate.status}).`,
      {
        variant: gate.status === "in_review" ? "inReview" : "decided",
        params: { gate: gate.number, status: gate.status },
      },
    );
  }
  const missing = missingForSubmission(cmd);
  if (missing.length) {
    const parts: string[] = [];
    const titles = missing.flatMap((m) => (m.kind === "artifact" ? [m.title] : []));
    const conditions = missing.flatMap((m) => (m.kind === "condition" ? [m.text] : []));
    if (titles.length) parts.push(`required artifacts without a submitted version: ${titles.join("; ")}`);
    if (conditions.length) parts.push(`open conditions of gate ${gate.number + 1}: ${conditions.join("; ")}`);
    const sentence = `Gate ${gate.number} cannot be submitted yet — ${parts.join(" — ")}.`;
    return refuse("gate_missing_requirements", sentence, {
      missing,
      params: {
        gate: gate.number,
        previous: gate.number + 1,
        waits: titles.length && conditions.length ? "both" : titles.length ? "artifacts" : "conditions",
        artifacts: titles.join("; "),
        conditions: conditions.join("; "),
      },
    });
  }
  // Submitting locks the board: refuse now rather than open a review nobody can conclude.
  const diagnosis = diagnoseBoard({ gate, board: cmd.board, submitter: cmd.submitter, artifacts: cmd.artifacts });
  if (!diagnosis.canDecide) {
    // English explains each gap in its own words (diagnoseBoard); other languages say what to do.
    return refuse("board_cannot_decide", diagnosis.message, {
      missing: diagnosis.gaps.map((g): Missing => ({ kind: "board", ...g })),
      params: { details: diagnosis.message, gate: gate.number },
    });
  }
  const resumes = gate.status === "hold";
  return {
    ok: true,
    next: { gateStatus: "in_review", round: gate.round, projectStatus: resumes ? "active" : project.status },
    events: [
      {
        action: "gate.submit",
        before: { status: gate.status, projectStatus: project.status },
        after: {
          number: gate.number,
          status: "in_review",
          round: gate.round,
          ...(resumes ? { projectStatus: "active" } : {}),
        },
      },
    ],
  };
}

// ───────────────────────────── Can the board decide? ─────────────────────────────

export type BoardMember = BoardSeat & { name: string; roles: ProjectRole[]; active: boolean };
export type BoardGap =
  | { problem: "empty_board" }
  /** Nobody but the submitter could vote: the PM would decide her own gate alone. */
  | { problem: "only_submitter"; userId: string; name: string }
  /** The rule needs more votes in favour than there are members able to vote. */
  | { problem: "too_few_voters"; needed: number; available: number }
  | { problem: "required_inactive"; userId: string; name: string }
  /** A must artifact nobody on the board may approve (its author is the only member left). */
  | { problem: "no_reviewer"; artifactId: string; title: string; authorId: string; authorName: string }
  /** A must artifact whose approval rule names a role no eligible board member holds. */
  | { problem: "no_approver"; artifactId: string; title: string; role: ProjectRole; authorName: string };
export type BoardDiagnosis =
  { canDecide: true; gaps: []; message: null } | { canDecide: false; gaps: BoardGap[]; message: string };

const roleName = (role: ProjectRole) => role.replace("_", " ");
const listed = (items: string[]) =>
  items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/** Votes in favour the rule needs at the least, whatever the board does. */
function votesNeeded(rule: DecisionRule, quorum: number | null, seats: number) {
  if (rule === "quorum") return Math.max(1, quorum ?? 1);
  if (rule === "majority") return Math.floor(seats / 2) + 1;
  return 1;
}

/**
 * Whether the seated board can ever pass the gate: its decision rule can be met by members who
 * can still sign in, not by the submitter alone, and every `must` artifact with a version has a
 * board member other than its author — holding each role its approval rule names — to approve it.
 * Submission is refused otherwise, and the project overview shows the same gaps before that.
 */
export function diagnoseBoard(input: {
  gate: Pick<GateState, "number" | "decisionRule" | "quorum">;
  board: BoardMember[];
  submitter: { id: string; name: string } | null;
  artifacts: ArtifactState[];
}): BoardDiagnosis {
  const { gate, board, submitter } = input;
  const label = `Gate ${gate.number}'s board`;
  if (!board.length) {
    return {
      canDecide: false,
      gaps: [{ problem: "empty_board" }],
      message: `${label} is empty: seat the members who review its artifacts and vote on it.`,
    };
  }
  const gaps: BoardGap[] = [];
  const active = board.filter((m) => m.active);
  for (const m of board)
    if (m.required && !m.active) gaps.push({ problem: "required_inactive", userId: m.userId, name: m.name });
  const needed = votesNeeded(gate.decisionRule, gate.quorum, board.length);
  if (active.length < needed) gaps.push({ problem: "too_few_voters", needed, available: active.length });
  const submitterSeat = submitter ? active.find((m) => m.userId === submitter.id) : undefined;
  if (submitterSeat && active.length === 1)
    gaps.push({ problem: "only_submitter", userId: submitterSeat.userId, name: submitterSeat.name });
  const approvers = active.map((m) => ({ userId: m.userId, roles: m.roles }));
  for (const a of input.artifacts) {
    if (a.requirement !== "must" || !a.author || (a.status !== "submitted" && a.status !== "changes_requested"))
      continue;
    for (const wait of awaitingApproval({
      approverRoles: a.approverRoles ?? [],
      approvals: a.approvals ?? [],
      board: approvers,
      authorId: a.author.id,
    })) {
      if (wait.userIds.length) continue;
      gaps.push(
        wait.role === null
          ? {
              problem: "no_reviewer",
              artifactId: a.id,
              title: a.title,
              authorId: a.author.id,
              authorName: a.author.name,
            }
          : { problem: "no_approver", artifactId: a.id, title: a.title, role: wait.role, authorName: a.author.name },
      );
    }
  }
  if (!gaps.length) return { canDecide: true, gaps: [], message: null };
  return { canDecide: false, gaps, message: explainGaps(label, gaps) };
}

/** One sentence per kind of gap, in a person's words (people named, artifacts quoted). */
function explainGaps(label: string, gaps: BoardGap[]): string {
  const sentences: string[] = [];
  // "Needs a member besides X" gathers why X cannot count: submitting the gate, writing versions.
  const besides = new Map<string, { name: string; why: string[] }>();
  const because = (id: string, name: string, why: string) => {
    const entry = besides.get(id) ?? { name, why: [] };
    if (!entry.why.includes(why)) entry.why.push(why);
    besides.set(id, entry);
  };
  for (const g of gaps) {
    if (g.problem === "only_submitter") because(g.userId, g.name, "submits it");
    if (g.problem === "no_reviewer") because(g.authorId, g.authorName, "wrote the submitted versions");
  }
  for (const { name, why } of besides.values())
    sentences.push(`${label} needs a member besides ${name}, who ${listed(why)}`);
  const inactive = gaps.flatMap((g) => (g.problem === "required_inactive" ? [g.name] : []));
  if (inactive.length)
    sentences.push(
      `${listed(inactive)} ${inactive.length > 1 ? "are required members" : "is a required member"} ` +
        "but can no longer sign in",
    );
  for (const g of gaps) {
    if (g.problem === "too_few_voters")
      sentences.push(
        `its decision rule needs ${g.needed} vote${g.needed > 1 ? "s" : ""} in favour but only ${g.available} ` +
          `member${g.available === 1 ? "" : "s"} can vote`,
      );
    if (g.problem === "no_approver") {
      sentences.push(
        `“${g.title}” needs the approval of a ${roleName(g.role)} on the ` +
          `board${g.authorName ? ` other than ${g.authorName}, who wrote it` : ""}`,
      );
    }
  }
  const [first, ...rest] = sentences;
  const opening = first.startsWith(label) ? first : `${label} cannot decide: ${first}`;
  return `${[opening, ...rest].join("; ")}.`;
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

export function castVote(cmd: VoteCommand): GateOutcome<{ round: number; vote: Vote; changed: boolean }> {
  if (!cmd.board.some((s) => s.userId === cmd.voterId)) {
    return forbid("not_on_board", `Only members of gate ${cmd.gate.number}'s review board can vote.`, {
      params: { gate: cmd.gate.number },
    });
  }
  if (cmd.gate.status !== "in_review") {
    return refuse("gate_not_in_review", `Gate ${cmd.gate.number} is not in review; votes are closed.`, {
      variant: "vote",
      params: { gate: cmd.gate.number },
    });
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
export function evaluateRule(
  rule: DecisionRule,
  quorum: number | null,
  board: BoardSeat[],
  votes: CastVote[],
): RuleVerdict {
  const onBoard = new Set(board.map((s) => s.userId));
  const counted = votes.filter((v) => onBoard.has(v.userId));
  const inFavour = new Set(counted.filter((v) => IN_FAVOUR.has(v.vote)).map((v) => v.userId));
  const requiredMissing: Missing[] = board
    .filter((s) => s.required && !inFavour.has(s.userId))
    .map((s) => ({ kind: "vote", userId: s.userId }));
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
        : `Quorum rule: ${inFavour.size} of ${needed} needed in ` +
          `favour${requiredMissing.length ? `, ${requiredMissing.length} required member(s) not in favour` : ""}.`,
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

/** The decision rule in a person's words, as the gate page states it. */
export function describeDecisionRule(gate: Pick<GateState, "decisionRule" | "quorum">): string {
  if (gate.decisionRule === "quorum")
    return `Quorum: at least ${gate.quorum} members in favour, every required member among them.`;
  if (gate.decisionRule === "majority") return "Majority: more than half of the board votes go or conditional go.";
  return "Unanimous: every required member votes go or conditional go, and no vote against.";
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

export function decide(cmd: DecideCommand): GateOutcome<DecideNext> {
  const { gate, project, decision } = cmd;
  if (!cmd.board.some((s) => s.userId === cmd.deciderId)) {
    return forbid("not_on_board", `Only a member of gate ${gate.number}'s review board records its decision.`, {
      variant: "decide",
      params: { gate: gate.number },
    });
  }
  if (gate.status !== "in_review") {
    return refuse("gate_not_in_review", `Gate ${gate.number} is not in review; submit it before deciding.`, {
      variant: "decide",
      params: { gate: gate.number },
    });
  }
  const current = checkCurrent(gate, project, false);
  if (current) return current;
  const passes = decision === "go" || decision === "conditional_go";
  if (decision === "conditional_go" && cmd.conditions.length === 0) {
    return refuse("conditions_required", "A conditional go needs at least one condition with an owner and a due date.");
  }
  if (decision !== "conditional_go" && cmd.conditions.length > 0) {
    return refuse(
      "conditions_only_for_conditional_go",
      "Conditions belong to a conditional go; choose conditional go or remove them.",
    );
  }
  if (passes) {
    const unapproved = cmd.artifacts
      .filter((a) => a.requirement === "must" && a.status !== "approved")
      .map((a): Missing => ({ kind: "artifact", id: a.id, title: a.title }));
    if (unapproved.length) {
      return refuse(
        "artifacts_not_approved",
        `A go needs every required artifact approved; not yet ` +
          `approved: ${unapproved.map((m) => (m.kind === "artifact" ? m.title : "")).join("; ")}.`,
        {
          missing: unapproved,
          params: { artifacts: unapproved.map((m) => (m.kind === "artifact" ? m.title : "")).join("; ") },
        },
      );
    }
    const verdict = evaluateRule(gate.decisionRule, gate.quorum, cmd.board, cmd.votes);
    // English states the count in its own words (evaluateRule); other languages name the rule.
    if (!verdict.met)
      return refuse("decision_rule_not_met", verdict.explanation, {
        missing: verdict.missing,
        params: { details: verdict.explanation, rule: gate.decisionRule, gate: gate.number },
      });
  }
  const closesProject = passes && gate.number === 1;
  const next: DecideNext = {
    decidedRound: gate.round,
    conditions: cmd.conditions,
    ...(passes
      ? {
          gateStatus: decision,
          round: gate.round,
          projectStatus: closesProject ? "closed" : project.status,
          currentGate: closesProject ? 1 : gate.number - 1,
        }
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
      after: {
        number: gate.number,
        decision,
        rationale: cmd.rationale,
        round: gate.round,
        status: next.gateStatus,
        conditions: cmd.conditions,
      },
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
export function changeBoard(gate: Pick<GateState, "number" | "status">): GateOutcome<null> {
  if (gate.status === "in_review") {
    return refuse("board_locked", `Gate ${gate.number} is in review; its board is fixed until the decision.`, {
      variant: "inReview",
      params: { gate: gate.number },
    });
  }
  if (isDecided(gate.status)) {
    return refuse("board_locked", `Gate ${gate.number} has been decided; its board is part of the record.`, {
      variant: "decided",
      params: { gate: gate.number },
    });
  }
  return { ok: true, next: null, events: [] };
}

/** Whether the board may be changed now (the rule of `changeBoard`): before the review or after a recycle or hold. */
export const boardChangeable = (gate: Pick<GateState, "number" | "status">) => changeBoard(gate).ok;

export function meetCondition(condition: { status: "open" | "met"; text: string }): GateOutcome<{ status: "met" }> {
  if (condition.status === "met") return refuse("condition_already_met", "This condition is already met.");
  return {
    ok: true,
    next: { status: "met" },
    events: [
      { action: "gate.condition.meet", before: { status: "open" }, after: { status: "met", text: condition.text } },
    ],
  };
}
