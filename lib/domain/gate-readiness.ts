// What the gate page may offer before anyone confirms anything: whether a submit or a decision
// would be accepted right now, asked of the gate workflow itself (submit / decide) with the
// state the page already loaded — so a refusal shows before the confirmation, in the same
// words the server would answer with, naming the people it waits for. No rule lives here.
import {
  decide,
  submit,
  type ArtifactState,
  type BoardSeat,
  type CastVote,
  type GateState,
  type ProjectState,
  type SubmitCommand,
  type Vote,
} from "@/lib/domain/gate";
import type { Outcome } from "@/lib/domain/refusal";

/** The workflow's answer, without what would follow: a refusal of kind `forbidden` is never, others not yet. */
export type Check = Outcome;

/** The one way the gate list and the gate page count artifacts: required (`must`) ones approved. */
export function requiredArtifactProgress(artifacts: { requirement: "must" | "should"; status: string }[]) {
  const required = artifacts.filter((a) => a.requirement === "must");
  const approved = required.filter((a) => a.status === "approved").length;
  return {
    approved,
    required: required.length,
    total: artifacts.length,
    label: required.length ? `${approved} of ${required.length} required approved` : "None required",
  };
}

/** "Ann", "Ann and you", "Ann, Bob and you": "you" always last. */
export function namesInWords(names: string[], youName?: string): string {
  const withYou = youName && names.includes(youName) ? [...names.filter((n) => n !== youName), "you"] : names;
  if (withYou.length <= 1) return withYou.join("");
  return `${withYou.slice(0, -1).join(", ")} and ${withYou.at(-1)}`;
}

export function submitReadiness(input: SubmitCommand): Check {
  const outcome = submit(input);
  return outcome.ok ? { ok: true } : { ok: false, refusal: outcome.refusal };
}

export type DecisionReadinessInput = {
  gate: GateState;
  project: ProjectState;
  board: (BoardSeat & { name: string })[];
  votes: CastVote[];
  artifacts: ArtifactState[];
  deciderId: string;
};

const DECISIONS: Vote[] = ["go", "conditional_go", "hold", "recycle", "kill"];

/**
 * Each decision as the workflow would judge it now. A conditional go is judged with a stand-in
 * condition: the form itself insists on real ones, and that must not hide the other refusals.
 */
export function decisionReadiness(input: DecisionReadinessInput): Record<Vote, Check> {
  const checks = {} as Record<Vote, Check>;
  for (const decision of DECISIONS) {
    const outcome = decide({
      gate: input.gate,
      project: input.project,
      board: input.board,
      votes: input.votes,
      artifacts: input.artifacts,
      deciderId: input.deciderId,
      decision,
      rationale: "",
      conditions: decision === "conditional_go" ? [{ text: "—", ownerId: input.deciderId, dueDate: "2000-01-01" }] : [],
    });
    checks[decision] = outcome.ok
      ? { ok: true }
      : {
          ok: false,
          refusal: { ...outcome.refusal, message: withPeople(outcome.refusal.code, outcome.refusal.message, input) },
        };
  }
  return checks;
}

/** Whether this person records decisions on the gate at all (a board member), as the workflow judges it. */
export const mayRecordDecision = (checks: Record<Vote, Check>): boolean =>
  Object.values(checks).some((c) => c.ok || c.refusal.kind !== "forbidden");

/** A decision-rule refusal says whose votes it waits for and who voted against. */
function withPeople(code: string, message: string, input: DecisionReadinessInput): string {
  if (code !== "decision_rule_not_met") return message;
  const voted = new Map(input.votes.map((v) => [v.userId, v.vote]));
  const you = input.board.find((s) => s.userId === input.deciderId)?.name;
  // First the required members who have not voted; when they all have (or none is required), a
  // quorum or majority still waits for the votes of anyone else, and a unanimous rule with no
  // required member waits for a first vote in favour.
  const notVoted = input.board.filter((s) => !voted.has(s.userId));
  // A majority counts heads only; its "required" marks change nothing.
  const requiredNotVoted = input.gate.decisionRule === "majority" ? [] : notVoted.filter((s) => s.required);
  const anyoneHelps = input.gate.decisionRule !== "unanimous" || !input.board.some((s) => s.required);
  const waitingOn = requiredNotVoted.length ? requiredNotVoted : anyoneHelps ? notVoted : [];
  const against = input.board.filter((s) => {
    const vote = voted.get(s.userId);
    return vote !== undefined && vote !== "go" && vote !== "conditional_go";
  });
  const parts = [message];
  if (waitingOn.length)
    parts.push(
      `Waiting for the votes of ${namesInWords(
        waitingOn.map((s) => s.name),
        you,
      )}.`,
    );
  for (const s of against)
    parts.push(`${s.userId === input.deciderId ? "You" : s.name} voted ${voted.get(s.userId)!.replace("_", " ")}.`);
  return parts.join(" ");
}
