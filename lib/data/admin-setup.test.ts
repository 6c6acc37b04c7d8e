import { describe, expect, it } from "vitest";
import { adminSetup } from "@/lib/data/admin-setup";
import { createTestDb, makeUser, makeWorld } from "@/lib/testing/fixtures";

describe("the administrator's setup steps, from the installation's counts", () => {
  it("a fresh installation with only its administrator has organisation and people to do", () => {
    const db = createTestDb();
    const admin = makeUser(db, "admin");
    const setup = adminSetup(db, admin);
    expect(setup.steps.find((s) => s.key === "organization")!.done).toBe(false);
    expect(setup.steps.find((s) => s.key === "people")!.done).toBe(false);
    expect(setup.done).toBe(false);
  });

  it("an installation with organisations, people and a project is all done; others may not ask", () => {
    const db = createTestDb();
    const world = makeWorld(db);
    expect(adminSetup(db, world.admin).done).toBe(true);
    expect(() => adminSetup(db, world.pm)).toThrow();
  });
});
