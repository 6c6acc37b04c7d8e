import { describe, expect, it } from "vitest";
import { adminSetup } from "@/lib/data/admin-setup";
import { createTestDb, makeUser, makeWorld } from "@/lib/testing/fixtures";

describe("the administrator's setup steps, from the installation's counts", () => {
  it("a fresh installation with only its administrator has organisation and people to do", async () => {
    const db = await createTestDb();
    const admin = await makeUser(db, "admin");
    const setup = await adminSetup(db, admin);
    expect(setup.steps.find((s) => s.key === "organization")!.done).toBe(false);
    expect(setup.steps.find((s) => s.key === "people")!.done).toBe(false);
    expect(setup.done).toBe(false);
  });

  it("an installation with organisations, people and a project is all done; others may not ask", async () => {
    const db = await createTestDb();
    const world = await makeWorld(db);
    expect((await adminSetup(db, world.admin)).done).toBe(true);
    await expect(adminSetup(db, world.pm)).rejects.toThrow();
  });
});
