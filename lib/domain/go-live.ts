// Go-live readiness, acceptance and handover (DESIGN.md §3 "Go-live"). Readiness is computed
// from a snapshot of the project; signing is possible only when every checklist item is done;
// a complete acceptance is immutable; the handover needs a complete acceptance.
import type { PolicyGate } from "@/db/enums";
import { GO_LIVE_ACCEPTANCE_KEY } from "./default-policy";
import { refuse as refuseWith, type DomainEvent, type Outcome, type Refused, type RefusalParams } from "./refusal";

export type ChecklistKey =
  "homologation_passed" | "production_passed" | "guardians_certified" | "no_blocking_escalations" | "gates_passed";

/**
 * The values an item's detail sentence is made of, language-neutral, so the go-live page can say it
 * in the reader's language (the English `label` and `detail` stay for the API and the audit).
 */
export type ChecklistFacts = {
  /** Validation items: the latest closed run's outcome and whether a run is open. */
  latest?: "passed" | "failed" | null;
  open?: boolean;
  /** Guardians: how many sites, and the sites without a certified guardian. */
  sites?: number;
  uncovered?: string[];
  /** Escalations: how many blocking ones are open. */
  openBlocking?: number;
  /** Gates: those the policy requires before go-live, those not passed, open conditions on them. */
  required?: number[];
  notPassed?: number[];
  openConditions?: number;
};

export type ChecklistItem = { key: ChecklistKey; label: string; done: boolean; detail: string; facts: ChecklistFacts };

/** The light-gating policy's gates before go-live (7 to 4): only for a project whose policy cannot say. */
export const GATES_BEFORE_GO_LIVE = [7, 6, 5, 4] as const;
const PASSED_GATE = new Set(["go", "conditional_go"]);

type PolicyGateFacts = Pick<PolicyGate, "number" | "artifactTypes" | "requiredBeforeGoLive">;

const holdsAcceptance = (g: PolicyGateFacts) => g.artifactTypes.some((a) => a.key === GO_LIVE_ACCEPTANCE_KEY);

/**
 * The gates that must be passed before the go-live acceptance can be signed, highest first: the
 * policy's gates marked `requiredBeforeGoLive`; for a version stored before that flag existed, the
 * gates above the one holding the go-live acceptance artifact; with neither, gates 7 to 4.
 */
export function gatesBeforeGoLive(policyGates: PolicyGateFacts[]): number[] {
  const desc = (list: PolicyGateFacts[]) => list.map((g) => g.number).sort((a, b) => b - a);
  const flagged = policyGates.filter((g) => g.requiredBeforeGoLive);
  if (flagged.length) return desc(flagged);
  const acceptance = policyGates.find(holdsAcceptance);
  if (acceptance) return desc(policyGates.filter((g) => g.number > acceptance.number));
  return [...GATES_BEFORE_GO_LIVE];
}

/** The go-live gate: the one holding the go-live acceptance, else the one right after the required gates. */
export function goLiveGate<G extends PolicyGateFacts>(policyGates: G[]): G | null {
  const holding = policyGates.find(holdsAcceptance);
  if (holding) return holding;
  const required = gatesBeforeGoLive(policyGates);
  const next = required.length ? Math.min(...required) - 1 : null;
  return policyGates.find((g) => g.number === next) ?? null;
}

/** "Gate 4", "Gates 7 to 4" for a run, "Gates 7, 5 and 3" otherwise. */
export function gatesLabel(numbers: number[]): string {
  if (numbers.length === 1) return `Gate ${numbers[0]}`;
  const contiguous = numbers.every((n, i) => i === 0 || numbers[i - 1] - n === 1);
  if (contiguous) return `Gates ${numbers[0]} to ${numbers[numbers.length - 1]}`;
  return `Gates ${numbers.slice(0, -1).join(", ")} and ${numbers[numbers.length - 1]}`;
}

export type ReadinessSnapshot = {
  latestHomologation: "passed" | "failed" | null;
  latestProduction: "passed" | "failed" | null;
  openRun: "homologation" | "production" | null;
  sites: { name: string; certifiedGuardians: number }[];
  openBlockingEscalations: number;
  currentGate: number;
  gates: { number: number; status: string; openConditions: number }[];
  /** From the project's policy version (gatesBeforeGoLive); absent: gates 7 to 4. */
  gatesBeforeGoLive?: number[];
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function runDetail(latest: "passed" | "failed" | null, open: boolean, env: string): string {
  if (latest === "passed") return `The latest ${env} run passed.`;
  if (open) return `A ${env} run is open${latest === "failed" ? "; the previous one failed" : ""}.`;
  if (latest === "failed") return `The latest ${env} run failed.`;
  return `No ${env} run has been closed yet.`;
}

export function readinessChecklist(s: ReadinessSnapshot): ChecklistItem[] {
  const uncovered = s.sites.filter((site) => site.certifiedGuardians === 0).map((site) => site.name);
  const required = s.gatesBeforeGoLive ?? [...GATES_BEFORE_GO_LIVE];
  const gatesBehind = required.map((n) => s.gates.find((g) => g.number === n));
  const notPassed = required.filter((_, i) => !gatesBehind[i] || !PASSED_GATE.has(gatesBehind[i]!.status));
  const openConditions = gatesBehind.reduce((sum, g) => sum + (g?.openConditions ?? 0), 0);
  // The project must also have moved past the last required gate (a recycled gate keeps it there).
  const gatesDone =
    notPassed.length === 0 && openConditions === 0 && (required.length === 0 || s.currentGate < Math.min(...required));
  const which = required.length ? gatesLabel(required) : "No gate";
  return [
    {
      key: "homologation_passed",
      label: "Homologation validation passed",
      done: s.latestHomologation === "passed",
      detail: runDetail(s.latestHomologation, s.openRun === "homologation", "homologation"),
      facts: { latest: s.latestHomologation, open: s.openRun === "homologation" },
    },
    {
      key: "production_passed",
      label: "Production validation passed",
      done: s.latestProduction === "passed",
      detail: runDetail(s.latestProduction, s.openRun === "production", "production"),
      facts: { latest: s.latestProduction, open: s.openRun === "production" },
    },
    {
      key: "guardians_certified",
      label: "A certified guardian at every site",
      done: s.sites.length > 0 && uncovered.length === 0,
      detail:
        s.sites.length === 0
          ? "No site has been set up yet."
          : uncovered.length === 0
            ? `Every site (${s.sites.length}) has a certified guardian.`
            : `No certified guardian yet at: ${uncovered.join(", ")}.`,
      facts: { sites: s.sites.length, uncovered },
    },
    {
      key: "no_blocking_escalations",
      label: "No open blocking escalation",
      done: s.openBlockingEscalations === 0,
      detail:
        s.openBlockingEscalations === 0
          ? "No blocking escalation is open."
          : `${plural(s.openBlockingEscalations, "blocking escalation is", "blocking escalations are")} still open.`,
      facts: { openBlocking: s.openBlockingEscalations },
    },
    {
      key: "gates_passed",
      label: required.length ? `${which} passed, with no open conditions` : "No gate to pass before go-live",
      done: gatesDone,
      detail: gatesDone
        ? required.length
          ? `${which} ${required.length === 1 ? "is" : "are"} passed and every condition is met.`
          : "This project's policy asks for no gate before go-live."
        : [
            notPassed.length ? `Not passed yet: gate ${notPassed.join(", ")}.` : "",
            openConditions ? `${plural(openConditions, "condition")} still open.` : "",
          ]
            .filter(Boolean)
            .join(" "),
      facts: { required, notPassed, openConditions },
    },
  ];
}

export type AcceptanceState = {
  status: "open" | "signed";
  statement: string;
  signers: { userId: string; capacity: "client_owner" | "guardian" }[];
  signedUserIds: string[];
};

/** Accepted: what follows and its audit events; refused: why, with the checklist keys it waits for. */
export type GoLiveOutcome<T extends object = object> = Outcome<
  // The sign-off adds the statement's hash to what each event says, so `after` is an object here.
  T & { events: (DomainEvent & { after: Record<string, unknown> })[] },
  string
>;
type Words = { params?: RefusalParams; variant?: string; missing?: string[] };
const refuse = (code: string, message: string, words: Words = {}): Refused<string> => refuseWith(code, message, words);

/** Line endings and surrounding blanks never change what a statement says. */
export const normalizeStatement = (text: string) => text.replace(/\r\n?/g, "\n").trim();

export type CandidateSigner = { userId: string; capacity: "client_owner" | "guardian" };

/**
 * The PM sets the statement and the required signers: at least one client owner, and only
 * certified guardians. Frozen as soon as anyone signed.
 */
export function configureAcceptance(
  current: AcceptanceState | null,
  input: { statement: string; signers: CandidateSigner[] },
  eligible: { clientOwners: string[]; certifiedGuardians: string[] },
): GoLiveOutcome {
  if (current && current.signedUserIds.length > 0) {
    return refuse(
      "acceptance_frozen",
      "Someone has already signed: the statement and the signers can no longer change.",
    );
  }
  const statement = normalizeStatement(input.statement);
  if (!statement) return refuse("statement_required", "Write the statement the signers accept.");
  const ids = input.signers.map((s) => s.userId);
  if (new Set(ids).size !== ids.length) return refuse("signer_twice", "Each person signs once; remove the duplicate.");
  const owners = input.signers.filter((s) => s.capacity === "client_owner");
  if (owners.length === 0) return refuse("owner_required", "The client owner must be one of the signers.");
  const notOwner = owners.filter((s) => !eligible.clientOwners.includes(s.userId));
  if (notOwner.length)
    return refuse("signer_not_owner", "Only a client owner of this project can sign as client owner.");
  const uncertified = input.signers.filter(
    (s) => s.capacity === "guardian" && !eligible.certifiedGuardians.includes(s.userId),
  );
  if (uncertified.length) {
    return refuse("guardian_not_certified", "Only certified guardians of this project can sign as guardians.", {
      variant: "signers",
      missing: uncertified.map((s) => s.userId),
    });
  }
  return {
    ok: true,
    events: [
      {
        action: current ? "go_live_acceptance.update" : "go_live_acceptance.create",
        after: { statement, signers: input.signers },
      },
    ],
  };
}

/**
 * A sign-off: the checklist must be complete, the signer required and not yet signed, and the
 * statement they confirm must be the one on record. Returns whether this completes the acceptance.
 */
export function signOff(
  acceptance: AcceptanceState | null,
  checklist: ChecklistItem[],
  input: { userId: string; statement: string },
  certifiedGuardianIds: string[],
): GoLiveOutcome<{ completes: boolean }> {
  const unmet = checklist.filter((c) => !c.done);
  if (unmet.length) {
    return refuse(
      "go_live_not_ready",
      `Signing is not possible until these are done: ${unmet.map((c) => c.label.toLowerCase()).join("; ")}.`,
      {
        missing: unmet.map((c) => c.key),
        // English lists the checklist's own labels; other languages count what the checklist shows.
        params: { details: unmet.map((c) => c.label.toLowerCase()).join("; "), count: unmet.length },
      },
    );
  }
  if (!acceptance)
    return refuse("acceptance_not_set_up", "The project manager has not set up the go-live acceptance yet.");
  if (acceptance.status === "signed")
    return refuse("acceptance_complete", "The acceptance is complete; it can no longer change.");
  if (!acceptance.signers.some((s) => s.userId === input.userId)) {
    return refuse("not_a_signer", "You are not one of the required signers of this acceptance.");
  }
  if (acceptance.signedUserIds.includes(input.userId))
    return refuse("already_signed", "You have already signed this acceptance.");
  const capacity = acceptance.signers.find((s) => s.userId === input.userId)!.capacity;
  if (capacity === "guardian" && !certifiedGuardianIds.includes(input.userId)) {
    return refuse(
      "guardian_not_certified",
      "You are named as a guardian, but you are no longer a certified guardian of this project.",
      { variant: "signing" },
    );
  }
  if (normalizeStatement(input.statement) !== normalizeStatement(acceptance.statement)) {
    return refuse(
      "statement_mismatch",
      "The statement you confirmed is not the statement on record. Reload and read it again.",
    );
  }
  const remaining = acceptance.signers.filter(
    (s) => s.userId !== input.userId && !acceptance.signedUserIds.includes(s.userId),
  );
  const completes = remaining.length === 0;
  return {
    ok: true,
    completes,
    events: [
      { action: "go_live_acceptance.sign", after: { userId: input.userId } },
      ...(completes ? [{ action: "go_live_acceptance.complete", after: { signers: acceptance.signers.length } }] : []),
    ],
  };
}

/** The handover ends the implementation phase: only after a complete acceptance, only once. */
export function recordHandover(
  projectStatus: string,
  acceptance: Pick<AcceptanceState, "status"> | null,
  hasHandover: boolean,
): GoLiveOutcome<{ nextStatus: "live" }> {
  if (hasHandover) return refuse("handover_recorded", "The handover has already been recorded.");
  if (acceptance?.status !== "signed") {
    return refuse(
      "acceptance_incomplete",
      "The handover is possible only after every required signer has signed the go-live acceptance.",
      { missing: ["acceptance_complete"] },
    );
  }
  if (projectStatus !== "active")
    return refuse(
      "project_not_active",
      `The project is ${projectStatus.replace("_", " ")}; only an active project can go live.`,
      { variant: "goLive", params: { status: projectStatus } },
    );
  return { ok: true, nextStatus: "live", events: [{ action: "project.go_live", after: { status: "live" } }] };
}
