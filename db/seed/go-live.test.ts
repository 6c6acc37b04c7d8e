import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/fixtures";
import { first } from "@/db/client";
import { users } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { listProjects } from "@/lib/data/projects";
import { seedDemo } from "./demo";

describe("go-live demo data", () => {
  it("has one project ready to sign, one not ready, and a live one handed over", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const admin = (await first(db.select().from(users).where(eq(users.email, "admin@demo.test"))))!;
    const byName = async (name: string) => (await listProjects(db, admin, { limit: 50, q: name })).items[0];

    const wholesale = await getGoLive(db, admin, (await byName("wholesale interconnect")).id);
    expect(wholesale.checklist.filter((c) => !c.done)).toEqual([]);
    expect(wholesale).toMatchObject({ ready: true, status: "open" });
    expect(wholesale.stillToSign.length).toBeGreaterThanOrEqual(2);

    const residential = await getGoLive(db, admin, (await byName("residential billing")).id);
    expect(residential.ready).toBe(false);
    expect(residential.checklist.filter((c) => !c.done).map((c) => c.key)).toEqual(
      expect.arrayContaining(["homologation_passed", "production_passed", "gates_passed"]),
    );

    const emobility = await getGoLive(db, admin, (await byName("e-mobility")).id);
    expect(emobility).toMatchObject({ status: "handed_over", projectStatus: "live", stillToSign: [] });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
