// Guardian certification rules (DESIGN.md §3 "Guardian"). Pure: current state + evidence in,
// next state + audit events out, or a typed refusal.
//
// Decisions (documented here because the design is silent):
// - The status follows the recorded training: certified when EVERY required module of the
//   project was attended and passed (score ≥ that module's pass mark, in any session of it);
//   in_training once the guardian is enrolled in (or attended) any session; else nominated.
//   A corrected score can therefore take a certified guardian back to in_training.
// - A project without any required module certifies nobody: there is nothing to prove.
// - withdrawn is final for recomputation: new attendance or scores never revive a withdrawn
//   guardian. Only an explicit re-nomination reopens it; the training already recorded is
//   kept, so a re-nominated guardian's status is derived from it at once.
import type { GUARDIAN_STATUSES } from "@/db/enums";
import { refuse, type DomainEvent, type Outcome } from "@/lib/domain/refusal";

export type GuardianStatus = (typeof GUARDIAN_STATUSES)[number];

export type ModuleRequirement = { id: string; name: string; required: boolean; passMark: number };

/** One enrolment of the guardian in a session of a module (attended/score null = not yet recorded). */
export type TrainingRecord = { moduleId: string; attended: boolean | null; score: number | null };

export type ModuleProgress = {
  moduleId: string;
  name: string;
  required: boolean;
  passMark: number;
  enrolled: boolean;
  attended: boolean;
  /** Enrolled, and marked absent from every session of the module so far. */
  absent: boolean;
  /** Best score among the sessions the guardian attended; null when none was scored. */
  bestScore: number | null;
  passed: boolean;
};

export type MissingModule = {
  moduleId: string;
  name: string;
  passMark: number;
  reason: "not_attended" | "not_scored" | "below_pass_mark";
  bestScore: number | null;
};

export function moduleProgress(modules: ModuleRequirement[], records: TrainingRecord[]): ModuleProgress[] {
  return modules.map((m) => {
    const mine = records.filter((r) => r.moduleId === m.id);
    const attendedRecords = mine.filter((r) => r.attended === true);
    const scores = attendedRecords.map((r) => r.score).filter((s): s is number => s !== null);
    const bestScore = scores.length ? Math.max(...scores) : null;
    return {
      moduleId: m.id,
      name: m.name,
      required: m.required,
      passMark: m.passMark,
      enrolled: mine.length > 0,
      attended: attendedRecords.length > 0,
      absent: mine.length > 0 && mine.every((r) => r.attended === false),
      bestScore,
      passed: bestScore !== null && bestScore >= m.passMark,
    };
  });
}

/** The required modules still standing between the guardian and certification, with why. */
export function missingForCertification(modules: ModuleRequirement[], records: TrainingRecord[]): MissingModule[] {
  return moduleProgress(modules, records)
    .filter((p) => p.required && !p.passed)
    .map((p) => ({
      moduleId: p.moduleId,
      name: p.name,
      passMark: p.passMark,
      bestScore: p.bestScore,
      reason: !p.attended ? "not_attended" : p.bestScore === null ? "not_scored" : "below_pass_mark",
    }));
}

/** The status the evidence supports, for a guardian in `current` status. */
export function deriveGuardianStatus(
  current: GuardianStatus,
  modules: ModuleRequirement[],
  records: TrainingRecord[],
): GuardianStatus {
  if (current === "withdrawn") return "withdrawn";
  const hasRequired = modules.some((m) => m.required);
  if (hasRequired && missingForCertification(modules, records).length === 0) return "certified";
  return records.length > 0 ? "in_training" : "nominated";
}

/** "Administration (score 55, pass mark 70)", "Usage (not attended yet, pass mark 70)". */
export function describeMissing(missing: MissingModule[]): string {
  const parts = missing.map((m) => {
    if (m.reason === "below_pass_mark") return `${m.name} (score ${m.bestScore}, pass mark ${m.passMark})`;
    if (m.reason === "not_scored") return `${m.name} (attended, not assessed yet, pass mark ${m.passMark})`;
    return `${m.name} (not attended yet, pass mark ${m.passMark})`;
  });
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

export type GuardianState = { status: GuardianStatus; siteId: string };

export type GuardianOutcome = Outcome<{ next: GuardianState; events: DomainEvent[] }>;

export type GuardianCommand =
  | { type: "nominate"; siteId: string; modules: ModuleRequirement[]; records: TrainingRecord[] }
  | { type: "withdraw" }
  | { type: "move"; siteId: string }
  | { type: "recompute"; modules: ModuleRequirement[]; records: TrainingRecord[] };

/**
 * Applies a command to a guardian. `current` is null when the user is not (yet) a guardian
 * of the project; only "nominate" applies then.
 */
export function decideGuardian(current: GuardianState | null, command: GuardianCommand): GuardianOutcome {
  switch (command.type) {
    case "nominate": {
      if (current && current.status !== "withdrawn") {
        return refuse("already_guardian", "This person is already a guardian of this project.");
      }
      // A fresh nomination starts from "nominated"; a re-nomination keeps the training on record.
      const status = deriveGuardianStatus("nominated", command.modules, command.records);
      const next = { status, siteId: command.siteId };
      return {
        ok: true,
        next,
        events: [{ action: current ? "guardian.renominate" : "guardian.nominate", before: current, after: next }],
      };
    }
    case "withdraw": {
      if (!current)
        return refuse("not_guardian", "This person is not a guardian of this project.", { variant: "person" });
      if (current.status === "withdrawn") return refuse("already_withdrawn", "This guardian is already withdrawn.");
      const next = { ...current, status: "withdrawn" as const };
      return { ok: true, next, events: [{ action: "guardian.withdraw", before: current, after: next }] };
    }
    case "move": {
      if (!current)
        return refuse("not_guardian", "This person is not a guardian of this project.", { variant: "person" });
      if (current.status === "withdrawn")
        return refuse("guardian_withdrawn", "Re-nominate this guardian before moving them to another site.", {
          variant: "move",
        });
      if (current.siteId === command.siteId) return { ok: true, next: current, events: [] };
      const next = { ...current, siteId: command.siteId };
      return { ok: true, next, events: [{ action: "guardian.move", before: current, after: next }] };
    }
    case "recompute": {
      if (!current)
        return refuse("not_guardian", "This person is not a guardian of this project.", { variant: "person" });
      const status = deriveGuardianStatus(current.status, command.modules, command.records);
      if (status === current.status) return { ok: true, next: current, events: [] };
      const next = { ...current, status };
      const action =
        status === "certified"
          ? "guardian.certify"
          : current.status === "certified"
            ? "guardian.decertify"
            : "guardian.status";
      return { ok: true, next, events: [{ action, before: current, after: next }] };
    }
  }
}
