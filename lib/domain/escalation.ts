// Escalation rules (DESIGN.md §3 "Guardian": only certified guardians raise escalations).
// Pure: who may raise one, and the triage state machine
//   open → triaged → in_progress → resolved → closed
// with two pragmatic edges: a triaged item may be resolved directly (a quick answer), and a
// resolved item may go back to in_progress when the fix does not hold. closed is final.
import type { ESCALATION_SEVERITIES, ESCALATION_STATUSES } from "@/db/enums";
import { describeMissing, type GuardianStatus, type MissingModule } from "@/lib/domain/guardian";
import { refuse, type Outcome } from "@/lib/domain/refusal";

export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export type EscalationSeverity = (typeof ESCALATION_SEVERITIES)[number];

const TRANSITIONS: Record<EscalationStatus, readonly EscalationStatus[]> = {
  open: ["triaged"],
  triaged: ["in_progress", "resolved"],
  in_progress: ["resolved"],
  resolved: ["closed", "in_progress"],
  closed: [],
};

export const nextEscalationStatuses = (status: EscalationStatus): readonly EscalationStatus[] => TRANSITIONS[status];

/** Still needs the vendor's attention: counts against go-live when blocking. */
export const isEscalationOpen = (status: EscalationStatus) => status !== "resolved" && status !== "closed";

/** What we know about the would-be raiser on this project. */
export type Raiser = {
  /** Holds the guardian project role (permission escalation.raise). */
  hasGuardianRole: boolean;
  /** Their guardian record on this project, if nominated. */
  guardianStatus: GuardianStatus | null;
  /** Required modules not yet passed (only meaningful while not certified). */
  missing: MissingModule[];
};

const PREFIX = "Only certified guardians can raise escalations";

export function mayRaiseEscalation(raiser: Raiser): Outcome {
  if (!raiser.hasGuardianRole || raiser.guardianStatus === null) {
    return refuse(
      "not_guardian",
      `${PREFIX}: you are not a guardian of this project. Ask your project manager or client owner to nominate you.`,
      { variant: "escalation" },
    );
  }
  switch (raiser.guardianStatus) {
    case "certified":
      return { ok: true };
    case "withdrawn":
      return refuse("guardian_withdrawn", `${PREFIX}: your guardian nomination on this project was withdrawn.`, {
        variant: "escalation",
      });
    default: {
      const what = raiser.missing.length
        ? `you still need to pass ${describeMissing(raiser.missing)}.`
        : "this project has no required training module yet, so nobody can be certified.";
      return refuse("guardian_not_certified", `${PREFIX}: ${what}`, {
        variant: raiser.missing.length ? "escalation" : "escalationNoModules",
        params: {
          // English lists scores and pass marks in its own words; other languages name the modules.
          details: describeMissing(raiser.missing),
          modules: raiser.missing.map((m) => m.name).join(", "),
          count: raiser.missing.length,
        },
      });
    }
  }
}

export type EscalationState = {
  status: EscalationStatus;
  severity: EscalationSeverity;
  blocking: boolean;
  assigneeId: string | null;
  resolution: string | null;
};

export type TriageCommand = {
  status?: EscalationStatus;
  severity?: EscalationSeverity;
  blocking?: boolean;
  /** undefined = unchanged, null = unassign. */
  assigneeId?: string | null;
  resolution?: string;
};

export type TriageOutcome = Outcome<{ next: EscalationState; changed: Partial<EscalationState> }>;

const label = (s: EscalationStatus) => s.replace("_", " ");

export function triageEscalation(current: EscalationState, command: TriageCommand): TriageOutcome {
  if (current.status === "closed")
    return refuse("escalation_closed", "This escalation is closed; raise a new one if the problem came back.");
  const next: EscalationState = { ...current };
  if (command.status && command.status !== current.status) {
    if (!TRANSITIONS[current.status].includes(command.status)) {
      const allowed = TRANSITIONS[current.status].map(label).join(" or ");
      return refuse(
        "invalid_transition",
        `An escalation that is ${label(current.status)} can move to ${allowed}, not to ${label(command.status)}.`,
        {
          variant: TRANSITIONS[current.status].length > 1 ? "twoWays" : "oneWay",
          params: {
            from: current.status,
            to: command.status,
            allowed: TRANSITIONS[current.status][0] ?? "",
            alternative: TRANSITIONS[current.status][1] ?? "",
          },
        },
      );
    }
    next.status = command.status;
  }
  if (command.severity) next.severity = command.severity;
  if (command.blocking !== undefined) next.blocking = command.blocking;
  if (command.assigneeId !== undefined) next.assigneeId = command.assigneeId;
  if (command.resolution !== undefined) next.resolution = command.resolution.trim() || null;
  if (next.status === "resolved" && !next.resolution) {
    return refuse("resolution_required", "Describe the resolution before marking the escalation resolved.");
  }
  if (next.status === "in_progress" && !next.assigneeId) {
    return refuse("assignee_required", "Assign someone before starting work on the escalation.");
  }
  const changed = Object.fromEntries(
    (Object.keys(next) as (keyof EscalationState)[]).filter((k) => next[k] !== current[k]).map((k) => [k, next[k]]),
  ) as Partial<EscalationState>;
  return { ok: true, next, changed };
}
