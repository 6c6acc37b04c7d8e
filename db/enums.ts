// The closed value sets of the model (statuses, roles, kinds), with no dependency: client
// components import them from here without pulling the ORM into the browser. db/schema.ts
// re-exports them and uses them for its enum columns.
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
export const GATE_STATUSES = [
  "pending",
  "in_review",
  "go",
  "conditional_go",
  "hold",
  "recycled",
  "killed",
] as const;
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
export const SYSTEM_KINDS = [
  "crm",
  "erp",
  "portal",
  "mobile",
  "payment",
  "meter_data",
  "mediation",
  "other",
] as const;
export const PROTOCOLS = ["rest", "kafka", "sftp", "file", "soap", "other"] as const;
export const INTERFACE_STATUSES = ["designed", "developed", "tested", "live"] as const;
