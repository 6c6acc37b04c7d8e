// The contract of the gate workflow: the gates and their boards, submission, votes, the decision
// and its conditions (DESIGN.md §4.1).
import { z } from "zod";
import {
  ARTIFACT_STATUSES,
  CONDITION_STATUSES,
  DECISION_RULES,
  GATE_STATUSES,
  PROJECT_ROLES,
  PROJECT_STATUSES,
  REQUIREMENTS,
  REVIEW_DECISIONS,
  VOTES,
} from "@/db/enums";
import { expectedVersion, optionalText } from "@/lib/validation/common";
import { boardSeatSchema, decisionSchema, gateNumber, plannedDateSchema, voteSchema } from "@/lib/validation/gates";
import { ArtifactVersion } from "./artifacts";
import { actionInput, operation } from "./operation";
import { calendarDate, id, instant, pageOf, pageQuery, projectPath, version } from "./shared";

export const gatePath = projectPath.extend({
  number: gateNumber.meta({ description: "The gate's number (gates run from the highest down to 1)." }),
});
const boardSeatPath = gatePath.extend({ userId: id("user") });
const conditionPath = projectPath.extend({ conditionId: id("condition") });

const vote = z.enum(VOTES);
const side = z.enum(["vendor", "client"]);

const BoardMember = z
  .object({ userId: z.uuid(), email: z.string(), name: z.string(), required: z.boolean(), side })
  .meta({ id: "BoardMember" });

const Condition = z
  .object({
    id: z.uuid(),
    text: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string(),
    dueDate: calendarDate,
    status: z.enum(CONDITION_STATUSES),
    closedAt: instant.nullable(),
  })
  .meta({ id: "GateCondition" });

/** What a decision still lacks, in the domain's terms (lib/domain/gate.ts `Missing`). */
const Missing = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("artifact"), id: z.uuid(), title: z.string() }),
    z.object({ kind: z.literal("condition"), id: z.uuid(), text: z.string() }),
    z.object({ kind: z.literal("vote"), userId: z.uuid() }),
    z.object({
      kind: z.literal("board"),
      problem: z.enum([
        "empty_board",
        "only_submitter",
        "too_few_voters",
        "required_inactive",
        "no_reviewer",
        "no_approver",
      ]),
      userId: z.uuid().optional(),
      name: z.string().optional(),
      needed: z.number().int().optional(),
      available: z.number().int().optional(),
      artifactId: z.uuid().optional(),
      title: z.string().optional(),
      authorId: z.uuid().optional(),
      authorName: z.string().optional(),
      role: z.enum(PROJECT_ROLES).optional(),
    }),
  ])
  .meta({ id: "GateMissing" });

const artifactFields = {
  id: z.uuid(),
  type: z.string(),
  title: z.string(),
  requirement: z.enum(REQUIREMENTS),
  status: z.enum(ARTIFACT_STATUSES),
  ownerId: z.uuid().nullable(),
  version,
  latestVersion: ArtifactVersion.nullable(),
  approverRoles: z.array(z.enum(PROJECT_ROLES)).meta({
    description:
      "Project roles whose board members must each approve (empty: any one board member other than the author).",
  }),
  awaitingApprovalFrom: z.array(z.object({ role: z.enum(PROJECT_ROLES).nullable(), userIds: z.array(z.uuid()) })).meta({
    description:
      "While submitted: each part of the approval rule still unmet, with the board members who can meet it " +
      "(`role` null = any board member). An empty `userIds` means nobody on the board can.",
  }),
};

const voteFields = { userId: z.uuid(), vote, rationale: z.string(), castAt: instant, updatedAt: instant };

const gateFields = {
  id: z.uuid(),
  number: z.number().int().min(1).max(12),
  name: z.string(),
  objectives: z.string(),
  status: z.enum(GATE_STATUSES),
  current: z.boolean().meta({ description: "Whether this is the project's current gate." }),
  decisionRule: z.enum(DECISION_RULES),
  quorum: z.number().int().nullable(),
  round: z.number().int().meta({ description: "Review round; recycle and hold open a new one." }),
  plannedDate: calendarDate.nullable(),
  submittedAt: instant.nullable(),
  decidedAt: instant.nullable(),
  decision: vote.nullable(),
  decisionRationale: z.string().nullable(),
  decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  version,
  board: z.array(BoardMember),
  rule: z
    .object({ met: z.boolean(), explanation: z.string(), missing: z.array(Missing) })
    .nullable()
    .meta({ description: "While in review: whether the votes of this round meet the decision rule, and why." }),
  conditions: z.array(Condition),
};

/** A gate as the project's gate list shows it. */
export const GateSummary = z
  .object({
    ...gateFields,
    artifacts: z.array(z.object(artifactFields)),
    votes: z.array(z.object(voteFields)).meta({ description: "Votes of the current review round." }),
  })
  .meta({ id: "GateSummary" });

/** One gate in full: every artifact's versions and reviews, and the decided review rounds. */
export const Gate = z
  .object({
    ...gateFields,
    artifacts: z.array(
      z.object({
        ...artifactFields,
        ownerName: z.string().nullable(),
        versions: z.array(ArtifactVersion.extend({ markdown: z.string().nullable(), submittedByName: z.string() })),
        reviews: z.array(
          z.object({
            id: z.uuid(),
            versionId: z.uuid(),
            reviewerId: z.uuid(),
            reviewerName: z.string(),
            decision: z.enum(REVIEW_DECISIONS),
            comment: z.string(),
            at: instant,
            dismissed: z.boolean().meta({ description: "A newer version made this review stale." }),
          }),
        ),
      }),
    ),
    votes: z
      .array(z.object({ ...voteFields, name: z.string() }))
      .meta({ description: "Votes of the current review round." }),
    rounds: z
      .array(
        z.object({
          round: z.number().int(),
          decision: z
            .object({ decision: vote, rationale: z.string(), decidedBy: z.string(), decidedAt: instant })
            .nullable(),
          votes: z.array(
            z.object({ userId: z.uuid(), name: z.string(), vote, rationale: z.string(), updatedAt: instant }),
          ),
        }),
      )
      .meta({ description: "Earlier review rounds (and the current one once decided), newest first." }),
  })
  .meta({ id: "Gate" });

const GateBoard = z
  .object({
    number: z.number().int(),
    status: z.enum(GATE_STATUSES),
    editable: z.boolean().meta({ description: "Whether the board can still change (not once submitted)." }),
    board: z.array(BoardMember),
  })
  .meta({ id: "GateBoard" });

export const VoteInput = voteSchema.meta({ id: "VoteInput" });

export const DecisionInput = decisionSchema
  .extend({
    conditions: decisionSchema.shape.conditions.meta({
      description: "Required (at least one) for conditional_go; refused with any other decision.",
    }),
    expectedVersion: expectedVersion.meta({
      description: "The gate version the decision is based on; 409 if it changed (e.g. a vote arrived).",
    }),
  })
  .meta({ id: "DecisionInput" });

const GatePlanInput = plannedDateSchema
  .extend({ expectedVersion })
  .meta({ id: "GatePlanInput", description: "`plannedDate` (YYYY-MM-DD, or null or empty to clear)." });

const refusal409 =
  "409: refused by a workflow rule (code e.g. gate_missing_requirements with `missing`, board_cannot_decide with " +
  "the board's gaps in `missing`, artifacts_not_approved, decision_rule_not_met) or a stale version.";

export const listGatesOp = operation({
  id: "listGates",
  method: "get",
  path: "/api/v1/projects/{projectId}/gates",
  tag: "Gates",
  summary:
    "The project's gates (N → 1, from its policy version): status, board, artifacts, votes of the current " +
    "round, decision, conditions",
  params: projectPath,
  query: pageQuery(12),
  success: {
    status: 200,
    description: "A page of the project's gates, highest first",
    schema: pageOf(GateSummary).extend({
      projectId: z.uuid(),
      currentGate: z.number().int(),
      projectStatus: z.enum(PROJECT_STATUSES),
    }),
  },
  errors: [422],
});

export const getGateOp = operation({
  id: "getGate",
  method: "get",
  path: "/api/v1/projects/{projectId}/gates/{number}",
  tag: "Gates",
  summary: "One gate with its review-round history",
  params: gatePath,
  success: { status: 200, description: "The gate", schema: Gate },
});

export const planGateOp = operation({
  id: "planGate",
  method: "patch",
  path: "/api/v1/projects/{projectId}/gates/{number}",
  tag: "Gates",
  summary: "Plan the gate's date (PM), optionally against `expectedVersion`",
  params: gatePath,
  body: GatePlanInput,
  success: { status: 200, description: "The gate as planned", schema: Gate },
  errors: [403, 409],
});

export const submitGateOp = operation({
  id: "submitGate",
  method: "post",
  path: "/api/v1/projects/{projectId}/gates/{number}/submit",
  tag: "Gates",
  summary: "Submit the current gate for review (project manager)",
  description:
    "409 `gate_missing_requirements` while a must artifact has no version or the previous gate has open " +
    "conditions; 409 `board_cannot_decide` when the seated board could never pass the gate (empty board, a " +
    "decision rule its members cannot meet, nobody but the submitter to vote, or a must artifact nobody but its " +
    "author — or nobody holding a role its approval rule names — could approve). The board is locked once " +
    "submitted, so this is checked first.",
  params: gatePath,
  body: z.object({ expectedVersion }).meta({ id: "GateSubmission" }),
  success: { status: 200, description: "The gate, now in review", schema: Gate },
  errors: [403, 409],
});

export const castVoteOp = operation({
  id: "castVote",
  method: "post",
  path: "/api/v1/projects/{projectId}/gates/{number}/votes",
  tag: "Gates",
  summary: "Cast or change your vote (board members of this gate only; one per review round)",
  description: refusal409,
  params: gatePath,
  body: VoteInput,
  success: {
    status: 200,
    description: "Your vote of the current round",
    schema: z.object({ number: z.number().int(), round: z.number().int(), ...voteFields }).meta({ id: "Vote" }),
  },
  errors: [403, 409],
});

export const decideGateOp = operation({
  id: "decideGate",
  method: "post",
  path: "/api/v1/projects/{projectId}/gates/{number}/decision",
  tag: "Gates",
  summary: "Record the gate decision (a board member of this gate)",
  description: refusal409,
  params: gatePath,
  body: DecisionInput,
  success: { status: 200, description: "The decided gate", schema: Gate },
  errors: [403, 409],
});

export const getGateBoardOp = operation({
  id: "getGateBoard",
  method: "get",
  path: "/api/v1/projects/{projectId}/gates/{number}/board",
  tag: "Gates",
  summary: "The gate's board, and whether it can still change",
  params: gatePath,
  success: { status: 200, description: "The board", schema: GateBoard },
});

export const seatBoardMemberOp = operation({
  id: "seatBoardMember",
  method: "post",
  path: "/api/v1/projects/{projectId}/gates/{number}/board",
  tag: "Gates",
  summary: "Seat a user on the board, or change whether they are required (PM)",
  params: gatePath,
  body: boardSeatSchema.meta({ id: "BoardSeatInput" }),
  success: { status: 200, description: "The board as changed", schema: GateBoard },
  errors: [403, 409],
});

export const removeBoardSeatOp = operation({
  id: "removeBoardSeat",
  method: "delete",
  path: "/api/v1/projects/{projectId}/gates/{number}/board/{userId}",
  tag: "Gates",
  summary: "Remove a member from the board (PM)",
  params: boardSeatPath,
  success: { status: 204, description: "Removed" },
  errors: [403, 409, 422],
});

export const meetConditionOp = operation({
  id: "meetCondition",
  method: "post",
  path: "/api/v1/projects/{projectId}/conditions/{conditionId}/meet",
  tag: "Gates",
  summary: "Close a decision's condition as met (its owner or the PM); the note is kept in the audit trail",
  params: conditionPath,
  body: z.object({ note: optionalText(500) }).meta({ id: "ConditionMetInput" }),
  success: {
    status: 200,
    description: "The condition, now met",
    schema: Condition.omit({ ownerName: true }).extend({ note: z.string() }).meta({ id: "MetCondition" }),
  },
  errors: [403, 409],
});

/** What the gate page's actions take: the path's ids and the body, validated by the operations' schemas. */
export const submitGateInput = actionInput(submitGateOp);
export const castVoteInput = actionInput(castVoteOp);
export const decideGateInput = actionInput(decideGateOp);
export const planGateInput = actionInput(planGateOp);
export const seatBoardMemberInput = actionInput(seatBoardMemberOp);
export const removeBoardSeatInput = actionInput(removeBoardSeatOp);
export const meetConditionInput = actionInput(meetConditionOp);

export const gateOperations = [
  listGatesOp,
  getGateOp,
  planGateOp,
  submitGateOp,
  castVoteOp,
  decideGateOp,
  getGateBoardOp,
  seatBoardMemberOp,
  removeBoardSeatOp,
  meetConditionOp,
];
