// Words for the machine values the policy and quality-scale pages show: an admin reads
// "Must", "Yes", "at least 1" and "30 days after the start", never `must`, `true` or `>=1`.
import type { PolicyGate, ProjectRole } from "@/db/enums";

const sentenceCase = (s: string) => {
  const words = s.replace(/_/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** A quality rule's match value: "true" → "Yes", ">=2" → "at least 2", "large" → "Large". */
export function matchValueLabel(matchValue: string): string {
  const value = matchValue.trim();
  if (value === "true") return "Yes";
  if (value === "false") return "No";
  const threshold = /^>=\s*(\d+)$/.exec(value);
  if (threshold) return `at least ${threshold[1]}`;
  return sentenceCase(value);
}

export const REQUIREMENT_LABELS = { must: "Must", should: "Should" } as const;

const ROLE_LABELS: Record<string, string> = {
  project_manager: "Project manager",
  team_member: "Team member",
  integrator: "Integrator",
  client_owner: "Client owner",
  guardian: "Guardian",
  client_viewer: "Client viewer",
};

export const roleLabel = (role: ProjectRole | string) => ROLE_LABELS[role] ?? sentenceCase(role);

/** Who approves an artifact of the policy. */
export function approverLabel(roles: ProjectRole[] | undefined): string {
  return roles?.length ? roles.map(roleLabel).join(" and ") : "Any board member but the author";
}

/** When a new project plans the gate: "30 days after the start", "14 days before go-live". */
export function scheduleLabel(schedule: PolicyGate["schedule"]): string {
  if (!schedule) return "Spread between the start and go-live";
  const days = Math.abs(schedule.days);
  const count = `${days} day${days === 1 ? "" : "s"}`;
  if (schedule.anchor === "start")
    return schedule.days === 0 ? "On the start date" : `${count} ${schedule.days < 0 ? "before" : "after"} the start`;
  return schedule.days === 0 ? "On the go-live date" : `${count} ${schedule.days < 0 ? "before" : "after"} go-live`;
}

export const yesNo = (value: boolean | undefined | null) => (value ? "Yes" : "No");
