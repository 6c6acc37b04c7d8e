// Data migration rules (DESIGN.md §2 MigrationWave): run reconciliation, how a wave's status
// follows its runs, the RACI matrix (exactly one Accountable per activity) and the shift of
// responsibility from vendor to client across the phases.

import type { MIGRATION_RUN_KINDS, WAVE_STATUSES } from "@/db/enums";
import { type Finding, refuse, type Outcome, type Refused } from "@/lib/domain/refusal";

// ── Runs and reconciliation ──────────────────────────────────────────────────────────────

export type RunKind = (typeof MIGRATION_RUN_KINDS)[number];
export type RunCounts = { extracted: number; loaded: number; rejected: number };

/** Rejection tolerated before a run fails reconciliation: a rehearsal may reject more than production. */
export const REJECTION_TOLERANCE: Record<RunKind, number> = { rehearsal: 0.02, production: 0.005 };

export type Reconciliation = {
  result: "passed" | "failed";
  unaccounted: number;
  rejectionRate: number;
  reasons: string[];
};

export type CountsProblem = { field: keyof RunCounts; message: string; finding: Finding };

/** Counts that cannot describe a real run (negative, fractional, more out than in). */
export function checkRunCounts(counts: RunCounts): CountsProblem[] {
  const errors: CountsProblem[] = [];
  for (const field of ["extracted", "loaded", "rejected"] as const) {
    const value = counts[field];
    if (!Number.isInteger(value) || value < 0)
      errors.push({ field, message: "Use a whole number of records, 0 or more.", finding: { key: "runWholeNumber" } });
  }
  if (errors.length) return errors;
  if (counts.extracted === 0) {
    errors.push({
      field: "extracted",
      message: "A run extracts at least one record.",
      finding: { key: "runExtractsOne" },
    });
  }
  if (counts.loaded + counts.rejected > counts.extracted) {
    errors.push({
      field: "loaded",
      message:
        `Loaded (${counts.loaded}) plus rejected (${counts.rejected}) cannot exceed extracted ` +
        `(${counts.extracted}).`,
      finding: {
        key: "runLoadedExceeds",
        params: { loaded: counts.loaded, rejected: counts.rejected, extracted: counts.extracted },
      },
    });
  }
  return errors;
}

const percent = (rate: number) => `${(rate * 100).toFixed(rate < 0.01 ? 2 : 1)}%`;

/** Reconciles a run: every extracted record must be loaded or rejected, and rejections stay within tolerance. */
export function reconcile(kind: RunKind, counts: RunCounts): Reconciliation {
  const unaccounted = counts.extracted - counts.loaded - counts.rejected;
  const rejectionRate = counts.extracted ? counts.rejected / counts.extracted : 0;
  const reasons: string[] = [];
  if (unaccounted > 0) reasons.push(`${unaccounted} extracted records were neither loaded nor rejected.`);
  const tolerance = REJECTION_TOLERANCE[kind];
  if (rejectionRate > tolerance) {
    reasons.push(
      `Rejected ${percent(rejectionRate)} of the records; a ${kind} tolerates at most ${percent(tolerance)}.`,
    );
  }
  return { result: reasons.length ? "failed" : "passed", unaccounted, rejectionRate, reasons };
}

// ── Wave status ──────────────────────────────────────────────────────────────────────────

export type WaveStatus = (typeof WAVE_STATUSES)[number];

export const WAVE_STATUS_LABELS: Record<WaveStatus, string> = {
  planned: "Planned",
  rehearsing: "Rehearsing",
  ready: "Ready to migrate",
  migrating: "Migrating",
  completed: "Completed",
  failed: "Production run failed",
};

export type WaveStep = Outcome<{ status: WaveStatus; reconciliation: Reconciliation }>;

/** Why a run of this kind cannot be recorded on a wave in this status, or null when it can. */
function runRefusal(status: WaveStatus, kind: RunKind): Refused | null {
  if (status === "completed")
    return refuse("wave_completed", "This wave is completed; it takes no more runs.", { variant: "runs" });
  if (kind === "rehearsal" && status === "migrating") {
    return refuse(
      "wave_migrating",
      "The production migration has started; record the production run instead of a rehearsal.",
    );
  }
  if (kind === "production" && (status === "planned" || status === "rehearsing")) {
    return refuse("rehearsal_not_passed", "A production run needs a rehearsal that passed reconciliation first.");
  }
  return null;
}

/**
 * Recording a run moves the wave:
 * - a rehearsal is possible until production starts; passed → ready, failed → rehearsing;
 * - a production run needs a passed rehearsal first (ready, migrating, or a failed production
 *   run being retried); passed → completed, failed → failed;
 * - a completed wave takes no more runs.
 */
export function recordRun(status: WaveStatus, kind: RunKind, counts: RunCounts): WaveStep {
  const refused = runRefusal(status, kind);
  if (refused) return refused;
  const reconciliation = reconcile(kind, counts);
  const passed = reconciliation.result === "passed";
  const next: WaveStatus = kind === "rehearsal" ? (passed ? "ready" : "rehearsing") : passed ? "completed" : "failed";
  return { ok: true, status: next, reconciliation };
}

/** Starting the production migration marks a ready wave as migrating (the cut-over window is open). */
export function startMigration(status: WaveStatus): Outcome<{ status: WaveStatus }> {
  if (status !== "ready") {
    return refuse(
      "wave_not_ready",
      `Only a wave that is ready to migrate can start; this one is ${WAVE_STATUS_LABELS[status].toLowerCase()}.`,
      { params: { status } },
    );
  }
  return { ok: true, status: "migrating" };
}

/** A wave's plan (name, segment, source, date) may change until the wave is completed. */
export function editWave(status: WaveStatus): Outcome {
  if (status === "completed")
    return refuse("wave_completed", "This wave is completed; its plan is part of the record.", { variant: "plan" });
  return { ok: true };
}

/** What may be done with a wave in this status: the run kinds it takes, starting it, editing its plan. */
export function waveCommands(status: WaveStatus): { runKinds: RunKind[]; start: boolean; edit: boolean } {
  return {
    runKinds: (["production", "rehearsal"] as const).filter((kind) => !runRefusal(status, kind)),
    start: startMigration(status).ok,
    edit: editWave(status).ok,
  };
}

// ── RACI ─────────────────────────────────────────────────────────────────────────────────

export const MIGRATION_PHASES = ["design", "build", "deployment", "post_implementation"] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];
export const PHASE_LABELS: Record<MigrationPhase, string> = {
  design: "Design",
  build: "Build and configuration",
  deployment: "Production deployment",
  post_implementation: "Post-implementation",
};

export const RACI_ROLES = [
  { key: "vendor_pm", label: "Vendor PM", side: "vendor" },
  { key: "vendor_team", label: "Vendor team", side: "vendor" },
  { key: "integrator", label: "Integrator", side: "vendor" },
  { key: "client_owner", label: "Client owner", side: "client" },
  { key: "client_it", label: "Client IT", side: "client" },
  { key: "guardians", label: "Guardians", side: "client" },
  { key: "helpdesk", label: "Client helpdesk", side: "client" },
] as const;
export type RaciRole = (typeof RACI_ROLES)[number]["key"];
export const RACI_LETTERS = ["R", "A", "C", "I"] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export type RaciRow = { activity: string; phase: string; assignments: Record<string, string> };
/** What is wrong with a row, with the values a translated sentence needs (`message` is the English one). */
export type RaciIssue =
  | { kind: "unnamed" }
  | { kind: "duplicate" }
  | { kind: "phase" }
  | { kind: "role"; role: string }
  | { kind: "letter"; letter: string }
  | { kind: "accountable"; count: number }
  | { kind: "responsible" };
export type RaciProblem = { row: number; message: string; activity: string; issue: RaciIssue };

const ROLE_KEYS = new Set<string>(RACI_ROLES.map((r) => r.key));

/** Every activity named once, in a known phase, with known roles, exactly one A and at least one R. */
export function checkRaci(rows: RaciRow[]): RaciProblem[] {
  const problems: RaciProblem[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const label = row.activity.trim() || `Row ${index + 1}`;
    const activity = row.activity.trim();
    const add = (message: string, issue: RaciIssue) => problems.push({ row: index, message, activity, issue });
    if (!row.activity.trim()) add(`Row ${index + 1}: name the activity.`, { kind: "unnamed" });
    const key = row.activity.trim().toLowerCase();
    if (key && seen.has(key)) add(`"${label}" is listed twice.`, { kind: "duplicate" });
    if (key) seen.set(key, index);
    if (!(MIGRATION_PHASES as readonly string[]).includes(row.phase)) {
      add(`${label}: choose a phase.`, { kind: "phase" });
    }
    const entries = Object.entries(row.assignments).filter(([, letter]) => letter !== "");
    for (const [role, letter] of entries) {
      if (!ROLE_KEYS.has(role)) add(`${label}: unknown role "${role}".`, { kind: "role", role });
      if (!(RACI_LETTERS as readonly string[]).includes(letter)) {
        add(`${label}: "${letter}" is not one of R, A, C, I.`, { kind: "letter", letter });
      }
    }
    const accountable = entries.filter(([, l]) => l === "A").length;
    if (accountable !== 1) {
      add(`${label}: exactly one role is Accountable (A); ${accountable === 0 ? "none is" : `${accountable} are`}.`, {
        kind: "accountable",
        count: accountable,
      });
    }
    if (!entries.some(([, l]) => l === "R"))
      add(`${label}: at least one role is Responsible (R).`, { kind: "responsible" });
  });
  return problems;
}

/** Drops empty cells and trims names, so what is stored is what was checked. */
export function normaliseRaci(rows: RaciRow[]): RaciRow[] {
  return rows.map((row) => ({
    activity: row.activity.trim(),
    phase: row.phase,
    assignments: Object.fromEntries(Object.entries(row.assignments).filter(([, l]) => l !== "")),
  }));
}

/** The matrix as it will be stored (normalised), or every problem under `rows` (422 `raci_invalid`). */
export function acceptRaci(rows: RaciRow[]): Outcome<{ rows: RaciRow[] }> {
  const normalised = normaliseRaci(rows);
  const problems = checkRaci(normalised);
  if (!problems.length) return { ok: true, rows: normalised };
  return refuse("raci_invalid", "The RACI matrix needs corrections.", {
    kind: "input",
    fieldErrors: { rows: problems.map((p) => p.message) },
    findings: { rows: problems.map(raciFinding) },
  });
}

/** A RACI problem as the catalogue says it (namespace `problems`): a row is named by its activity or its number. */
function raciFinding({ row, activity, issue }: RaciProblem): Finding {
  const label = { row: row + 1, activity, named: activity ? "yes" : "no" };
  switch (issue.kind) {
    case "unnamed":
      return { key: "raciUnnamed", params: { row: row + 1 } };
    case "duplicate":
      return { key: "raciDuplicate", params: { activity } };
    case "phase":
      return { key: "raciPhase", params: label };
    case "role":
      return { key: "raciRole", params: { ...label, role: issue.role } };
    case "letter":
      return { key: "raciLetter", params: { ...label, letter: issue.letter } };
    case "accountable":
      return { key: "raciAccountable", params: { ...label, count: issue.count } };
    case "responsible":
      return { key: "raciResponsible", params: label };
  }
}

export type PhaseResponsibility = {
  phase: MigrationPhase;
  label: string;
  activities: number;
  accountable: { vendor: number; client: number };
  responsible: { vendor: number; client: number };
  /** Share of the accountable and responsible assignments held by the vendor side, 0–100. */
  vendorShare: number;
  lead: "vendor" | "client" | "shared" | "none";
};

const SIDE = new Map<string, "vendor" | "client">(RACI_ROLES.map((r) => [r.key, r.side]));

/** How responsibility moves from vendor to client, phase by phase, derived from the RACI rows. */
export function responsibilityShift(rows: RaciRow[]): PhaseResponsibility[] {
  return MIGRATION_PHASES.map((phase) => {
    const inPhase = rows.filter((r) => r.phase === phase);
    const accountable = { vendor: 0, client: 0 };
    const responsible = { vendor: 0, client: 0 };
    for (const row of inPhase) {
      for (const [role, letter] of Object.entries(row.assignments)) {
        const side = SIDE.get(role);
        if (!side) continue;
        if (letter === "A") accountable[side] += 1;
        if (letter === "R") responsible[side] += 1;
      }
    }
    const vendor = accountable.vendor + responsible.vendor;
    const total = vendor + accountable.client + responsible.client;
    const lead =
      accountable.vendor + accountable.client === 0
        ? "none"
        : accountable.vendor > accountable.client
          ? "vendor"
          : accountable.client > accountable.vendor
            ? "client"
            : "shared";
    return {
      phase,
      label: PHASE_LABELS[phase],
      activities: inPhase.length,
      accountable,
      responsible,
      vendorShare: total ? Math.round((vendor / total) * 100) : 0,
      lead,
    };
  });
}

/** A run is recorded after it happened: its date cannot be in the future. */
export function checkRunDate(ranOn: string, today: string): string | null {
  return ranOn > today ? "A run is recorded once it has happened: the date cannot be in the future." : null;
}

/** A run as typed: its figures and its date, every problem next to its field (422 `invalid_run`). */
export function checkRun(run: RunCounts & { ranOn: string }, today: string): Outcome {
  const fieldErrors: Record<string, string[]> = {};
  const findings: Record<string, Finding[]> = {};
  for (const e of checkRunCounts(run)) {
    (fieldErrors[e.field] ??= []).push(e.message);
    (findings[e.field] ??= []).push(e.finding);
  }
  const dateError = checkRunDate(run.ranOn, today);
  if (dateError) {
    fieldErrors.ranOn = [dateError];
    findings.ranOn = [{ key: "runDateFuture" }];
  }
  if (!Object.keys(fieldErrors).length) return { ok: true };
  return refuse("invalid_run", "Some figures of the run do not add up.", { kind: "input", fieldErrors, findings });
}
