// Where things live. The project tabs and the main navigation, with who sees each entry.
import type { Actor, Permission } from "@/lib/domain/permissions";

export type ProjectTab = {
  /** Path under /projects/[projectId]; "" is the overview. */
  segment: string;
  label: string;
  /** Shown only to accounts with this permission on the project (reading is always needed). */
  permission?: Permission;
  /** Vendor accounts only. */
  vendorOnly?: boolean;
};

export const PROJECT_TABS: ProjectTab[] = [
  { segment: "", label: "Overview" },
  { segment: "gates", label: "Gates" },
  { segment: "roadmap", label: "Roadmap" },
  { segment: "sprints", label: "Sprints" },
  { segment: "quality", label: "Quality" },
  { segment: "billing", label: "Billing", permission: "billing.view" },
  { segment: "guardians", label: "Guardians & training" },
  { segment: "validation", label: "Validation" },
  { segment: "escalations", label: "Escalations" },
  { segment: "go-live", label: "Go-live" },
  { segment: "integration", label: "Integration" },
  { segment: "migration", label: "Migration" },
  { segment: "schedule", label: "Schedule" },
  { segment: "reports", label: "Status reports" },
  { segment: "audit", label: "Audit trail" },
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
  { href: "/admin/users", label: "Users", show: (a) => a.role === "admin" },
  { href: "/admin/organizations", label: "Client organisations", show: (a) => a.role === "admin" },
  { href: "/admin/policies", label: "Gate policies", show: (a) => a.role === "admin" },
  { href: "/admin/quality", label: "Quality scale", show: (a) => a.role === "admin" },
  { href: "/admin/audit", label: "Audit chain", show: (a) => a.role === "admin" },
];
