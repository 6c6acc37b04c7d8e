// The sprint workflow (DESIGN.md §3): planned → active → in_review → accepted | rejected.
// Pure: the current state and a command in, the next state and audit events (or a refusal) out.
import type { SPRINT_STATUSES } from "@/db/enums";
import {
  onField,
  refuse as refuseWith,
  type DomainEvent,
  type Outcome,
  type Refused,
  type RefusalParams,
} from "@/lib/domain/refusal";

export type SprintStatus = (typeof SPRINT_STATUSES)[number];

export type MissingItem = { key: string; name: string; reason: string };

export type SprintState = {
  status: SprintStatus;
  committedDays: number;
  committedItems: number;
  capacityDays: number;
  hasProductionDeployment: boolean;
  /** What the chosen quality standard still lacks (from the quality area); empty when complete. */
  missingEvidence: MissingItem[];
};

export type SprintCommand =
  | { type: "start" }
  | { type: "record_deployment"; environment: "development" | "homologation" | "production" }
  | { type: "submit_review" }
  | { type: "accept"; comment: string }
  | { type: "reject"; comment: string }
  | { type: "reopen" }
  | { type: "change_plan"; committedDays: number; capacityDays: number };

export type SprintOutcome = Outcome<{ status: SprintStatus; events: DomainEvent[]; warnings: string[] }, MissingItem>;

type Words = { params?: RefusalParams; variant?: string; missing?: MissingItem[] };
const refuse = (code: string, message: string, words: Words = {}): Refused<MissingItem> =>
  refuseWith(code, message, words);

/** The statuses each command applies to: decideSprint refuses the others, pages offer only these. */
const APPLIES_TO: Record<SprintCommand["type"], readonly SprintStatus[]> = {
  change_plan: ["planned", "active"],
  start: ["planned"],
  record_deployment: ["active", "in_review"],
  submit_review: ["active"],
  accept: ["in_review"],
  reject: ["in_review"],
  reopen: ["rejected"],
};

/** The commands that apply to a sprint in this status (each may still be refused for its own reason). */
export const sprintCommands = (status: SprintStatus): SprintCommand["type"][] =>
  (Object.keys(APPLIES_TO) as SprintCommand["type"][]).filter((type) => APPLIES_TO[type].includes(status));

const applies = (type: SprintCommand["type"], status: SprintStatus) => APPLIES_TO[type].includes(status);

/** Share of capacity above which planning warns (refusal starts above 100 %). */
export const CAPACITY_WARNING_RATIO = 0.85;

export type CapacityCheck = Outcome<{ warning: string | null }, MissingItem>;

/** Committing more work than the sprint's capacity is refused; close to it, a warning. */
export function checkCapacity(committedDays: number, capacityDays: number): CapacityCheck {
  if (capacityDays <= 0 && committedDays > 0) {
    return refuse("sprint_no_capacity", "Set the sprint's capacity (person-days) before committing scope items.");
  }
  if (committedDays > capacityDays + 1e-9) {
    return refuse(
      "sprint_over_capacity",
      `The committed scope (${fmt(committedDays)} person-days) exceeds the sprint's capacity ` +
        `(${fmt(capacityDays)} person-days). Remove items or raise the capacity.`,
      { params: { committed: Number(fmt(committedDays)), capacity: Number(fmt(capacityDays)) } },
    );
  }
  const warning =
    capacityDays > 0 && committedDays >= capacityDays * CAPACITY_WARNING_RATIO
      ? `The committed scope uses ${Math.round((committedDays / capacityDays) * 100)} % of the capacity; little ` +
        `room is left for the unexpected.`
      : null;
  return { ok: true, warning };
}

const fmt = (days: number) => (Math.round(days * 10) / 10).toString();

/** Everything that blocks closing the review with an acceptance, in one list. */
export function acceptanceBlockers(state: SprintState): MissingItem[] {
  const missing = [...state.missingEvidence];
  if (!state.hasProductionDeployment) {
    missing.push({
      key: "production_deployment",
      name: "Production deployment record",
      reason: "No deployment to production has been recorded for this sprint.",
    });
  }
  return missing;
}

export function decideSprint(state: SprintState, command: SprintCommand): SprintOutcome {
  const status = state.status;
  const move = (
    to: SprintStatus,
    action: string,
    extra: Record<string, unknown> = {},
    warnings: string[] = [],
  ): SprintOutcome => ({
    ok: true,
    status: to,
    events: [{ action, before: { status }, after: { status: to, ...extra } }],
    warnings,
  });

  switch (command.type) {
    case "change_plan": {
      // A plan refusal is shown next to the committed items, the part of the form it is about.
      const onItems = ({ refusal }: Refused<MissingItem>) =>
        refuseWith<MissingItem>(refusal.code, refusal.message, {
          fieldErrors: onField("scopeItemIds", refusal.message),
          variant: refusal.variant,
          params: refusal.params,
        });
      if (!applies("change_plan", status)) {
        return onItems(
          refuse("sprint_plan_locked", `The plan of a sprint that is ${label(status)} can no longer change.`, {
            params: { status },
          }),
        );
      }
      const capacity = checkCapacity(command.committedDays, command.capacityDays);
      if (!capacity.ok) return onItems(capacity);
      return {
        ok: true,
        status,
        events: [
          {
            action: "sprint.plan",
            before: { committedDays: state.committedDays, capacityDays: state.capacityDays },
            after: { committedDays: command.committedDays, capacityDays: command.capacityDays },
          },
        ],
        warnings: capacity.warning ? [capacity.warning] : [],
      };
    }
    case "start": {
      if (!applies("start", status))
        return refuse("sprint_not_planned", `Only a planned sprint can start; this one is ${label(status)}.`, {
          params: { status },
        });
      if (state.committedItems === 0)
        return refuse("sprint_empty", "Commit at least one scope item before starting the sprint.");
      const capacity = checkCapacity(state.committedDays, state.capacityDays);
      if (!capacity.ok) return capacity;
      return move("active", "sprint.start");
    }
    case "record_deployment": {
      if (!applies("record_deployment", status)) {
        return refuse(
          "sprint_not_delivering",
          `Deployments are recorded while a sprint is active or in review; this one is ${label(status)}.`,
          { params: { status } },
        );
      }
      return {
        ok: true,
        status,
        events: [{ action: "sprint.deployment.record", before: null, after: { environment: command.environment } }],
        warnings: [],
      };
    }
    case "submit_review": {
      if (!applies("submit_review", status))
        return refuse(
          "sprint_not_active",
          `Only an active sprint can be submitted for review; this one is ${label(status)}.`,
          { params: { status } },
        );
      // Submitting is allowed with gaps (the client can see them); they block the acceptance.
      const blockers = acceptanceBlockers(state);
      const warnings = blockers.length
        ? [`The client owner cannot accept yet: ${blockers.map((b) => b.name).join(", ")} still missing.`]
        : [];
      return move("in_review", "sprint.submit_review", {}, warnings);
    }
    case "accept": {
      if (!applies("accept", status))
        return refuse(
          "sprint_not_in_review",
          `Only a sprint in review can be accepted; this one is ${label(status)}.`,
          {
            variant: "accept",
            params: { status },
          },
        );
      const blockers = acceptanceBlockers(state);
      if (blockers.length) {
        return refuse(
          "sprint_acceptance_incomplete",
          `The sprint cannot be accepted yet: ${blockers.map((b) => b.name).join("; ")}.`,
          { missing: blockers, params: { items: blockers.map((b) => b.name).join("; ") } },
        );
      }
      return move("accepted", "sprint.accept", { comment: command.comment });
    }
    case "reject": {
      if (!applies("reject", status))
        return refuse(
          "sprint_not_in_review",
          `Only a sprint in review can be rejected; this one is ${label(status)}.`,
          {
            variant: "reject",
            params: { status },
          },
        );
      if (!command.comment.trim())
        return refuse(
          "sprint_reject_needs_comment",
          "Say why the sprint is rejected, so the team knows what to rework.",
        );
      return move("rejected", "sprint.reject", { comment: command.comment });
    }
    case "reopen": {
      // A rejected increment goes back to work and through review again.
      if (!applies("reopen", status))
        return refuse("sprint_not_rejected", `Only a rejected sprint can be reopened; this one is ${label(status)}.`, {
          params: { status },
        });
      return move("active", "sprint.reopen");
    }
  }
}

export function label(status: SprintStatus): string {
  return status === "in_review" ? "in review" : status;
}
