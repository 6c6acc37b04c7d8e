import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/permissions";
import { ADMIN_NAV, MAIN_NAV } from "@/lib/navigation";

const actor = (role: Actor["role"]): Actor => ({
  id: `${role}-1`,
  email: `${role}@example.test`,
  name: role,
  role,
  organizationId: role === "client" ? "org-1" : null,
});
const shown = (entries: typeof MAIN_NAV, role: Actor["role"]) =>
  entries.filter((e) => e.show(actor(role))).map((e) => e.href);

describe("the main navigation shows each account what it may open", () => {
  it.each([
    {
      role: "admin" as const,
      admin: [
        "/admin/users",
        "/admin/organizations",
        "/admin/policies",
        "/admin/quality",
        "/admin/audit",
        "/admin/webhooks",
      ],
      billing: true,
    },
    { role: "staff" as const, admin: [], billing: true },
    { role: "client" as const, admin: [], billing: false },
  ])("$role", ({ role, admin, billing }) => {
    expect(shown(ADMIN_NAV, role)).toEqual(admin);
    expect(shown(MAIN_NAV, role).includes("/billing")).toBe(billing);
  });
});
