// The PostgreSQL twin of db/schema-sqlite.ts: the same tables, columns, keys, defaults and
// indexes under the same names, so that lib/data writes one query for both dialects
// (db/schema-parity.test.ts compares the two). Mapping: ids and ISO-8601 times stay text; JSON
// is jsonb; flags are boolean; real is double precision; money in minor units and key
// sequences that can pass 2^31 are bigint read as JS numbers (exact up to 2^53). Migration
// record counts stay integer: lib/validation caps them at 10^9.
// Not here on purpose: drizzle relations() (lib/data runs no relational queries), and the
// hidden `rowid` column of artifacts, artifact_versions, artifact_reviews and
// account_invitations, added by a custom migration (db/migrations-pg) so that SQL ordering by
// `rowid` (insertion order) reads the same on both dialects while select() never returns it.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import {
  GLOBAL_ROLES,
  PROJECT_ROLES,
  SECTORS,
  PROJECT_STATUSES,
  SIZE_CLASSES,
  HEALTH,
  DECISION_RULES,
  GATE_STATUSES,
  VOTES,
  ARTIFACT_STATUSES,
  SCOPE_CATEGORIES,
  MOSCOW,
  SCOPE_STATUSES,
  SPRINT_STATUSES,
  ENVIRONMENTS,
  MILESTONE_STATUSES,
  EVIDENCE_RESULTS,
  GUARDIAN_STATUSES,
  SYSTEM_KINDS,
  PROTOCOLS,
  INTERFACE_STATUSES,
  ACCOUNT_LINK_PURPOSES,
  SESSION_END_REASONS,
  BILLING_MODES,
  CONDITION_STATUSES,
  REQUIREMENTS,
  ARTIFACT_VERSION_KINDS,
  REVIEW_DECISIONS,
  SCOPE_CHANGES,
  SNAPSHOT_KINDS,
  ACTIVITY_TIMINGS,
  TRAINING_MODULE_KINDS,
  MATERIAL_KINDS,
  SESSION_MODES,
  ESCALATION_SEVERITIES,
  ESCALATION_STATUSES,
  VALIDATION_ENVIRONMENTS,
  VALIDATION_RUN_STATUSES,
  SCENARIO_RESULTS,
  ACCEPTANCE_STATUSES,
  SIGNER_CAPACITIES,
  INTERFACE_DIRECTIONS,
  WAVE_STATUSES,
  MIGRATION_RUN_KINDS,
  RECONCILIATION_RESULTS,
  OUTBOX_CHANNELS,
  DELIVERY_STATUSES,
  EMAIL_MODES,
  type PolicyGate,
  type Locale,
  type PolicyTranslations,
  type ProjectRole,
} from "./enums";
import { LOCALES } from "../lib/i18n/locale";
import { TWO_FACTOR_POLICIES } from "../lib/domain/two-factor-policy";
import type { CachedHealthReason } from "../lib/domain/health";

export * from "./enums";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  text("created_at")
    .notNull()
    .$defaultFn(() => new Date().toISOString());
const json = <T>(name: string) => jsonb(name).$type<T>();
// Money in minor units: int4 would overflow at about 21 million euros.
const big = (name: string) => bigint(name, { mode: "number" });
// SQLite's INTEGER PRIMARY KEY AUTOINCREMENT; "by default" still accepts an explicit value.
const serial = (name: string) => big(name).primaryKey().generatedByDefaultAsIdentity();

// ───────────────────────────── Accounts and tenancy ─────────────────────────────

export const clientOrganizations = pgTable("client_organizations", {
  id: id(),
  name: text("name").notNull().unique(),
  sector: text("sector", { enum: SECTORS }).notNull(),
  country: text("country").notNull(),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role", { enum: GLOBAL_ROLES }).notNull(),
    organizationId: text("organization_id").references(() => clientOrganizations.id),
    // Bumped when the password changes or the account is disabled; sessions carrying
    // an older value are refused on the next request.
    sessionVersion: integer("session_version").notNull().default(0),
    disabledAt: text("disabled_at"),
    passwordChangedAt: text("password_changed_at"),
    // Set when an administrator chose the password: it must be changed at the next sign-in.
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    // The account's language and IANA time zone; null means the browser's (lib/data/preferences.ts).
    locale: text("locale", { enum: LOCALES }),
    timeZone: text("time_zone"),
    // False when an administrator turned password sign-in off: the account signs in through SSO only.
    passwordSignIn: boolean("password_sign_in").notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("users_organization_idx").on(t.organizationId)],
);

// An email domain whose single sign-on identities may create an account in a client organisation
// (provisioning an administrator allowed), with the project role the new account takes on the
// organisation's open projects. The domain is the key: one domain leads to one organisation.
export const singleSignOnDomains = pgTable(
  "single_sign_on_domains",
  {
    domain: text("domain").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => clientOrganizations.id),
    projectRole: text("project_role", { enum: PROJECT_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("single_sign_on_domains_organization_idx").on(t.organizationId)],
);

// A one-time link with which a person sets their own password: an invitation for a new
// account, or a reset an administrator started. Only the token's hash is kept.
export const accountInvitations = pgTable(
  "account_invitations",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    purpose: text("purpose", { enum: ACCOUNT_LINK_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("account_invitations_user_idx").on(t.userId, t.createdAt)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: serial("id"),
    email: text("email").notNull(),
    ip: text("ip").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("sign_in_attempts_lookup_idx").on(t.email, t.ip, t.at)],
);

/**
 * A signed-in session (its JWT carries the id): where it was opened, when it was last seen (written
 * at most once a minute) and, once ended early, when, why and by whom. A missing or ended row
 * refuses the session on its next request.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    userAgent: text("user_agent"),
    ip: text("ip"),
    createdAt: createdAt(),
    lastSeenAt: text("last_seen_at").notNull(),
    revokedAt: text("revoked_at"),
    revokedReason: text("revoked_reason", { enum: SESSION_END_REASONS }),
    revokedBy: text("revoked_by"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

// Two-factor sign-in (TOTP) of an account, apart from the users table. The keys are sealed with the data
// key (lib/secret-box.ts). `pendingSecret` is an enrolment not confirmed yet; `lastStep` the time step of
// the last accepted code, so the same code cannot be used twice.
export const twoFactorAccounts = pgTable("two_factor_accounts", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id),
  secret: text("secret"),
  enabledAt: text("enabled_at"),
  lastStep: integer("last_step"),
  pendingSecret: text("pending_secret"),
  pendingSince: text("pending_since"),
});

// Single-use recovery codes, only their SHA-256 kept; `usedAt` set when one is spent.
export const twoFactorRecoveryCodes = pgTable(
  "two_factor_recovery_codes",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    createdAt: createdAt(),
    usedAt: text("used_at"),
  },
  (t) => [index("two_factor_recovery_codes_user_idx").on(t.userId)],
);

// Who must use two-factor sign-in (lib/domain/two-factor.ts TWO_FACTOR_POLICIES): one row, id "current".
export const twoFactorPolicy = pgTable("two_factor_policy", {
  id: text("id").primaryKey(),
  rule: text("rule", { enum: TWO_FACTOR_POLICIES }).notNull(),
  changedBy: text("changed_by").references(() => users.id),
  changedAt: text("changed_at").notNull(),
});

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("api_tokens_user_idx").on(t.userId)],
);

// ───────────────────────────── Projects ─────────────────────────────

export const projects = pgTable(
  "projects",
  {
    id: id(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => clientOrganizations.id),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    modules: json<string[]>("modules").notNull().default([]),
    sowReference: text("sow_reference").notNull().default(""),
    startDate: text("start_date").notNull(),
    targetGoLiveDate: text("target_go_live_date").notNull(),
    status: text("status", { enum: PROJECT_STATUSES }).notNull().default("active"),
    sizeClass: text("size_class", { enum: SIZE_CLASSES }).notNull().default("standard"),
    currentGate: integer("current_gate").notNull().default(7),
    policyVersionId: text("policy_version_id").references(() => gatePolicyVersions.id),
    // Cached result of lib/domain/health, refreshed by writes that affect it. Read it through
    // readHealthReasons: rows cached before reasons kept their values hold English sentences.
    health: text("health", { enum: HEALTH }).notNull().default("green"),
    healthReasons: json<CachedHealthReason[]>("health_reasons").notNull().default([]),
    // Billing: pay per delivered work (per accepted person-day) or a fixed amount per sprint.
    billingMode: text("billing_mode", { enum: BILLING_MODES }).notNull().default("per_day"),
    dayRate: big("day_rate").notNull().default(0),
    fixedSprintAmount: big("fixed_sprint_amount").notNull().default(0),
    currency: text("currency").notNull().default("EUR"),
    // The client's language: weekly status reports are frozen in it, the go-live statement is written in it.
    language: text("language", { enum: LOCALES }).notNull().default("en"),
    internalNotes: text("internal_notes").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text("updated_at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
  },
  (t) => [
    index("projects_organization_idx").on(t.organizationId),
    index("projects_status_idx").on(t.status, t.targetGoLiveDate),
    // The default ordering of project lists (keyset pagination by name, then id).
    index("projects_name_idx").on(t.name, t.id),
  ],
);

export const projectMembers = pgTable(
  "project_members",
  {
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: PROJECT_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.userId, t.role] }),
    index("project_members_user_idx").on(t.userId, t.projectId),
  ],
);

// ───────────────────────────── Audit and notifications ─────────────────────────────

export const auditEvents = pgTable(
  "audit_events",
  {
    seq: serial("seq"),
    id: text("id")
      .notNull()
      .unique()
      .$defaultFn(() => crypto.randomUUID()),
    at: text("at").notNull(),
    actorId: text("actor_id"),
    actorEmail: text("actor_email"),
    actorRole: text("actor_role"),
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    projectId: text("project_id"),
    before: json<unknown>("before"),
    after: json<unknown>("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    previousHash: text("previous_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    index("audit_events_project_idx").on(t.projectId, t.seq),
    index("audit_events_object_idx").on(t.objectType, t.objectId),
  ],
);

/**
 * Signed heads of the audit chain (lib/data/audit-checkpoints.ts): one per committed command that
 * appended events, signed with the Ed25519 key kept outside the database, so a chain cut short or
 * rewritten no longer leads to the newest checkpoint. Only the newest ones are kept.
 */
export const auditCheckpoints = pgTable(
  "audit_checkpoints",
  {
    id: serial("id"),
    seq: big("seq").notNull(),
    hash: text("hash").notNull(),
    at: text("at").notNull(),
    signature: text("signature").notNull(),
    keyFingerprint: text("key_fingerprint").notNull(),
  },
  (t) => [index("audit_checkpoints_seq_idx").on(t.seq)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    projectId: text("project_id").references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** English, as written; shown as is when `params` is null (rows from before titles were rendered at read time). */
    title: text("title").notNull(),
    /** The values the kind's message takes (lib/views/notification-title.ts), so the reader's language names them. */
    params: json<Record<string, string | number | boolean>>("params"),
    href: text("href").notNull(),
    createdAt: createdAt(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

// ───────────────────────────── Light-gating policy ─────────────────────────────

export const gatePolicies = pgTable("gate_policies", {
  id: id(),
  name: text("name").notNull().unique(),
  description: text("description").notNull().default(""),
  createdAt: createdAt(),
});

// A published version is immutable: editing a policy publishes a new version.
export const gatePolicyVersions = pgTable(
  "gate_policy_versions",
  {
    id: id(),
    policyId: text("policy_id")
      .notNull()
      .references(() => gatePolicies.id),
    version: integer("version").notNull(),
    gates: json<PolicyGate[]>("gates").notNull(),
    // Its first language is the source: the gates' own texts are in it, the others are translations.
    languages: json<Locale[]>("languages").notNull().default(["en"]),
    publishedBy: text("published_by").references(() => users.id),
    publishedAt: text("published_at").notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [uniqueIndex("gate_policy_versions_unique").on(t.policyId, t.version)],
);

export const gates = pgTable(
  "gates",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    objectives: text("objectives").notNull().default(""),
    // Copied from the policy version: the language of name/objectives, and their translations.
    language: text("language").$type<Locale>().notNull().default("en"),
    translations: json<PolicyTranslations<"name" | "objectives">>("translations").notNull().default({}),
    status: text("status", { enum: GATE_STATUSES }).notNull().default("pending"),
    decisionRule: text("decision_rule", { enum: DECISION_RULES }).notNull(),
    quorum: integer("quorum"),
    round: integer("round").notNull().default(1),
    plannedDate: text("planned_date"),
    submittedAt: text("submitted_at"),
    submittedBy: text("submitted_by").references(() => users.id),
    decidedAt: text("decided_at"),
    decision: text("decision", { enum: VOTES }),
    decisionRationale: text("decision_rationale"),
    decidedBy: text("decided_by").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    uniqueIndex("gates_project_number_unique").on(t.projectId, t.number),
    // Review queues: gates in review, oldest submission first.
    index("gates_status_submitted_idx").on(t.status, t.submittedAt),
  ],
);

export const gateBoardMembers = pgTable(
  "gate_board_members",
  {
    gateId: text("gate_id")
      .notNull()
      .references(() => gates.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    required: boolean("required").notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.gateId, t.userId] }), index("gate_board_members_user_idx").on(t.userId)],
);

export const gateVotes = pgTable(
  "gate_votes",
  {
    id: id(),
    gateId: text("gate_id")
      .notNull()
      .references(() => gates.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    vote: text("vote", { enum: VOTES }).notNull(),
    rationale: text("rationale").notNull(),
    castAt: text("cast_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("gate_votes_unique").on(t.gateId, t.round, t.userId)],
);

// One row per decided review round: the history of a gate.
export const gateDecisions = pgTable(
  "gate_decisions",
  {
    id: id(),
    gateId: text("gate_id")
      .notNull()
      .references(() => gates.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    decision: text("decision", { enum: VOTES }).notNull(),
    rationale: text("rationale").notNull(),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: text("decided_at").notNull(),
  },
  (t) => [uniqueIndex("gate_decisions_round_unique").on(t.gateId, t.round)],
);

export const gateConditions = pgTable(
  "gate_conditions",
  {
    id: id(),
    gateId: text("gate_id")
      .notNull()
      .references(() => gates.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    dueDate: text("due_date").notNull(),
    status: text("status", { enum: CONDITION_STATUSES }).notNull().default("open"),
    closedAt: text("closed_at"),
    closedBy: text("closed_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("gate_conditions_gate_idx").on(t.gateId)],
);

export const artifacts = pgTable(
  "artifacts",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    gateId: text("gate_id")
      .notNull()
      .references(() => gates.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    title: text("title").notNull(),
    // Copied from the policy version: the language of the title, and its translations.
    language: text("language").$type<Locale>().notNull().default("en"),
    translations: json<PolicyTranslations<"title">>("translations").notNull().default({}),
    requirement: text("requirement", { enum: REQUIREMENTS }).notNull(),
    ownerId: text("owner_id").references(() => users.id),
    status: text("status", { enum: ARTIFACT_STATUSES }).notNull().default("missing"),
    // Copied from the policy at instantiation: the project roles whose board members must all
    // approve (empty = any one board member other than the author).
    approverRoles: json<ProjectRole[]>("approver_roles").notNull().default([]),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    index("artifacts_gate_idx").on(t.gateId, t.status),
    // Review queues look for submitted artifacts across every board seat.
    index("artifacts_status_idx").on(t.status, t.gateId),
    index("artifacts_project_idx").on(t.projectId, t.status),
  ],
);

export const artifactVersions = pgTable(
  "artifact_versions",
  {
    id: id(),
    artifactId: text("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    kind: text("kind", { enum: ARTIFACT_VERSION_KINDS }).notNull(),
    fileName: text("file_name"),
    storedName: text("stored_name"),
    sha256: text("sha256"),
    size: integer("size"),
    mediaType: text("media_type"),
    url: text("url"),
    markdown: text("markdown"),
    note: text("note").notNull().default(""),
    submittedBy: text("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: text("submitted_at").notNull(),
  },
  (t) => [
    uniqueIndex("artifact_versions_number_unique").on(t.artifactId, t.number),
    // Review queues look at the newest versions first.
    index("artifact_versions_submitted_idx").on(t.submittedAt),
  ],
);

export const artifactReviews = pgTable(
  "artifact_reviews",
  {
    id: id(),
    artifactId: text("artifact_id")
      .notNull()
      .references(() => artifacts.id, { onDelete: "cascade" }),
    versionId: text("version_id")
      .notNull()
      .references(() => artifactVersions.id, { onDelete: "cascade" }),
    reviewerId: text("reviewer_id")
      .notNull()
      .references(() => users.id),
    decision: text("decision", { enum: REVIEW_DECISIONS }).notNull(),
    comment: text("comment").notNull().default(""),
    at: text("at").notNull(),
    // Set when a newer version makes this review stale.
    dismissedAt: text("dismissed_at"),
  },
  (t) => [
    index("artifact_reviews_artifact_idx").on(t.artifactId),
    // "Has this reviewer already reviewed this version?" (review queues).
    index("artifact_reviews_version_idx").on(t.versionId, t.reviewerId),
  ],
);

// ───────────────────────────── Roadmap, sprints, billing ─────────────────────────────

export const releases = pgTable(
  "releases",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    scope: text("scope").notNull().default(""),
    targetDate: text("target_date"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("releases_project_number_unique").on(t.projectId, t.number)],
);

export const sprints = pgTable(
  "sprints",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    releaseId: text("release_id").references(() => releases.id),
    number: integer("number").notNull(),
    goal: text("goal").notNull(),
    startDate: text("start_date").notNull(),
    endDate: text("end_date").notNull(),
    capacityDays: doublePrecision("capacity_days").notNull().default(0),
    status: text("status", { enum: SPRINT_STATUSES }).notNull().default("planned"),
    escapedDefects: integer("escaped_defects").notNull().default(0),
    acceptanceComment: text("acceptance_comment"),
    decidedBy: text("decided_by").references(() => users.id),
    decidedAt: text("decided_at"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("sprints_project_number_unique").on(t.projectId, t.number),
    index("sprints_status_idx").on(t.projectId, t.status),
  ],
);

export const scopeItems = pgTable(
  "scope_items",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    releaseId: text("release_id").references(() => releases.id),
    sprintId: text("sprint_id").references(() => sprints.id),
    title: text("title").notNull(),
    category: text("category", { enum: SCOPE_CATEGORIES }).notNull(),
    priority: text("priority", { enum: MOSCOW }).notNull(),
    estimateDays: doublePrecision("estimate_days").notNull(),
    status: text("status", { enum: SCOPE_STATUSES }).notNull().default("proposed"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text("updated_at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
  },
  (t) => [
    index("scope_items_project_idx").on(t.projectId, t.releaseId),
    index("scope_items_sprint_idx").on(t.sprintId),
  ],
);

export const scopeChanges = pgTable(
  "scope_changes",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    scopeItemId: text("scope_item_id")
      .notNull()
      .references(() => scopeItems.id, { onDelete: "cascade" }),
    change: text("change", { enum: SCOPE_CHANGES }).notNull(),
    before: json<unknown>("before"),
    after: json<unknown>("after"),
    reason: text("reason").notNull(),
    actorId: text("actor_id")
      .notNull()
      .references(() => users.id),
    at: text("at").notNull(),
  },
  (t) => [index("scope_changes_project_idx").on(t.projectId, t.at)],
);

export const scopeBaselines = pgTable(
  "scope_baselines",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    items:
      json<{ id: string; title: string; category: string; priority: string; estimateDays: number }[]>(
        "items",
      ).notNull(),
    totalDays: doublePrecision("total_days").notNull(),
    approvedBy: text("approved_by")
      .notNull()
      .references(() => users.id),
    approvedAt: text("approved_at").notNull(),
  },
  (t) => [uniqueIndex("scope_baselines_version_unique").on(t.projectId, t.version)],
);

export const sprintDeployments = pgTable(
  "sprint_deployments",
  {
    id: id(),
    sprintId: text("sprint_id")
      .notNull()
      .references(() => sprints.id, { onDelete: "cascade" }),
    releaseVersion: text("release_version").notNull(),
    environment: text("environment", { enum: ENVIRONMENTS }).notNull(),
    deployedOn: text("deployed_on").notNull(),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("sprint_deployments_sprint_idx").on(t.sprintId)],
);

export const estimateSnapshots = pgTable(
  "estimate_snapshots",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sprintId: text("sprint_id").references(() => sprints.id),
    kind: text("kind", { enum: SNAPSHOT_KINDS }).notNull(),
    takenAt: text("taken_at").notNull(),
    doneDays: doublePrecision("done_days").notNull(),
    remainingDays: doublePrecision("remaining_days").notNull(),
    velocityDaysPerSprint: doublePrecision("velocity_days_per_sprint"),
    forecastGoLive: text("forecast_go_live").notNull(),
    forecastGoLiveEarliest: text("forecast_go_live_earliest").notNull(),
    forecastGoLiveLatest: text("forecast_go_live_latest").notNull(),
    forecastCost: big("forecast_cost").notNull(),
    currency: text("currency").notNull(),
  },
  (t) => [index("estimate_snapshots_project_idx").on(t.projectId, t.takenAt)],
);

export const paymentMilestones = pgTable(
  "payment_milestones",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sprintId: text("sprint_id")
      .notNull()
      .unique()
      .references(() => sprints.id, { onDelete: "cascade" }),
    amount: big("amount").notNull(),
    currency: text("currency").notNull(),
    status: text("status", { enum: MILESTONE_STATUSES }).notNull().default("pending"),
    invoiceReference: text("invoice_reference"),
    billableAt: text("billable_at"),
    invoicedAt: text("invoiced_at"),
    paidAt: text("paid_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("payment_milestones_project_idx").on(t.projectId, t.status)],
);

// ───────────────────────────── Quality standards ─────────────────────────────

export const qualityStandards = pgTable("quality_standards", {
  id: id(),
  level: text("level").notNull().unique(), // QS0..QS4
  rank: integer("rank").notNull().unique(),
  name: text("name").notNull(),
  purpose: text("purpose").notNull().default(""),
  // The name and purpose in the scale's other languages (English is its source).
  translations: json<PolicyTranslations<"name" | "purpose">>("translations").notNull().default({}),
  // Points at or above which the selection rules recommend this level.
  minPoints: integer("min_points").notNull(),
  updatedAt: text("updated_at")
    .notNull()
    .$defaultFn(() => new Date().toISOString()),
});

export const qualityActivities = pgTable(
  "quality_activities",
  {
    id: id(),
    standardId: text("standard_id")
      .notNull()
      .references(() => qualityStandards.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    environment: text("environment", { enum: ENVIRONMENTS }).notNull(),
    timing: text("timing", { enum: ACTIVITY_TIMINGS }).notNull(),
    gateNumber: integer("gate_number"),
    position: integer("position").notNull().default(0),
    translations: json<PolicyTranslations<"name">>("translations").notNull().default({}),
  },
  (t) => [uniqueIndex("quality_activities_unique").on(t.standardId, t.key)],
);

// The selection rule table, as data: "when question = value, add points, because reason".
export const qualityRules = pgTable("quality_rules", {
  id: id(),
  question: text("question").notNull(),
  matchValue: text("match_value").notNull(),
  points: integer("points").notNull(),
  reason: text("reason").notNull(),
  position: integer("position").notNull().default(0),
});

export const qualitySelections = pgTable(
  "quality_selections",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    sprintId: text("sprint_id").references(() => sprints.id, { onDelete: "cascade" }),
    releaseId: text("release_id").references(() => releases.id),
    answers: json<Record<string, unknown>>("answers").notNull(),
    recommendedLevel: text("recommended_level").notNull(),
    reasons: json<{ text: string; points: number }[]>("reasons").notNull(),
    chosenLevel: text("chosen_level").notNull(),
    justification: text("justification"),
    // The chosen level's required activities, frozen at selection time.
    activities: json<{ key: string; name: string; environment: string; timing: string }[]>("activities").notNull(),
    selectedBy: text("selected_by")
      .notNull()
      .references(() => users.id),
    selectedAt: text("selected_at").notNull(),
  },
  (t) => [
    uniqueIndex("quality_selections_sprint_unique").on(t.sprintId),
    // A release-level selection has no sprint: one per release.
    uniqueIndex("quality_selections_release_unique")
      .on(t.releaseId)
      .where(sql`sprint_id is null`),
  ],
);

export const qualityEvidence = pgTable(
  "quality_evidence",
  {
    id: id(),
    selectionId: text("selection_id")
      .notNull()
      .references(() => qualitySelections.id, { onDelete: "cascade" }),
    activityKey: text("activity_key").notNull(),
    result: text("result", { enum: EVIDENCE_RESULTS }).notNull(),
    reason: text("reason"),
    link: text("link"),
    fileName: text("file_name"),
    storedName: text("stored_name"),
    sha256: text("sha256"),
    size: integer("size"),
    mediaType: text("media_type"),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: text("recorded_at").notNull(),
  },
  (t) => [index("quality_evidence_selection_idx").on(t.selectionId, t.activityKey)],
);

// ───────────────────────────── Client readiness and go-live ─────────────────────────────

export const sites = pgTable(
  "sites",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    location: text("location").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("sites_project_name_unique").on(t.projectId, t.name)],
);

export const guardians = pgTable(
  "guardians",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    siteId: text("site_id")
      .notNull()
      .references(() => sites.id),
    status: text("status", { enum: GUARDIAN_STATUSES }).notNull().default("nominated"),
    nominatedBy: text("nominated_by")
      .notNull()
      .references(() => users.id),
    nominatedAt: text("nominated_at").notNull(),
    certifiedAt: text("certified_at"),
    withdrawnAt: text("withdrawn_at"),
    version: integer("version").notNull().default(1),
  },
  (t) => [uniqueIndex("guardians_project_user_unique").on(t.projectId, t.userId)],
);

export const trainingModules = pgTable(
  "training_modules",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TRAINING_MODULE_KINDS }).notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    required: boolean("required").notNull().default(true),
    passMark: integer("pass_mark").notNull().default(70),
    createdAt: createdAt(),
  },
  (t) => [index("training_modules_project_idx").on(t.projectId)],
);

export const trainingMaterials = pgTable("training_materials", {
  id: id(),
  moduleId: text("module_id")
    .notNull()
    .references(() => trainingModules.id, { onDelete: "cascade" }),
  title: text("title").notNull(),
  kind: text("kind", { enum: MATERIAL_KINDS }).notNull(),
  url: text("url"),
  fileName: text("file_name"),
  storedName: text("stored_name"),
  sha256: text("sha256"),
  size: integer("size"),
  mediaType: text("media_type"),
  createdAt: createdAt(),
});

export const trainingSessions = pgTable(
  "training_sessions",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    moduleId: text("module_id")
      .notNull()
      .references(() => trainingModules.id),
    startsAt: text("starts_at").notNull(),
    durationMinutes: integer("duration_minutes").notNull().default(120),
    mode: text("mode", { enum: SESSION_MODES }).notNull(),
    siteId: text("site_id").references(() => sites.id),
    meetingUrl: text("meeting_url"),
    trainerId: text("trainer_id")
      .notNull()
      .references(() => users.id),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("training_sessions_project_idx").on(t.projectId, t.startsAt)],
);

export const trainingAttendance = pgTable(
  "training_attendance",
  {
    sessionId: text("session_id")
      .notNull()
      .references(() => trainingSessions.id, { onDelete: "cascade" }),
    guardianId: text("guardian_id")
      .notNull()
      .references(() => guardians.id, { onDelete: "cascade" }),
    attended: boolean("attended"),
    score: integer("score"),
    recordedBy: text("recorded_by").references(() => users.id),
    recordedAt: text("recorded_at"),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.guardianId] })],
);

export const escalations = pgTable(
  "escalations",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    raisedBy: text("raised_by")
      .notNull()
      .references(() => users.id),
    title: text("title").notNull(),
    description: text("description").notNull(),
    severity: text("severity", { enum: ESCALATION_SEVERITIES }).notNull(),
    blocking: boolean("blocking").notNull().default(false),
    status: text("status", { enum: ESCALATION_STATUSES }).notNull().default("open"),
    assigneeId: text("assignee_id").references(() => users.id),
    resolution: text("resolution"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: text("updated_at")
      .notNull()
      .$defaultFn(() => new Date().toISOString()),
  },
  (t) => [index("escalations_project_idx").on(t.projectId, t.status)],
);

export const validationRuns = pgTable(
  "validation_runs",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    environment: text("environment", { enum: VALIDATION_ENVIRONMENTS }).notNull(),
    status: text("status", { enum: VALIDATION_RUN_STATUSES }).notNull().default("open"),
    openedBy: text("opened_by")
      .notNull()
      .references(() => users.id),
    openedAt: text("opened_at").notNull(),
    closedBy: text("closed_by").references(() => users.id),
    closedAt: text("closed_at"),
    closingNote: text("closing_note"),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("validation_runs_project_idx").on(t.projectId, t.environment)],
);

export const validationScenarios = pgTable(
  "validation_scenarios",
  {
    id: id(),
    runId: text("run_id")
      .notNull()
      .references(() => validationRuns.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    source: text("source").notNull().default("manual"),
    result: text("result", { enum: SCENARIO_RESULTS }).notNull().default("pending"),
    notes: text("notes").notNull().default(""),
    recordedBy: text("recorded_by").references(() => users.id),
    recordedAt: text("recorded_at"),
  },
  (t) => [index("validation_scenarios_run_idx").on(t.runId, t.position)],
);

export const goLiveAcceptances = pgTable("go_live_acceptances", {
  id: id(),
  projectId: text("project_id")
    .notNull()
    .unique()
    .references(() => projects.id, { onDelete: "cascade" }),
  statement: text("statement").notNull(),
  status: text("status", { enum: ACCEPTANCE_STATUSES }).notNull().default("open"),
  completedAt: text("completed_at"),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
});

export const goLiveSigners = pgTable(
  "go_live_signers",
  {
    acceptanceId: text("acceptance_id")
      .notNull()
      .references(() => goLiveAcceptances.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    capacity: text("capacity", { enum: SIGNER_CAPACITIES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.acceptanceId, t.userId] })],
);

export const goLiveSignOffs = pgTable(
  "go_live_sign_offs",
  {
    id: id(),
    acceptanceId: text("acceptance_id")
      .notNull()
      .references(() => goLiveAcceptances.id),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    signedAt: text("signed_at").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    statement: text("statement").notNull(),
    statementSha256: text("statement_sha256").notNull(),
    auditHeadHash: text("audit_head_hash").notNull(),
  },
  (t) => [uniqueIndex("go_live_sign_offs_unique").on(t.acceptanceId, t.userId)],
);

export const handovers = pgTable("handovers", {
  id: id(),
  projectId: text("project_id")
    .notNull()
    .unique()
    .references(() => projects.id, { onDelete: "cascade" }),
  handoverDate: text("handover_date").notNull(),
  supportContacts: json<{ name: string; email: string; phone?: string; role?: string }[]>("support_contacts").notNull(),
  openItems: json<string[]>("open_items").notNull(),
  recordedBy: text("recorded_by")
    .notNull()
    .references(() => users.id),
  recordedAt: text("recorded_at").notNull(),
});

// ───────────────────────────── Integration and migration ─────────────────────────────

export const externalSystems = pgTable(
  "external_systems",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: text("kind", { enum: SYSTEM_KINDS }).notNull(),
    description: text("description").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("external_systems_project_idx").on(t.projectId)],
);

export const interfaces = pgTable(
  "interfaces",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    systemId: text("system_id")
      .notNull()
      .references(() => externalSystems.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    direction: text("direction", { enum: INTERFACE_DIRECTIONS }).notNull(),
    protocol: text("protocol", { enum: PROTOCOLS }).notNull(),
    frequency: text("frequency").notNull(),
    owner: text("owner").notNull().default(""),
    status: text("status", { enum: INTERFACE_STATUSES }).notNull().default("designed"),
    description: text("description").notNull().default(""),
    module: text("module"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("interfaces_project_idx").on(t.projectId, t.systemId)],
);

export const migrationPlans = pgTable("migration_plans", {
  projectId: text("project_id")
    .primaryKey()
    .references(() => projects.id, { onDelete: "cascade" }),
  scenario: text("scenario").notNull().default(""),
  scope: text("scope").notNull().default(""),
  sourceSystems: text("source_systems").notNull().default(""),
  // Activity rows against roles: { activity, phase, assignments: { role: "R"|"A"|"C"|"I" } }.
  raci: json<{ activity: string; phase: string; assignments: Record<string, string> }[]>("raci").notNull().default([]),
  updatedAt: text("updated_at")
    .notNull()
    .$defaultFn(() => new Date().toISOString()),
});

export const migrationWaves = pgTable(
  "migration_waves",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    segment: text("segment").notNull(),
    sourceSystem: text("source_system").notNull(),
    module: text("module"),
    plannedDate: text("planned_date").notNull(),
    status: text("status", {
      enum: WAVE_STATUSES,
    })
      .notNull()
      .default("planned"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [index("migration_waves_project_idx").on(t.projectId, t.plannedDate)],
);

export const migrationRuns = pgTable(
  "migration_runs",
  {
    id: id(),
    waveId: text("wave_id")
      .notNull()
      .references(() => migrationWaves.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: MIGRATION_RUN_KINDS }).notNull(),
    ranOn: text("ran_on").notNull(),
    extracted: integer("extracted").notNull(),
    loaded: integer("loaded").notNull(),
    rejected: integer("rejected").notNull(),
    reconciliation: text("reconciliation", { enum: RECONCILIATION_RESULTS }).notNull(),
    notes: text("notes").notNull().default(""),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("migration_runs_wave_idx").on(t.waveId)],
);

export const statusReports = pgTable(
  "status_reports",
  {
    id: id(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    weekOf: text("week_of").notNull(),
    generatedAt: text("generated_at").notNull(),
    generatedBy: text("generated_by").references(() => users.id),
    // The frozen snapshot: never recomputed after generation.
    snapshot: json<Record<string, unknown>>("snapshot").notNull(),
    markdown: text("markdown").notNull(),
  },
  (t) => [index("status_reports_project_idx").on(t.projectId, t.generatedAt)],
);

// ───────────────────────────── Calendar feeds ─────────────────────────────

// A person's iCalendar feed. The URL's secret is an HMAC of the id (lib/domain/calendar-feed.ts),
// never stored; revoking sets revoked_at and the next request for a URL makes a new feed.
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastFetchedAt: text("last_fetched_at"),
    revokedAt: text("revoked_at"),
  },
  (t) => [index("calendar_feeds_user_idx").on(t.userId, t.revokedAt)],
);

// What subscribers last saw of each event (by UID): its SEQUENCE rises when it changes, and an
// event whose object is gone (a cancelled training session) stays as STATUS:CANCELLED for a while.
export const calendarEntries = pgTable(
  "calendar_entries",
  {
    uid: text("uid").primaryKey(),
    projectId: text("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    start: text("start").notNull(),
    end: text("end").notNull(),
    allDay: boolean("all_day").notNull(),
    fingerprint: text("fingerprint").notNull(),
    sequence: integer("sequence").notNull().default(0),
    // Set when the object is gone: who still gets the cancellation, since nothing else names them.
    cancelledAt: text("cancelled_at"),
    audience: json<string[]>("audience"),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("calendar_entries_cancelled_idx").on(t.cancelledAt)],
);

// ───────────────────────────── Events out (outbox, webhooks, email) ─────────────────────────────

// The transactional outbox: every event that leaves the app, written in the transaction of the
// change it reports. `seq` is the commit order (writers are serialised), which fan-out follows.
// An event with a `directChannel` goes to that one target only (a webhook's test event, an email
// to one address) rather than to every subscriber of its type.
export const outboxEvents = pgTable(
  "outbox_events",
  {
    seq: serial("seq"),
    id: text("id")
      .notNull()
      .unique()
      .$defaultFn(() => crypto.randomUUID()),
    type: text("type").notNull(),
    projectId: text("project_id"),
    data: json<Record<string, unknown>>("data").notNull(),
    occurredAt: text("occurred_at").notNull(),
    directChannel: text("direct_channel"),
    directTarget: text("direct_target"),
  },
  (t) => [index("outbox_events_project_idx").on(t.projectId, t.seq)],
);

// How far each channel has fanned the outbox out into deliveries.
export const outboxCursors = pgTable("outbox_cursors", {
  channel: text("channel").primaryKey(),
  lastSeq: big("last_seq").notNull().default(0),
});

// One event to one target of one channel (a webhook endpoint, a person's inbox): retried with
// backoff until delivered or given up. A claimed delivery carries a lease, so a process killed
// mid-send leaves it to be claimed again once the lease runs out.
export const outboxDeliveries = pgTable(
  "outbox_deliveries",
  {
    id: id(),
    channel: text("channel", { enum: OUTBOX_CHANNELS }).notNull(),
    targetId: text("target_id").notNull(),
    eventSeq: big("event_seq")
      .notNull()
      .references(() => outboxEvents.seq, { onDelete: "cascade" }),
    projectId: text("project_id"),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseUntil: text("lease_until"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    createdAt: createdAt(),
    deliveredAt: text("delivered_at"),
  },
  (t) => [
    index("outbox_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_deliveries_target_idx").on(t.channel, t.targetId, t.status, t.eventSeq),
    index("outbox_deliveries_event_idx").on(t.eventSeq),
  ],
);

// Every attempt of a delivery: its answer, how long it took, and which attempt it was.
export const outboxAttempts = pgTable(
  "outbox_attempts",
  {
    id: id(),
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => outboxDeliveries.id, { onDelete: "cascade" }),
    attempt: integer("attempt").notNull(),
    at: text("at").notNull(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("outbox_attempts_delivery_idx").on(t.deliveryId, t.attempt)],
);

// A registered webhook endpoint. Secrets are sealed (lib/secret-box.ts); after a rotation the
// previous secret still signs, beside the new one, until `previousSecretUntil`.
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: json<string[]>("events").notNull(),
    projectId: text("project_id").references(() => projects.id, { onDelete: "cascade" }),
    ownerId: text("owner_id")
      .notNull()
      .references(() => users.id),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretUntil: text("previous_secret_until"),
    disabledAt: text("disabled_at"),
    disabledReason: text("disabled_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_project_idx").on(t.projectId), index("webhook_endpoints_owner_idx").on(t.ownerId)],
);

// How each person wants each kind of notification by email; no row is the kind's default.
export const emailPreferences = pgTable(
  "email_preferences",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    mode: text("mode", { enum: EMAIL_MODES }).notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

// Up to when each person's daily digest has covered their notifications.
export const emailDigests = pgTable("email_digests", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  coveredUntil: text("covered_until").notNull(),
});

// "Forgot password" requests: one row per request (for the throttle, whether or not the address
// has an account); the one-time link's token is stored only as its SHA-256 hash.
export const passwordResets = pgTable(
  "password_resets",
  {
    id: id(),
    email: text("email").notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").unique(),
    ip: text("ip"),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("password_resets_email_idx").on(t.email, t.createdAt),
    index("password_resets_ip_idx").on(t.ip, t.createdAt),
  ],
);

export type User = typeof users.$inferSelect;
export type AccountInvitation = typeof accountInvitations.$inferSelect;
export type AccountSession = typeof sessions.$inferSelect;
export type ClientOrganization = typeof clientOrganizations.$inferSelect;
export type Project = typeof projects.$inferSelect;
export type ProjectMember = typeof projectMembers.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type AuditCheckpoint = typeof auditCheckpoints.$inferSelect;
export type Gate = typeof gates.$inferSelect;
export type Artifact = typeof artifacts.$inferSelect;
export type ArtifactVersion = typeof artifactVersions.$inferSelect;
export type Sprint = typeof sprints.$inferSelect;
export type ScopeItem = typeof scopeItems.$inferSelect;
