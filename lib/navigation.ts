// Where things live. The project tabs and the main navigation, with who sees each entry. Labels
// are message keys (namespace "projectNav" for the project's sections and their groups, "nav" for
// the main navigation): components/shell words them in the reader's language.
import { canAdminister, type Actor, type Permission } from "@/lib/domain/permissions";

/** The project's sections fall into a few groups, so the navigation fits a laptop and a phone. */
export const PROJECT_TAB_GROUPS = ["governance", "delivery", "clientReadiness", "technical", "reports"] as const;
export type ProjectTabGroup = (typeof PROJECT_TAB_GROUPS)[number];

/** The message key (namespace "projectNav") of each section's name. */
export type ProjectTabLabel =
  | "overview"
  | "gates"
  | "schedule"
  | "auditTrail"
  | "roadmap"
  | "sprints"
  | "quality"
  | "billing"
  | "guardians"
  | "validation"
  | "escalations"
  | "goLive"
  | "integration"
  | "migration"
  | "statusReports"
  | "webhooks";

export type ProjectTab = {
  /** Path under /projects/[projectId]; "" is the overview. */
  segment: string;
  labelKey: ProjectTabLabel;
  group: ProjectTabGroup;
  /** Shown only to accounts with this permission on the project (reading is always needed). */
  permission?: Permission;
  /** Vendor accounts only. */
  vendorOnly?: boolean;
};

export const PROJECT_TABS: ProjectTab[] = [
  { segment: "", labelKey: "overview", group: "governance" },
  { segment: "gates", labelKey: "gates", group: "governance" },
  { segment: "schedule", labelKey: "schedule", group: "governance" },
  { segment: "audit", labelKey: "auditTrail", group: "governance" },
  { segment: "roadmap", labelKey: "roadmap", group: "delivery" },
  { segment: "sprints", labelKey: "sprints", group: "delivery" },
  { segment: "quality", labelKey: "quality", group: "delivery" },
  { segment: "billing", labelKey: "billing", group: "delivery", permission: "billing.view" },
  { segment: "guardians", labelKey: "guardians", group: "clientReadiness" },
  { segment: "validation", labelKey: "validation", group: "clientReadiness" },
  { segment: "escalations", labelKey: "escalations", group: "clientReadiness" },
  { segment: "go-live", labelKey: "goLive", group: "clientReadiness" },
  { segment: "integration", labelKey: "integration", group: "technical" },
  { segment: "migration", labelKey: "migration", group: "technical" },
  { segment: "reports", labelKey: "statusReports", group: "reports" },
  // Project managers only (and administrators, who act as one), before and after go-live alike:
  // "report.generate" is the PM-only permission that stays open once a project is live.
  { segment: "webhooks", labelKey: "webhooks", group: "technical", permission: "report.generate" },
];

/** The message key (namespace "nav") of each entry of the main navigation. */
export type MainNavLabel = "dashboard" | "projects" | "reviews" | "timeline" | "billing" | AdminNavLabel;
export type AdminNavLabel = "users" | "organizations" | "policies" | "quality" | "audit" | "webhooks";

export type MainNavEntry = { href: string; labelKey: MainNavLabel; show: (actor: Actor) => boolean };

export const MAIN_NAV: MainNavEntry[] = [
  { href: "/dashboard", labelKey: "dashboard", show: () => true },
  { href: "/projects", labelKey: "projects", show: () => true },
  { href: "/reviews", labelKey: "reviews", show: () => true },
  { href: "/timeline", labelKey: "timeline", show: () => true },
  { href: "/billing", labelKey: "billing", show: (a) => a.role !== "client" },
];

export const ADMIN_NAV: MainNavEntry[] = [
  { href: "/admin/users", labelKey: "users", show: canAdminister },
  { href: "/admin/organizations", labelKey: "organizations", show: canAdminister },
  { href: "/admin/policies", labelKey: "policies", show: canAdminister },
  { href: "/admin/quality", labelKey: "quality", show: canAdminister },
  { href: "/admin/audit", labelKey: "audit", show: canAdminister },
  { href: "/admin/webhooks", labelKey: "webhooks", show: canAdminister },
];
