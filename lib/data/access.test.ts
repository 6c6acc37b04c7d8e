import { describe, expect, it } from "vitest";
import { requireAdministrator } from "@/lib/data/access";
import type { Actor } from "@/lib/domain/permissions";
import { AppError } from "@/lib/errors";

const actor = (role: Actor["role"]): Actor => ({
  id: `${role}-1`,
  email: `${role}@example.test`,
  name: role,
  role,
  organizationId: role === "client" ? "org-1" : null,
});

describe("requireAdministrator: the one installation-wide check", () => {
  it.each([
    { role: "admin" as const, refused: false },
    { role: "staff" as const, refused: true },
    { role: "client" as const, refused: true },
  ])("$role → refused: $refused", ({ role, refused }) => {
    const attempt = () => requireAdministrator(actor(role), "Only administrators manage gate policies.");
    if (!refused) {
      expect(attempt).not.toThrow();
      return;
    }
    expect(attempt).toThrow(AppError);
    try {
      attempt();
    } catch (error) {
      expect((error as AppError).code).toBe("forbidden");
      expect((error as AppError).message).toBe("Only administrators manage gate policies.");
    }
  });

  it("says a general refusal when the caller names none", () => {
    expect(() => requireAdministrator(actor("staff"))).toThrow("Only administrators can do this.");
  });
});
