// Where things live. The project tabs and the main navigation, with who sees each entry.
import { canAdminister, type Actor, type Permission } from "@/lib/domain/permissions";

/** The project's sections fall into a few groups, so the navigation fits a laptop and a phone. */
export const PROJECT_TAB_GROUPS = ["Governance", "Delivery", "Client readiness", "Technical", "Reports"] as const;
export type ProjectTabGroup = (typeof PROJECT_TAB_GROUPS)[number];

export type ProjectTab = {
  /** Path under /projects/[projectId]; "" is the overview. */
  segment: string;
  label: string;
  group: ProjectTabGroup;
  /** Shown only to accounts with this permission on the project (reading is always needed). */
  permission?: Permission;
  /** Vendor accounts only. */
  vendorOnly?: boolean;
};

export const PROJECT_TABS: ProjectTab[] = [
  { segment: "", label: "Overview", group: "Governance" },
  { segment: "gates", label: "Gates", group: "Governance" },
  { segment: "schedule", label: "Schedule", group: "Governance" },
  { segment: "audit", label: "Audit trail", group: "Governance" },
  { segment: "roadmap", label: "Roadmap", group: "Delivery" },
  { segment: "sprints", label: "Sprints", group: "Delivery" },
  { segment: "quality", label: "Quality", group: "Delivery" },
  { segment: "billing", label: "Billing", group: "Delivery", permission: "billing.view" },
  { segment: "guardians", label: "Guardians & training", group: "Client readiness" },
  { segment: "validation", label: "Validation", group: "Client readiness" },
  { segment: "escalations", label: "Escalations", group: "Client readiness" },
  { segment: "go-live", label: "Go-live", group: "Client readiness" },
  { segment: "integration", label: "Integration", group: "Technical" },
  { segment: "migration", label: "Migration", group: "Technical" },
  { segment: "reports", label: "Status reports", group: "Reports" },
];

export type MainNavEntry = { href: string; label: string; show: (actor: Actor) => boolean };

export const MAIN_NAV: MainNavEntry[] = [
  { href: "/dashboard", label: "Dashboard", show: () => true },
  { href: "/projects", label: "Projects", show: () => true },
  { href: "/reviews", label: "My reviews", show: () => true },
  { href: "/timeline", label: "Timeline", show: () => true },
  { href: "/billing", label: "Billing", show: (a) => a.role !== "client" },
];

export const ADMIN_NAV: MainNavEntry[] = [
  { href: "/admin/users", label: "Users", show: canAdminister },
  { href: "/admin/organizations", label: "Client organisations", show: canAdminister },
  { href: "/admin/policies", label: "Gate policies", show: canAdminister },
  { href: "/admin/quality", label: "Quality scale", show: canAdminister },
  { href: "/admin/audit", label: "Audit chain", show: canAdminister },
];
