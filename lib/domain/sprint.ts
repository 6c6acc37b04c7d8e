// The sprint workflow (DESIGN.md §3): planned → active → in_review → accepted | rejected.
// Pure: the current state and a command in, the next state and audit events (or a refusal) out.
import type { SPRINT_STATUSES } from "@/db/enums";

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

export type SprintEvent = { action: string; before: unknown; after: unknown };

export type SprintRefusal = { ok: false; reason: string; message: string; missing?: MissingItem[] };
export type SprintOutcome =
  { ok: true; status: SprintStatus; events: SprintEvent[]; warnings: string[] } | SprintRefusal;

const refuse = (reason: string, message: string, missing?: MissingItem[]): SprintRefusal => ({
  ok: false,
  reason,
  message,
  ...(missing ? { missing } : {}),
});

/** Share of capacity above which planning warns (refusal starts above 100 %). */
export const CAPACITY_WARNING_RATIO = 0.85;

export type CapacityCheck = { ok: true; warning: string | null } | SprintRefusal;

/** Committing more work than the sprint's capacity is refused; close to it, a warning. */
export function checkCapacity(committedDays: number, capacityDays: number): CapacityCheck {
  if (capacityDays <= 0 && committedDays > 0) {
    return refuse("sprint_no_capacity", "Set the sprint's capacity (person-days) before committing scope items.");
  }
  if (committedDays > capacityDays + 1e-9) {
    return refuse(
      "sprint_over_capacity",
      `The committed scope (${fmt(committedDays)} person-days) exceeds the sprint's capacity (${fmt(capacityDays)} person-days). Remove items or raise the capacity.`,
    );
  }
  const warning =
    capacityDays > 0 && committedDays >= capacityDays * CAPACITY_WARNING_RATIO
      ? `The committed scope uses ${Math.round((committedDays / capacityDays) * 100)} % of the capacity; little room is left for the unexpected.`
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
      if (status !== "planned" && status !== "active") {
        return refuse("sprint_plan_locked", `The plan of a sprint that is ${label(status)} can no longer change.`);
      }
      const capacity = checkCapacity(command.committedDays, command.capacityDays);
      if (!capacity.ok) return capacity;
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
      if (status !== "planned")
        return refuse("sprint_not_planned", `Only a planned sprint can start; this one is ${label(status)}.`);
      if (state.committedItems === 0)
        return refuse("sprint_empty", "Commit at least one scope item before starting the sprint.");
      const capacity = checkCapacity(state.committedDays, state.capacityDays);
      if (!capacity.ok) return capacity;
      return move("active", "sprint.start");
    }
    case "record_deployment": {
      if (status !== "active" && status !== "in_review") {
        return refuse(
          "sprint_not_delivering",
          `Deployments are recorded while a sprint is active or in review; this one is ${label(status)}.`,
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
      if (status !== "active")
        return refuse(
          "sprint_not_active",
          `Only an active sprint can be submitted for review; this one is ${label(status)}.`,
        );
      // Submitting is allowed with gaps (the client can see them); they block the acceptance.
      const blockers = acceptanceBlockers(state);
      const warnings = blockers.length
        ? [`The client owner cannot accept yet: ${blockers.map((b) => b.name).join(", ")} still missing.`]
        : [];
      return move("in_review", "sprint.submit_review", {}, warnings);
    }
    case "accept": {
      if (status !== "in_review")
        return refuse("sprint_not_in_review", `Only a sprint in review can be accepted; this one is ${label(status)}.`);
      const blockers = acceptanceBlockers(state);
      if (blockers.length) {
        return refuse(
          "sprint_acceptance_incomplete",
          `The sprint cannot be accepted yet: ${blockers.map((b) => b.name).join("; ")}.`,
          blockers,
        );
      }
      return move("accepted", "sprint.accept", { comment: command.comment });
    }
    case "reject": {
      if (status !== "in_review")
        return refuse("sprint_not_in_review", `Only a sprint in review can be rejected; this one is ${label(status)}.`);
      if (!command.comment.trim())
        return refuse(
          "sprint_reject_needs_comment",
          "Say why the sprint is rejected, so the team knows what to rework.",
        );
      return move("rejected", "sprint.reject", { comment: command.comment });
    }
    case "reopen": {
      // A rejected increment goes back to work and through review again.
      if (status !== "rejected")
        return refuse("sprint_not_rejected", `Only a rejected sprint can be reopened; this one is ${label(status)}.`);
      return move("active", "sprint.reopen");
    }
  }
}

export function label(status: SprintStatus): string {
  return status === "in_review" ? "in review" : status;
}
