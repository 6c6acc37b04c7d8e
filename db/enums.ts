// The closed value sets of the model (statuses, roles, kinds) and the shapes built from them,
// with no dependency: both schemas (db/schema-sqlite.ts, db/schema-pg.ts) take their enum
// columns from here, and the pure rules (lib/domain) and client components import them without
// pulling the ORM in. db/schema.ts re-exports them.
import type { Locale } from "@/lib/i18n/locale";

export type { Locale };

export const GLOBAL_ROLES = ["admin", "staff", "client"] as const;
export const PROJECT_ROLES = [
  "project_manager",
  "team_member",
  "integrator",
  "client_owner",
  "guardian",
  "client_viewer",
] as const;
export const SECTORS = ["energy", "water", "gas", "telecom", "other"] as const;
export const PROJECT_STATUSES = ["active", "on_hold", "killed", "live", "closed"] as const;
export const SIZE_CLASSES = ["small", "standard", "large"] as const;
export const HEALTH = ["green", "amber", "red"] as const;
export const DECISION_RULES = ["unanimous", "quorum", "majority"] as const;
export const GATE_STATUSES = ["pending", "in_review", "go", "conditional_go", "hold", "recycled", "killed"] as const;
export const VOTES = ["go", "conditional_go", "hold", "recycle", "kill"] as const;
export const ARTIFACT_STATUSES = ["missing", "submitted", "approved", "changes_requested"] as const;
export const SCOPE_CATEGORIES = [
  "configuration",
  "interconnection",
  "localization",
  "migration",
  "training",
  "reporting",
  "other",
] as const;
export const MOSCOW = ["must", "should", "could", "wont"] as const;
export const SCOPE_STATUSES = ["proposed", "planned", "in_progress", "done", "dropped"] as const;
export const SPRINT_STATUSES = ["planned", "active", "in_review", "accepted", "rejected"] as const;
export const ENVIRONMENTS = ["development", "homologation", "production"] as const;
export const MILESTONE_STATUSES = ["pending", "billable", "invoiced", "paid"] as const;
export const EVIDENCE_RESULTS = ["passed", "failed", "waived"] as const;
export const GUARDIAN_STATUSES = ["nominated", "in_training", "certified", "withdrawn"] as const;
export const SYSTEM_KINDS = ["crm", "erp", "portal", "mobile", "payment", "meter_data", "mediation", "other"] as const;
export const PROTOCOLS = ["rest", "kafka", "sftp", "file", "soap", "other"] as const;
export const INTERFACE_STATUSES = ["designed", "developed", "tested", "live"] as const;

// Sets that only one column spells, named here so the schemas and the rules share one list.
export const ACCOUNT_LINK_PURPOSES = ["invite", "reset"] as const;
export const BILLING_MODES = ["per_day", "fixed_per_sprint"] as const;
export const CONDITION_STATUSES = ["open", "met"] as const;
export const REQUIREMENTS = ["must", "should"] as const;
export const ARTIFACT_VERSION_KINDS = ["file", "url", "markdown"] as const;
export const REVIEW_DECISIONS = ["approve", "request_changes"] as const;
export const SCOPE_CHANGES = ["added", "changed", "removed"] as const;
export const SNAPSHOT_KINDS = ["baseline", "sprint_close"] as const;
export const ACTIVITY_TIMINGS = ["before_sprint_review", "before_gate", "after_deployment"] as const;
export const TRAINING_MODULE_KINDS = ["usage", "administration", "configuration", "custom"] as const;
export const MATERIAL_KINDS = ["file", "link"] as const;
export const SESSION_MODES = ["on_site", "remote"] as const;
export const ESCALATION_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export const ESCALATION_STATUSES = ["open", "triaged", "in_progress", "resolved", "closed"] as const;
export const VALIDATION_ENVIRONMENTS = ["homologation", "production"] as const;
export const VALIDATION_RUN_STATUSES = ["open", "passed", "failed"] as const;
export const SCENARIO_RESULTS = ["pending", "pass", "fail"] as const;
export const ACCEPTANCE_STATUSES = ["open", "signed"] as const;
export const SIGNER_CAPACITIES = ["client_owner", "guardian"] as const;
export const INTERFACE_DIRECTIONS = ["inbound", "outbound", "bidirectional"] as const;
export const WAVE_STATUSES = ["planned", "rehearsing", "ready", "migrating", "completed", "failed"] as const;
export const MIGRATION_RUN_KINDS = ["rehearsal", "production"] as const;
export const RECONCILIATION_RESULTS = ["passed", "failed"] as const;

export type GlobalRole = (typeof GLOBAL_ROLES)[number];
export type ProjectRole = (typeof PROJECT_ROLES)[number];
export type SizeClass = (typeof SIZE_CLASSES)[number];
export type Requirement = (typeof REQUIREMENTS)[number];
export type DecisionRule = (typeof DECISION_RULES)[number];
export type Vote = (typeof VOTES)[number];
export type SprintStatus = (typeof SPRINT_STATUSES)[number];
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export type GuardianStatus = (typeof GUARDIAN_STATUSES)[number];
export type InterfaceStatus = (typeof INTERFACE_STATUSES)[number];
export type SystemKind = (typeof SYSTEM_KINDS)[number];
export type Protocol = (typeof PROTOCOLS)[number];
export type ScopeCategory = (typeof SCOPE_CATEGORIES)[number];
export type Priority = (typeof MOSCOW)[number];
export type ScopeStatus = (typeof SCOPE_STATUSES)[number];
export type BillingMode = (typeof BILLING_MODES)[number];
export type ConditionStatus = (typeof CONDITION_STATUSES)[number];
export type ArtifactVersionKind = (typeof ARTIFACT_VERSION_KINDS)[number];
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export type ActivityTiming = (typeof ACTIVITY_TIMINGS)[number];
export type Environment = (typeof ENVIRONMENTS)[number];
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];
export type EscalationSeverity = (typeof ESCALATION_SEVERITIES)[number];
export type ValidationEnvironment = (typeof VALIDATION_ENVIRONMENTS)[number];
export type ValidationRunStatus = (typeof VALIDATION_RUN_STATUSES)[number];
export type ScenarioResult = (typeof SCENARIO_RESULTS)[number];
export type AcceptanceStatus = (typeof ACCEPTANCE_STATUSES)[number];
export type InterfaceDirection = (typeof INTERFACE_DIRECTIONS)[number];
export type WaveStatus = (typeof WAVE_STATUSES)[number];
export type MigrationRunKind = (typeof MIGRATION_RUN_KINDS)[number];

/** Texts in a record's other languages: language → field → text (lib/domain/localized-text.ts). */
export type PolicyTranslations<F extends string> = Partial<Record<Locale, Partial<Record<F, string>>>>;

/**
 * One gate of a policy version: the template a project's gate instance is made from. It is the
 * shape of a JSON column (gate_policy_versions.gates) in both schemas and the input of the
 * policy rules, so it is defined once, here, from the value sets above.
 */
export type PolicyGate = {
  number: number;
  name: string;
  objectives: string;
  // The name and objectives in the version's other languages (its first language is the source).
  translations?: PolicyTranslations<"name" | "objectives">;
  artifactTypes: {
    key: string;
    title: string;
    translations?: PolicyTranslations<"title">;
    // Which size classes need it, and how strongly; absent = not required for that size.
    requirement: Partial<Record<SizeClass, Requirement>>;
    // Who must approve it: absent or empty = any one board member other than the author;
    // otherwise a board member holding each listed project role (e.g. the client owner).
    approverRoles?: ProjectRole[];
  }[];
  defaultBoard: { projectRole: ProjectRole; required: boolean }[];
  decisionRule: DecisionRule;
  quorum: number | null;
  // Planned date proposed for a new project: days after its start, or before (negative) or
  // after its target go-live. Absent: spread in order between start and go-live.
  schedule?: { anchor: "start" | "go_live"; days: number } | null;
  // Must be passed before the go-live acceptance can be signed (the policy says which).
  requiredBeforeGoLive?: boolean;
};

/** Why a signed-in session ended before it expired (lib/domain/session-revocation.ts). */
export const SESSION_END_REASONS = [
  "signed_out",
  "revoked",
  "others_revoked",
  "all_revoked",
  "revoked_by_admin",
  "account_disabled",
  "password_changed",
] as const;

// Events out (issue 16): the channels the outbox feeds, a delivery's state, and how a person
// wants a kind of notification by email.
export const OUTBOX_CHANNELS = ["webhook", "email"] as const;
export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export const EMAIL_MODES = ["immediately", "daily", "off"] as const;
