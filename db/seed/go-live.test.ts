import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { users } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { getGoLive } from "@/lib/data/go-live";
import { listProjects } from "@/lib/data/projects";
import { seedDemo } from "./demo";

describe("go-live demo data", () => {
  it("has one project ready to sign, one not ready, and a live one handed over", async () => {
    const db = openDatabase(":memory:");
    await seedDemo(db);
    const admin = db.select().from(users).where(eq(users.email, "admin@demo.test")).get()!;
    const byName = (name: string) => listProjects(db, admin, { limit: 50, q: name }).items[0];

    const wholesale = getGoLive(db, admin, byName("wholesale interconnect").id);
    expect(wholesale.checklist.filter((c) => !c.done)).toEqual([]);
    expect(wholesale).toMatchObject({ ready: true, status: "open" });
    expect(wholesale.stillToSign.length).toBeGreaterThanOrEqual(2);

    const residential = getGoLive(db, admin, byName("residential billing").id);
    expect(residential.ready).toBe(false);
    expect(residential.checklist.filter((c) => !c.done).map((c) => c.key)).toEqual(expect.arrayContaining(["homologation_passed", "production_passed", "gates_passed"]));

    const emobility = getGoLive(db, admin, byName("e-mobility").id);
    expect(emobility).toMatchObject({ status: "handed_over", projectStatus: "live", stillToSign: [] });
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
