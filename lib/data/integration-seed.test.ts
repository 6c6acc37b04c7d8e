import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { projects } from "@/db/schema";
import { getIntegrationRegistry } from "@/lib/data/integration";
import { getMigration } from "@/lib/data/migration";
import { checkRaci } from "@/lib/domain/migration";
import { createTestDb } from "@/lib/testing/fixtures";
import { seedDemo } from "@/db/seed/demo";
import { first } from "@/db/client";

describe("integration and migration demo data", () => {
  it("seeds registries with interfaces in every status and migration plans that satisfy the rules", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const admin = { id: "x", email: "a", name: "Admin", role: "admin" as const, organizationId: null };
    const byName = async (name: string) => (await first(db.select().from(projects).where(eq(projects.name, name))))!;
    for (const name of ["Nordlicht residential billing MVP", "Meridian prepaid mobile charging"]) {
      const registry = await getIntegrationRegistry(db, admin, (await byName(name)).id);
      expect(new Set(registry.interfaces.map((i) => i.status))).toEqual(
        new Set(["designed", "developed", "tested", "live"]),
      );
    }
    for (const name of ["Nordlicht residential billing MVP", "Helios gas retail migration"]) {
      const migration = await getMigration(db, admin, (await byName(name)).id);
      expect(checkRaci(migration.plan.raci)).toEqual([]);
      expect(migration.waves.length).toBe(3);
    }
    expect(
      (await getMigration(db, admin, (await byName("Helios gas retail migration")).id)).waves.map((w) => w.status),
    ).toEqual(["completed", "failed", "planned"]);
  }, 30_000);
});
