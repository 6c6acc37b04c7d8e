import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createTestDb } from "@/lib/testing/fixtures";
import { first } from "@/db/client";
import { gatePolicies, users } from "@/db/schema";
import { verifyAuditChain } from "@/lib/audit";
import { listGates } from "@/lib/data/gate-views";
import { getGoLive } from "@/lib/data/go-live-readiness";
import { listPolicies } from "@/lib/data/policies";
import { listProjects } from "@/lib/data/projects";
import { seedDemo } from "./demo";

describe("six-step demo data", () => {
  it("seeds both policies and an AquaVale project at step 4 of the six-step rollout", async () => {
    const db = await createTestDb();
    await seedDemo(db);
    const account = async (email: string) => (await first(db.select().from(users).where(eq(users.email, email))))!;
    const admin = await account("admin@demo.test");
    const pm = await account("pm@demo.test");

    expect((await db.select({ name: gatePolicies.name }).from(gatePolicies)).map((p) => p.name).sort()).toEqual([
      "Light-gating policy",
      "Six-step rollout",
    ]);
    const sixStep = (await listPolicies(db, admin)).find((p) => p.name === "Six-step rollout")!;
    expect(sixStep.versions.map((v) => [v.version, v.projectCount])).toEqual([[1, 1]]);

    const project = (await listProjects(db, pm, { limit: 5, q: "wastewater" })).items[0];
    expect(project).toMatchObject({ currentGate: 4, status: "active", clientOrganization: { name: "AquaVale Water" } });
    const { gates } = await listGates(db, pm, project.id);
    expect(gates.map((g) => [g.number, g.status])).toEqual([
      [6, "go"],
      [5, "go"],
      [4, "pending"],
      [3, "pending"],
      [2, "pending"],
      [1, "pending"],
    ]);
    const step5 = gates.find((g) => g.number === 5)!;
    expect(step5.artifacts.every((a) => a.status === "approved" && a.latestVersion)).toBe(true);
    const step4 = gates.find((g) => g.number === 4)!;
    expect(Object.fromEntries(step4.artifacts.map((a) => [a.type, a.status]))).toMatchObject({
      macro_schedule: "approved",
      detailed_schedule: "submitted",
    });
    expect(
      step4.board
        .filter((s) => s.required)
        .map((s) => s.email)
        .sort(),
    ).toEqual(["owner@other.demo.test", "pm@demo.test"]);

    const goLive = await getGoLive(db, pm, project.id);
    expect(goLive.checklist.find((c) => c.key === "gates_passed")).toMatchObject({
      done: false,
      label: "Gates 6 to 2 passed, with no open conditions",
    });
    expect(goLive.goLiveGate).toEqual({ number: 1, name: "Go-live" });

    // A client of another organisation never sees it.
    expect((await listProjects(db, await account("viewer@demo.test"), { limit: 5, q: "wastewater" })).items).toEqual(
      [],
    );
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
